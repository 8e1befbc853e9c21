// 导出为 Word: exports the current document in the GB/T 9704 layout. The export is made first
// (with a progress note for long documents); if it has warnings (unfilled fields, empty sections,
// a missing 成文日期) they are listed and the user decides; then the file is saved through the
// native save dialog (desktop) or downloaded (browser mode). The document itself is never touched.
import { useEffect, useState } from 'react';
import type { JSX } from 'react';
import type { Client } from '@common/client';
import type { MethodOutput } from '@common/contract';
import { Dialog } from '../../ui/Dialog';
import { errorMessage } from '../../api/errors';
import { ExportFailed, ExportProgress } from './ExportProgress';

type Exported = MethodOutput<'export.docx'>;

/** Props of ExportDialog. */
export interface ExportDialogProps {
  client: Client;
  docId: string;
  /** True when a native save dialog exists (desktop); otherwise the browser downloads the file. */
  nativeSave: boolean;
  /** Saves pending edits first, so the export holds what is on screen. */
  flush: () => Promise<void>;
  /** Reports the outcome (shown as a toast by the workspace). */
  onDone: (message: string | null) => void;
}

/** Starts a browser download of base64 data. */
export function downloadBase64(fileName: string, dataBase64: string, mime: string): void {
  const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The export flow as a dialog. */
export function ExportDialog({ client, docId, nativeSave, flush, onDone }: ExportDialogProps): JSX.Element {
  const [state, setState] = useState<{ kind: 'working' | 'generating' } | { kind: 'warnings'; exported: Exported } | { kind: 'saving' } | { kind: 'error'; message: string }>({ kind: 'working' });

  const save = async (exported: Exported): Promise<void> => {
    setState({ kind: 'saving' });
    try {
      if (nativeSave) {
        const result = await client.call('shell.saveFile', { fileName: exported.fileName, dataBase64: exported.dataBase64, filter: { name: 'Word 文档', extensions: ['docx'] } });
        onDone(result.saved ? `已导出为 Word（约 ${exported.pages} 页）：${result.path ?? ''}` : null);
      } else {
        downloadBase64(exported.fileName, exported.dataBase64, DOCX_MIME);
        onDone(`已导出为 Word（约 ${exported.pages} 页）：${exported.fileName}`);
      }
    } catch (error) {
      setState({ kind: 'error', message: `保存失败：${errorMessage(error)}。文稿本身没有改动，可换个位置再试。` });
    }
  };

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        await flush();
        if (!cancelled) setState({ kind: 'generating' });
        const exported = await client.call('export.docx', { id: docId });
        if (cancelled) return;
        if (exported.warnings.length) setState({ kind: 'warnings', exported });
        else await save(exported);
      } catch (error) {
        if (!cancelled) setState({ kind: 'error', message: `导出失败：${errorMessage(error)}` });
      }
    })();
    return () => {
      cancelled = true;
    };
    // Runs once per opened dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (state.kind === 'warnings') {
    return (
      <Dialog
        title="导出前请注意"
        onClose={() => onDone(null)}
        actions={
          <>
            <button type="button" className="btn" onClick={() => onDone(null)}>
              返回修改
            </button>
            <button type="button" className="btn btn-primary" data-autofocus data-testid="export-anyway" onClick={() => void save(state.exported)}>
              仍然导出
            </button>
          </>
        }
      >
        <ul className="export-warnings" data-testid="export-warnings">
          {state.exported.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
        <p className="list-note">导出约 {state.exported.pages} 页（GB/T 9704 版式：每页 22 行，每行 28 字）。</p>
      </Dialog>
    );
  }
  if (state.kind === 'error') return <ExportFailed title="导出为 Word" message={state.message} onClose={() => onDone(null)} />;
  return (
    <Dialog title="导出为 Word" onClose={() => undefined} actions={null}>
      <ExportProgress
        stage={state.kind === 'saving' ? 'save' : state.kind === 'generating' ? 'generate' : 'layout'}
        note={state.kind === 'saving' ? '正在保存文件…' : state.kind === 'generating' ? '正在排版并生成 Word 文件…' : '正在保存尚未保存的修改，准备排版…'}
      />
    </Dialog>
  );
}
