// 导出为 Word: exports the current document in the chosen format profile (GB/T 9704 unless the
// writer picked another; the choice is remembered). The export is made first, so the dialog shows
// the pages it takes and any warnings (unfilled fields, empty sections, a missing 成文日期); picking
// another profile exports again; 版式设置… opens the profile editor on top. Then the file is saved
// through the native save dialog (desktop) or downloaded (browser mode). The document is never touched.
import { useEffect, useRef, useState } from 'react';
import type { JSX } from 'react';
import type { Client } from '@common/client';
import type { MethodOutput, SavedProfile } from '@common/contract';
import { profileGrid } from '@common/formatProfile';
import { Dialog } from '../../ui/Dialog';
import { errorMessage } from '../../api/errors';
import { ProfilesDialog } from '../profiles/ProfilesDialog';
import { availableProfileId, rememberProfileId, rememberedProfileId } from '../profiles/profileChoice';
import { ExportFailed, ExportProgress } from './ExportProgress';
import { downloadBase64 } from '../../lib/download';

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

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The export flow as a dialog. */
export function ExportDialog({ client, docId, nativeSave, flush, onDone }: ExportDialogProps): JSX.Element {
  const [state, setState] = useState<
    { kind: 'working' } | { kind: 'ready'; exported: Exported; busy: boolean; error: string | null } | { kind: 'saving' } | { kind: 'error'; message: string }
  >({ kind: 'working' });
  const [profiles, setProfiles] = useState<SavedProfile[]>([]);
  const [profileId, setProfileId] = useState(rememberedProfileId);
  const [managing, setManaging] = useState(false);
  /** Only the newest export's answer is shown when the profile changes quickly. */
  const request = useRef(0);

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

  /** Exports with a profile (remembering the choice) and shows the result. */
  const exportWith = async (id: string): Promise<void> => {
    const mine = ++request.current;
    setProfileId(id);
    rememberProfileId(id);
    setState((s) => (s.kind === 'ready' ? { ...s, busy: true, error: null } : s));
    try {
      const exported = await client.call('export.docx', { id: docId, profileId: id });
      if (mine === request.current) setState({ kind: 'ready', exported, busy: false, error: null });
    } catch (error) {
      if (mine !== request.current) return;
      const message = `导出失败：${errorMessage(error)}`;
      setState((s) => (s.kind === 'ready' ? { ...s, busy: false, error: message } : { kind: 'error', message }));
    }
  };

  /** Reloads the profiles (after 版式设置) and exports with the chosen one. */
  const reload = async (wanted: string): Promise<void> => {
    try {
      const list = await client.call('profiles.list', {});
      setProfiles(list);
      await exportWith(availableProfileId(list, wanted));
    } catch (error) {
      setState({ kind: 'error', message: `导出失败：${errorMessage(error)}` });
    }
  };

  useEffect(() => {
    void (async () => {
      try {
        await flush();
      } catch (error) {
        setState({ kind: 'error', message: `导出失败：${errorMessage(error)}` });
        return;
      }
      await reload(rememberedProfileId());
    })();
    return () => {
      request.current += 1;
    };
    // Runs once per opened dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const manager = managing ? (
    <ProfilesDialog
      client={client}
      initialId={profileId}
      onClose={(id) => {
        setManaging(false);
        void reload(id ?? profileId);
      }}
    />
  ) : null;

  if (state.kind === 'ready') {
    const { exported, busy } = state;
    const chosen = profiles.find((p) => p.id === profileId);
    const grid = chosen ? profileGrid(chosen.profile) : null;
    const warned = exported.warnings.length > 0;
    return (
      <>
        {/* Keyed per state so each state's dialog takes the focus (Enter exports, Esc cancels). */}
        <Dialog
          key="ready"
          title="导出为 Word"
          onClose={() => onDone(null)}
          actions={
            <>
              <button type="button" className="btn" onClick={() => onDone(null)}>
                {warned ? '返回修改' : '取消'}
              </button>
              <button type="button" className="btn btn-primary" data-autofocus aria-disabled={busy} data-testid={warned ? 'export-anyway' : 'export-save'} onClick={() => (busy ? undefined : void save(exported))}>
                {warned ? '仍然导出' : '导出'}
              </button>
            </>
          }
        >
          <div className="export-profile">
            <label htmlFor="export-profile">版式</label>
            <select id="export-profile" value={profileId} data-testid="export-profile" onChange={(event) => void exportWith(event.target.value)}>
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <button type="button" className="btn btn-small" data-testid="export-profiles" onClick={() => setManaging(true)}>
              版式设置…
            </button>
          </div>
          <p className="list-note" data-testid="export-pages" aria-live="polite">
            {busy ? '正在排版…' : `导出约 ${exported.pages} 页${grid ? `（每页 ${grid.linesPerPage} 行，每行 ${grid.charsPerLine} 字）` : ''}。`}
          </p>
          {state.error ? <p role="alert" className="list-note is-error">{state.error}</p> : null}
          {warned ? (
            <>
              <p>导出前请注意：</p>
              <ul className="export-warnings" data-testid="export-warnings">
                {exported.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </>
          ) : null}
        </Dialog>
        {manager}
      </>
    );
  }
  if (state.kind === 'error') return <ExportFailed title="导出为 Word" message={state.message} onClose={() => onDone(null)} />;
  return (
    <Dialog key={state.kind} title="导出为 Word" onClose={() => undefined} actions={null}>
      {state.kind === 'saving' ? <ExportProgress stage="save" note="正在保存文件…" /> : <ExportProgress stage="layout" note="正在排版并生成 Word 文件…" />}
    </Dialog>
  );
}
