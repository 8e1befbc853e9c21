// The panel's ⋯ menu: 新建常用语, 导入常用语包… (a .json file; the result says how many were added
// and how many duplicates skipped; a refused pack lists every problem and nothing is imported),
// and 导出 all, the current kind or the current topic (saved through the desktop's save dialog,
// downloaded in browser mode).
import { useRef, useState } from 'react';
import type { JSX } from 'react';
import { MAX_PACK_JSON_CHARS } from '@common/contract';
import { snippetKindNames } from '@common/snippetModel';
import type { SnippetKind } from '@common/snippetModel';
import { errorMessage } from '../../api/errors';
import { Dialog } from '../../ui/Dialog';
import { Menu } from '../../ui/Menu';
import type { MenuItem } from '../../ui/Menu';
import { useSnippets } from './SnippetsProvider';
import { downloadText, utf8Base64 } from './snippetsSession';

type Outcome = { kind: 'added'; name: string; added: number; duplicates: number } | { kind: 'refused'; fileName: string; lead: string; problems: string[] };

/**
 * A refusal split into its lead sentence and the problems, one per line of the engine's message
 * ("常用语包有 3 处问题……：\n第 2 条：…\n…"). A one-line message is the lead alone.
 */
export function packProblems(message: string): { lead: string; problems: string[] } {
  const lines = message
    .split(/\n+/)
    .map((line) => line.replace(/^\s*[-•·]\s*/, '').trim())
    .filter(Boolean);
  const [first = '', ...rest] = lines;
  return rest.length ? { lead: first, problems: rest } : { lead: first, problems: [] };
}

/** The ⋯ menu button with its menu and the import result dialog. */
export function PackMenu({ kind, topic }: { kind: SnippetKind | null; topic: string | null }): JSX.Element {
  const snippets = useSnippets();
  const { env } = snippets;
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const [button, setButton] = useState<HTMLButtonElement | null>(null);

  const exportPack = async (scope: { kind?: SnippetKind; topic?: string }, label: string): Promise<void> => {
    setBusy(true);
    try {
      const pack = await env.client.call('snippets.exportPack', { ...scope, name: `文稿常用语·${label}` });
      if (env.nativeSave) {
        const saved = await env.client.call('shell.saveFile', { fileName: pack.fileName, dataBase64: utf8Base64(pack.json), filter: { name: '常用语包', extensions: ['json'] } });
        if (saved.saved) env.notify(`已导出 ${pack.count} 条常用语：${saved.path ?? pack.fileName}`, 'success');
      } else {
        downloadText(pack.fileName, pack.json, 'application/json');
        env.notify(`已导出 ${pack.count} 条常用语：${pack.fileName}`, 'success');
      }
    } catch (error) {
      env.notify(`导出失败：${errorMessage(error)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File): Promise<void> => {
    setBusy(true);
    try {
      if (file.size > MAX_PACK_JSON_CHARS * 3) throw new Error('too big');
      const json = await file.text();
      const result = await env.client.call('snippets.importPack', { json });
      env.session.changed();
      setOutcome({ kind: 'added', ...result });
    } catch (error) {
      const message = error instanceof Error && error.message === 'too big' ? '常用语包过大，请拆分后再导入。' : errorMessage(error);
      setOutcome({ kind: 'refused', fileName: file.name, ...packProblems(message) });
    } finally {
      setBusy(false);
    }
  };

  type Action = 'create' | 'import' | 'exportAll' | 'exportKind' | 'exportTopic';
  const items: MenuItem<Action>[] = [
    { key: 'create', label: '新建常用语…' },
    { key: 'import', label: '导入常用语包…' },
    { key: 'exportAll', label: '导出全部常用语…' },
    ...(kind ? [{ key: 'exportKind' as const, label: `导出“${snippetKindNames[kind]}”类…` }] : []),
    ...(topic ? [{ key: 'exportTopic' as const, label: `导出“${topic}”主题…` }] : []),
  ];
  const run = (action: Action): void => {
    if (action === 'create') snippets.create();
    else if (action === 'import') fileRef.current?.click();
    else if (action === 'exportAll') void exportPack({}, '全部');
    else if (action === 'exportKind' && kind) void exportPack({ kind }, snippetKindNames[kind]);
    else if (action === 'exportTopic' && topic) void exportPack({ topic }, topic);
  };

  return (
    <>
      <button
        ref={setButton}
        type="button"
        className="icon-btn snip-menu-btn"
        aria-label="常用语菜单"
        aria-haspopup="menu"
        aria-expanded={open}
        title="新建、导入、导出常用语"
        disabled={busy}
        onClick={() => setOpen((o) => !o)}
      >
        ⋯
      </button>
      {open ? (
        <Menu
          label="常用语菜单"
          className="snip-menu"
          items={items}
          owner={button}
          onClose={(byKeyboard) => {
            setOpen(false);
            if (byKeyboard) button?.focus();
          }}
          onRun={(action) => {
            setOpen(false);
            run(action);
          }}
        />
      ) : null}
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="snippet-pack-file"
        aria-label="选择常用语包文件"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {outcome ? (
        <Dialog
          title={outcome.kind === 'added' ? '常用语包已导入' : '常用语包未导入'}
          className={outcome.kind === 'refused' ? 'dialog-medium' : undefined}
          onClose={() => setOutcome(null)}
          actions={
            <button type="button" className="btn btn-primary" onClick={() => setOutcome(null)}>
              知道了
            </button>
          }
        >
          {outcome.kind === 'added' ? (
            <p data-testid="pack-result">
              已导入“{outcome.name}”：新增 {outcome.added} 条
              {outcome.duplicates ? `，跳过重复 ${outcome.duplicates} 条` : ''}。新增的常用语在“我的”中。
            </p>
          ) : (
            <>
              <p role="alert">
                “{outcome.fileName}”：{outcome.lead}
              </p>
              {outcome.problems.length ? (
                <ul className="pack-problems" data-testid="pack-problems" aria-label="问题">
                  {outcome.problems.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              ) : null}
              <p className="muted">整包没有导入，常用语库没有任何改动。</p>
            </>
          )}
        </Dialog>
      ) : null}
    </>
  );
}
