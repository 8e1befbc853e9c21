// 导入旧文稿: .docx / .txt / .md files or pasted text become structured, numbered documents. One
// source shows a preview first (outline with levels and kinds the user can correct, junk removed,
// repeats and normalisations listed); several files are imported in a batch with progress and a
// summary of what succeeded and what failed and why. Nothing is stored until the user confirms.
import { useMemo, useState } from 'react';
import type { JSX } from 'react';
import type { Client } from '@common/client';
import type { ImportPreview } from '@common/contract';
import { numberHeadings } from '@common/numbering';
import type { HeadingLevel } from '@common/numbering';
import { sectionKindNames, sectionKinds } from '@common/reportModel';
import type { SectionKind } from '@common/reportModel';
import { Dialog } from '../../ui/Dialog';
import { errorMessage } from '../../api/errors';
import { applyPreviewEdit } from './previewEdits';
import type { PreviewEdit } from './previewEdits';

/** Files the importer reads. */
export const IMPORT_ACCEPT = '.docx,.txt,.md,.markdown,.text';

/** Props of ImportDialog. */
export interface ImportDialogProps {
  client: Client;
  /** Text to start from (编辑 → 粘贴为结构化文本), or null to start by choosing files. */
  initialText: string | null;
  /** Called with the ids created, after the user closes the summary or confirms a preview. */
  onImported: (ids: string[]) => void;
  onClose: () => void;
}

/** Reads a File as base64 (chunked, so large files do not overflow the call stack). */
async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Recognises one file through the contract. */
async function recogniseFile(client: Client, file: File): Promise<ImportPreview> {
  return client.call('import.recognise', { fileName: file.name, dataBase64: await fileToBase64(file) });
}

type Outcome = { name: string; ok: true; id: string; headings: number } | { name: string; ok: false; reason: string };

type Stage =
  | { kind: 'choose'; text: string; error: string | null }
  | { kind: 'working'; message: string; done: number; total: number }
  | { kind: 'preview'; name: string; preview: ImportPreview; title: string }
  | { kind: 'summary'; outcomes: Outcome[] };

/** The 导入 dialog. */
export function ImportDialog({ client, initialText, onImported, onClose }: ImportDialogProps): JSX.Element {
  const [stage, setStage] = useState<Stage>({ kind: 'choose', text: initialText ?? '', error: null });

  const showPreview = (name: string, preview: ImportPreview): void => setStage({ kind: 'preview', name, preview, title: preview.title ?? name.replace(/\.[^.]+$/, '') });

  const recogniseText = async (text: string): Promise<void> => {
    setStage({ kind: 'working', message: '正在识别结构…', done: 0, total: 1 });
    try {
      showPreview('粘贴的文字', await client.call('import.recognise', { text, format: 'paste' }));
    } catch (error) {
      setStage({ kind: 'choose', text, error: errorMessage(error) });
    }
  };

  const chooseFiles = async (files: File[]): Promise<void> => {
    if (files.length === 0) return;
    if (files.length === 1 && files[0]) {
      const file = files[0];
      setStage({ kind: 'working', message: `正在识别“${file.name}”…`, done: 0, total: 1 });
      try {
        showPreview(file.name, await recogniseFile(client, file));
      } catch (error) {
        setStage({ kind: 'choose', text: '', error: `“${file.name}”无法导入：${errorMessage(error)}` });
      }
      return;
    }
    const outcomes: Outcome[] = [];
    for (const [i, file] of files.entries()) {
      setStage({ kind: 'working', message: `正在导入“${file.name}”`, done: i, total: files.length });
      try {
        const preview = await recogniseFile(client, file);
        const doc = await client.call('documents.create', { title: preview.title ?? file.name.replace(/\.[^.]+$/, ''), content: preview.content });
        outcomes.push({ name: file.name, ok: true, id: doc.id, headings: preview.outline.length });
      } catch (error) {
        outcomes.push({ name: file.name, ok: false, reason: errorMessage(error) });
      }
    }
    setStage({ kind: 'summary', outcomes });
  };

  const confirm = async (name: string, preview: ImportPreview, title: string): Promise<void> => {
    setStage({ kind: 'working', message: '正在保存…', done: 0, total: 1 });
    try {
      const doc = await client.call('documents.create', { title: title.trim() || name, content: preview.content });
      onImported([doc.id]);
    } catch (error) {
      setStage({ kind: 'preview', name, preview, title });
      window.alert(`导入失败：${errorMessage(error)}`);
    }
  };

  if (stage.kind === 'summary') {
    const ids = stage.outcomes.flatMap((o) => (o.ok ? [o.id] : []));
    const failed = stage.outcomes.filter((o) => !o.ok);
    return (
      <Dialog
        title="导入完成"
        onClose={() => onImported(ids)}
        actions={
          <button type="button" className="btn btn-primary" data-autofocus onClick={() => onImported(ids)}>
            完成
          </button>
        }
      >
        <p data-testid="import-summary">
          成功 {ids.length} 篇{failed.length ? `，失败 ${failed.length} 篇` : ''}。
        </p>
        <ul className="import-outcomes">
          {stage.outcomes.map((o) => (
            <li key={o.name} className={o.ok ? 'is-ok' : 'is-error'}>
              {o.name}：{o.ok ? `已导入，识别到 ${o.headings} 个标题` : o.reason}
            </li>
          ))}
        </ul>
      </Dialog>
    );
  }

  if (stage.kind === 'working') {
    return (
      <Dialog title="导入旧文稿" onClose={() => undefined} actions={null}>
        <p role="status">{stage.message}</p>
        {stage.total > 1 ? (
          <progress max={stage.total} value={stage.done} aria-label="导入进度">
            {stage.done}/{stage.total}
          </progress>
        ) : null}
      </Dialog>
    );
  }

  if (stage.kind === 'preview') {
    return <PreviewStage stage={stage} onChange={setStage} onConfirm={confirm} onClose={onClose} />;
  }

  return (
    <Dialog
      title="导入旧文稿"
      onClose={onClose}
      className="dialog-wide"
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            取消
          </button>
          <button type="button" className="btn btn-primary" disabled={!stage.text.trim()} onClick={() => void recogniseText(stage.text)} data-testid="import-recognise">
            识别结构
          </button>
        </>
      }
    >
      <label className="btn import-choose">
        选择文件（.docx、.txt、.md，可多选）…
        <input type="file" accept={IMPORT_ACCEPT} multiple hidden data-testid="import-files" onChange={(e) => void chooseFiles([...(e.target.files ?? [])])} />
      </label>
      <p className="list-note">旧版 .doc、.wps 文件请先用 Word 或 WPS“另存为”.docx。也可以把文字粘贴到下面：</p>
      <textarea
        className="import-text"
        data-autofocus
        aria-label="粘贴要导入的文字"
        placeholder="粘贴旧报告的全文，文稿会识别标题、一、（一）1.（1）层级和各部分……"
        value={stage.text}
        onChange={(e) => setStage({ kind: 'choose', text: e.target.value, error: null })}
      />
      {stage.error ? (
        <p className="list-note is-error" role="alert">
          {stage.error}
        </p>
      ) : null}
    </Dialog>
  );
}

/** The preview: outline to correct, then what was removed or normalised. */
function PreviewStage({
  stage,
  onChange,
  onConfirm,
  onClose,
}: {
  stage: Extract<Stage, { kind: 'preview' }>;
  onChange: (stage: Stage) => void;
  onConfirm: (name: string, preview: ImportPreview, title: string) => Promise<void>;
  onClose: () => void;
}): JSX.Element {
  const { preview } = stage;
  const numbers = useMemo(() => numberHeadings(preview.outline.map((h) => h.level)), [preview.outline]);
  const edit = (e: PreviewEdit): void => {
    const content = applyPreviewEdit(preview.content, e);
    const outline = preview.outline.flatMap((h, i) => {
      if (i !== e.heading) return [h];
      if ('body' in e) return [];
      const level = 'level' in e ? e.level : h.level;
      const kind: SectionKind | null = level !== 1 ? null : 'kind' in e ? e.kind : (h.kind ?? 'other');
      return [{ ...h, level, kind }];
    });
    onChange({ ...stage, preview: { ...preview, content, outline } });
  };
  return (
    <Dialog
      title={`导入预览：${stage.name}`}
      onClose={onClose}
      className="dialog-wide import-preview"
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            取消
          </button>
          <button type="button" className="btn btn-primary" data-testid="import-confirm" onClick={() => void onConfirm(stage.name, preview, stage.title)}>
            确认导入
          </button>
        </>
      }
    >
      <label className="field-row">
        <span>标题</span>
        <input value={stage.title} onChange={(e) => onChange({ ...stage, title: e.target.value })} aria-label="标题" />
      </label>
      <p className="list-note">
        识别到 {preview.outline.length} 个标题、{preview.paragraphs} 个正文段落{preview.encoding ? `（编码 ${preview.encoding}）` : ''}。可调整层级、类别，或把误认的标题设为正文。
      </p>
      <ol className="import-outline" data-testid="import-outline">
        {preview.outline.map((h, i) => (
          <li key={`${i}-${h.text}`} className={`outline-level-${h.level}`}>
            <span className="outline-number">{numbers[i]}</span>
            <span className="outline-text">{h.text}</span>
            <select aria-label={`“${h.text}”的层级`} value={h.level} onChange={(e) => edit({ heading: i, level: Number(e.target.value) as HeadingLevel })}>
              <option value={1}>一级 一、</option>
              <option value={2}>二级 （一）</option>
              <option value={3}>三级 1.</option>
              <option value={4}>四级 （1）</option>
            </select>
            {h.level === 1 ? (
              <select aria-label={`“${h.text}”的类别`} value={h.kind ?? 'other'} onChange={(e) => edit({ heading: i, kind: e.target.value as SectionKind })}>
                {sectionKinds.map((k) => (
                  <option key={k} value={k}>
                    {sectionKindNames[k]}
                  </option>
                ))}
              </select>
            ) : null}
            <button type="button" className="btn btn-small" onClick={() => edit({ heading: i, body: true })}>
              设为正文
            </button>
          </li>
        ))}
        {preview.outline.length === 0 ? <li className="list-note">没有识别到标题层级，将作为普通段落导入。</li> : null}
      </ol>
      {preview.removed.length ? (
        <details>
          <summary>已去除网页杂项 {preview.removed.length} 行</summary>
          <ul>
            {preview.removed.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {preview.duplicates.length ? (
        <details open>
          <summary>重复段落 {preview.duplicates.length} 处（各保留一次）</summary>
          <ul>
            {preview.duplicates.map((d, i) => (
              <li key={i}>
                出现 {d.count} 次：{d.text.slice(0, 60)}
                {d.text.length > 60 ? '…' : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {preview.fixes.length ? (
        <details>
          <summary>已规范 {preview.fixes.length} 处</summary>
          <ul>
            {preview.fixes.map((f, i) => (
              <li key={i}>{f}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </Dialog>
  );
}
