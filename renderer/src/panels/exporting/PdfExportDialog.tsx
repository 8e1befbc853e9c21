// 导出为 PDF: saves pending edits, lays the stored report out line by line exactly as the Word
// export does (same lines, same pages), draws it as the print view and has the desktop shell
// print the window to PDF (webContents.printToPDF with the print stylesheet's @page), then saves
// it through the native save dialog. Browser mode cannot make a PDF itself: it opens the
// browser's print window on the same print view, and says how to save as PDF there.
import { useEffect, useState } from 'react';
import type { JSX } from 'react';
import type { Client } from '@common/client';
import type { FormatProfile } from '@common/formatProfile';
import { GBT9704_PROFILE } from '@common/formatProfile';
import { fillFields, reportBlocks } from '@common/reportModel';
import { errorMessage } from '../../api/errors';
import { displayTitle } from '../../lib/format';
import type { PrintPage } from '../../print/printLayout';
import { printPages } from '../../print/printLayout';
import { PrintView } from '../../print/PrintView';
import { Dialog } from '../../ui/Dialog';
import type { ExportStage } from './ExportProgress';
import { ExportFailed, ExportProgress } from './ExportProgress';

/** Props of PdfExportDialog. */
export interface PdfExportDialogProps {
  client: Client;
  docId: string;
  /** True in the desktop app (printToPDF and a native save dialog exist); browser mode prints. */
  nativeSave: boolean;
  /** Saves pending edits first, so the PDF holds what is on screen. */
  flush: () => Promise<void>;
  /** The format profile to lay out with (GB/T 9704 when absent). */
  profile?: FormatProfile;
  /** Reports the outcome (shown as a toast by the workspace). */
  onDone: (message: string | null) => void;
}

type State =
  | { kind: 'working'; stage: ExportStage; note: string }
  | { kind: 'printed'; pages: number }
  | { kind: 'error'; message: string };

/** Resolves on the next frame. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Waits until the print view shows the given pages and its fonts are loaded. */
async function printViewReady(pages: number): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const view = document.querySelector<HTMLElement>('.print-view');
    if (view && view.dataset.pages === String(pages)) break;
    await nextFrame();
  }
  await document.fonts.ready;
  await nextFrame();
}

/** Opens the browser's print window; its "另存为 PDF" names the file after the page title, so that is the report's title meanwhile. */
function printAs(name: string): void {
  const previous = document.title;
  document.title = name;
  window.print();
  document.title = previous;
}

/** The file name (without extension) of a title: what Windows allows. */
export function pdfBaseName(title: string): string {
  return displayTitle(title).replace(/[\\/:*?"<>|\r\n\t]+/g, '_').slice(0, 120);
}

/** The PDF export flow as a dialog (with the print view while it runs). */
export function PdfExportDialog({ client, docId, nativeSave, flush, profile = GBT9704_PROFILE, onDone }: PdfExportDialogProps): JSX.Element {
  const [state, setState] = useState<State>({ kind: 'working', stage: 'layout', note: `正在按“${profile.name}”排版…` });
  const [pages, setPages] = useState<PrintPage[] | null>(null);
  const [baseName, setBaseName] = useState('文稿');

  useEffect(() => {
    let cancelled = false;
    let stage: ExportStage = 'layout';
    void (async () => {
      try {
        await flush();
        const doc = await client.call('documents.get', { id: docId });
        const fields = doc.fields ?? {};
        const title = fillFields(doc.title, fields);
        await nextFrame();
        const laidOut = printPages(profile, { title, blocks: reportBlocks(doc.content, fields) });
        if (cancelled) return;
        const name = pdfBaseName(title);
        setBaseName(name);
        setPages(laidOut);
        stage = 'generate';
        setState({ kind: 'working', stage, note: `正在生成 PDF（${laidOut.length} 页）…` });
        await printViewReady(laidOut.length);
        if (cancelled) return;
        if (!nativeSave) {
          printAs(name);
          if (!cancelled) setState({ kind: 'printed', pages: laidOut.length });
          return;
        }
        const { dataBase64 } = await client.call('shell.printToPdf', {});
        if (cancelled) return;
        stage = 'save';
        setState({ kind: 'working', stage, note: '正在保存文件…' });
        const result = await client.call('shell.saveFile', { fileName: `${name}.pdf`, dataBase64, filter: { name: 'PDF 文档', extensions: ['pdf'] } });
        if (!cancelled) onDone(result.saved ? `已导出为 PDF（${laidOut.length} 页）：${result.path ?? ''}` : null);
      } catch (error) {
        if (cancelled) return;
        const why = errorMessage(error);
        const message =
          stage === 'save'
            ? `保存失败：${why}。文稿本身没有改动，可换个位置再试。`
            : stage === 'generate'
              ? `生成 PDF 失败：${why}。文稿本身没有改动；请再试一次，仍不行可先导出 Word，再用 Word 或 WPS 另存为 PDF。`
              : `排版失败：${why}。文稿本身没有改动，请稍后再试。`;
        setState({ kind: 'error', message });
      }
    })();
    return () => {
      cancelled = true;
    };
    // Runs once per opened dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const printView = pages ? <PrintView profile={profile} pages={pages} /> : null;

  if (state.kind === 'printed') {
    return (
      <>
        {printView}
        <Dialog
          title="导出为 PDF"
          onClose={() => onDone(null)}
          actions={
            <>
              <button
                type="button"
                className="btn"
                onClick={() => printAs(baseName)}
              >
                再次打印
              </button>
              <button type="button" className="btn btn-primary" data-autofocus data-testid="pdf-done" onClick={() => onDone(null)}>
                完成
              </button>
            </>
          }
        >
          <p data-testid="pdf-browser-note">
            已按“{profile.name}”排好 {state.pages} 页，并打开了浏览器的打印窗口。浏览器模式不能直接保存 PDF：请在打印窗口的“目标打印机”中选择“另存为 PDF”，纸张选 A4，并取消勾选“页眉和页脚”。
          </p>
          <p className="muted">在桌面版中，文件 → 导出为 PDF（Ctrl+Shift+P）会直接保存 PDF 文件。</p>
        </Dialog>
      </>
    );
  }
  if (state.kind === 'error') return <ExportFailed title="导出为 PDF" message={state.message} onClose={() => onDone(null)} />;
  return (
    <>
      {printView}
      <Dialog title="导出为 PDF" onClose={() => undefined} actions={null}>
        <ExportProgress stage={state.stage} note={state.note} />
      </Dialog>
    </>
  );
}
