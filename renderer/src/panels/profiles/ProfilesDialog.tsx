// 版式设置: the Word export's format profiles. The list shows the built-in GB/T 9704 profile
// (read-only; 复制为新方案 makes an editable copy) and the user's own. The form edits one profile:
// 纸张与页边距, 正文行距 / 每页行数 / 每行字数, the font and size of each element, bold level 2/3,
// the page number. Beside it a page diagram and "每页 22 行 × 每行 28 字" follow every keystroke;
// values that cannot be laid out are listed in Chinese and keep 保存 disabled.
import { useEffect, useEffectEvent, useId, useMemo, useState } from 'react';
import type { JSX } from 'react';
import type { Client } from '@common/client';
import type { SavedProfile } from '@common/contract';
import type { FontPair, FormatProfile } from '@common/formatProfile';
import { GBT9704_PROFILE, profileGrid } from '@common/formatProfile';
import { ConfirmDialog, Dialog } from '../../ui/Dialog';
import { errorMessage } from '../../api/errors';
import { PageDiagram } from './PageDiagram';
import { DEFAULT_PROFILE_ID } from './profileChoice';
import { COMMON_FONTS, PLACEMENTS, SIZE_NAMES, copyName, draftProblems, edit, sizeName, withBody, withCharsPerLine, withLinesPerPage } from './profileForm';
import './profiles.css';

/** Props of ProfilesDialog. */
export interface ProfilesDialogProps {
  client: Client;
  /** The profile to show first (the export dialog's choice); the built-in one when absent. */
  initialId?: string;
  /** Closes; `selectedId` is the profile shown last (saved), for the export dialog to pick. */
  onClose: (selectedId: string | null) => void;
}

/** What the form edits: a saved profile (id) or a new one not yet saved (no id). */
interface Draft {
  id: string | null;
  name: string;
  profile: FormatProfile;
  builtin: boolean;
  dirty: boolean;
}

function draftOf(saved: SavedProfile): Draft {
  return { id: saved.id, name: saved.name, profile: saved.profile, builtin: saved.builtin, dirty: false };
}

/** A number input that lets the user type freely ("", "37.") and reports only finite numbers. */
function NumberField(props: { label: string; value: number; onChange: (n: number) => void; step?: number; min?: number; unit?: string; testId?: string; integer?: boolean }): JSX.Element {
  const { label, value, onChange, step = 1, min = 0, unit, testId, integer } = props;
  const [text, setText] = useState<string | null>(null);
  const id = useId();
  const shown = text ?? String(Math.round(value * 100) / 100);
  return (
    <div className="pf-number">
      <label htmlFor={id}>{label}</label>
      <span className="pf-number-box">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          step={step}
          min={min}
          value={shown}
          data-testid={testId}
          onChange={(event) => {
            setText(event.target.value);
            const n = Number(event.target.value);
            if (event.target.value.trim() !== '' && Number.isFinite(n) && (!integer || (Number.isInteger(n) && n >= 1))) onChange(n);
          }}
          onBlur={() => setText(null)}
        />
        {unit ? <span className="pf-unit">{unit}</span> : null}
      </span>
    </div>
  );
}

/** One element's font row: Chinese font (combobox), size by name, optional bold. */
function FontRow(props: { label: string; font: FontPair; sizePt: number; bold?: boolean; listId: string; onFont: (name: string) => void; onSize: (pt: number) => void; onBold?: (bold: boolean) => void }): JSX.Element {
  const { label, font, sizePt, bold, listId, onFont, onSize, onBold } = props;
  const named = sizeName(sizePt);
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>
        <input className="pf-font" list={listId} value={font.eastAsia} aria-label={`${label}字体`} maxLength={64} spellCheck={false} onChange={(event) => onFont(event.target.value)} />
      </td>
      <td>
        <select className="pf-size" value={String(sizePt)} aria-label={`${label}字号`} onChange={(event) => onSize(Number(event.target.value))}>
          {named ? null : <option value={String(sizePt)}>{sizePt} 磅</option>}
          {SIZE_NAMES.map(([name, pt]) => (
            <option key={name} value={String(pt)}>
              {name}（{pt} 磅）
            </option>
          ))}
        </select>
      </td>
      <td className="pf-bold">
        {onBold ? (
          <label>
            <input type="checkbox" checked={bold ?? false} aria-label={`${label}加粗`} onChange={(event) => onBold(event.target.checked)} />
            加粗
          </label>
        ) : null}
      </td>
    </tr>
  );
}

const LEVEL_NAMES = ['一级标题', '二级标题', '三级标题', '四级标题'] as const;

/** The 版式设置 dialog. */
export function ProfilesDialog({ client, initialId, onClose }: ProfilesDialogProps): JSX.Element {
  const [profiles, setProfiles] = useState<SavedProfile[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ kind: 'switch'; to: Draft } | { kind: 'delete' } | { kind: 'close' } | null>(null);
  const listId = useId();

  /** Shows a fresh list; `select` (an id) becomes the profile in the form (the first when it is gone). */
  const showList = (list: SavedProfile[], select?: string): void => {
    setProfiles(list);
    setLoadError(null);
    if (select === undefined) return;
    const chosen = list.find((p) => p.id === select) ?? list[0];
    if (chosen) setDraft(draftOf(chosen));
  };
  const loadFailed = (error: unknown): void => setLoadError(`版式方案载入失败：${errorMessage(error)}`);

  /** Reloads the list after a save or delete. */
  const load = async (select?: string): Promise<void> => {
    try {
      showList(await client.call('profiles.list', {}), select);
    } catch (error) {
      loadFailed(error);
    }
  };

  const loaded = useEffectEvent((list: SavedProfile[]) => showList(list, initialId ?? DEFAULT_PROFILE_ID));
  const notLoaded = useEffectEvent(loadFailed);
  useEffect(() => {
    let cancelled = false;
    client.call('profiles.list', {}).then(
      (list) => {
        if (!cancelled) loaded(list);
      },
      (error: unknown) => {
        if (!cancelled) notLoaded(error);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client]);

  const others = useMemo(() => (profiles ?? []).filter((p) => p.id !== draft?.id), [profiles, draft?.id]);
  const problems = useMemo(() => (draft && !draft.builtin ? draftProblems(draft.name, draft.profile, others) : []), [draft, others]);
  const grid = draft ? profileGrid(draft.profile) : null;
  const geometryOk = draft ? draft.profile.paper.widthMm - draft.profile.margins.leftMm - draft.profile.margins.rightMm > 0 && draft.profile.paper.heightMm - draft.profile.margins.topMm - draft.profile.margins.bottomMm > 0 : false;

  /** Applies a change to the draft's profile. */
  const change = (next: (p: FormatProfile) => FormatProfile): void => {
    setDraft((d) => (d && !d.builtin ? { ...d, profile: next(d.profile), dirty: true } : d));
    setSaveError(null);
    setSavedNote(null);
  };
  const set = (fn: (p: FormatProfile) => void): void => change((p) => edit(p, fn));

  /** Shows another profile (asking first when the current one has unsaved changes). */
  const show = (to: Draft): void => {
    if (draft?.dirty) setConfirm({ kind: 'switch', to });
    else {
      setDraft(to);
      setSaveError(null);
      setSavedNote(null);
    }
  };

  const copy = (): void => {
    if (!draft) return;
    show({ id: null, name: copyName(draft.name, (profiles ?? []).map((p) => p.name)), profile: structuredClone(draft.profile), builtin: false, dirty: true });
  };

  const save = async (): Promise<void> => {
    if (!draft || draft.builtin || problems.length) return;
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await client.call('profiles.save', { ...(draft.id ? { id: draft.id } : {}), name: draft.name.trim(), profile: { ...draft.profile, name: draft.name.trim() } });
      await load();
      setDraft(draftOf(saved));
      setSavedNote(`已保存“${saved.name}”。`);
    } catch (error) {
      setSaveError(`没有保存：${errorMessage(error)}`);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (): Promise<void> => {
    if (!draft?.id || draft.builtin) return;
    try {
      await client.call('profiles.delete', { id: draft.id });
      await load(DEFAULT_PROFILE_ID);
      setSavedNote('已删除。');
    } catch (error) {
      setSaveError(`没有删除：${errorMessage(error)}`);
    }
  };

  const close = (): void => {
    if (draft?.dirty) setConfirm({ kind: 'close' });
    else onClose(draft?.id ?? null);
  };

  const statusNote = draft?.builtin
    ? '内置方案不能修改。要用其他版式，请“复制为新方案”后修改。'
    : problems.length
      ? `有 ${problems.length} 处设置需要改正（见右侧），改正后才能保存。`
      : draft?.dirty
        ? '有未保存的修改。'
        : '';
  const p = draft?.profile ?? GBT9704_PROFILE;
  const readOnly = !draft || draft.builtin;
  const listed: Draft[] = [...(profiles ?? []).map(draftOf)];
  if (draft && draft.id === null) listed.push(draft);

  return (
    <>
      <Dialog
        title="版式设置"
        className="dialog-wide profiles-dialog"
        onClose={close}
        actions={
          <>
            {draft && !draft.builtin && draft.id ? (
              <button type="button" className="btn btn-danger-text" data-testid="profile-delete" onClick={() => setConfirm({ kind: 'delete' })}>
                删除方案
              </button>
            ) : null}
            <span className="dialog-actions-note" role="status" data-testid="profile-status">
              {saveError ? <span className="pf-save-error">{saveError}</span> : (savedNote ?? statusNote)}
            </span>
            <button type="button" className="btn" onClick={close}>
              关闭
            </button>
            <button type="button" className="btn btn-primary" data-testid="profile-save" disabled={readOnly || !draft?.dirty || problems.length > 0 || saving} onClick={() => void save()}>
              {saving ? '正在保存…' : '保存'}
            </button>
          </>
        }
      >
        <div className="profiles">
          <div
            className="profile-list"
            role="listbox"
            aria-label="版式方案"
            data-testid="profile-list"
            onKeyDown={(event) => {
              if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
              event.preventDefault();
              const at = listed.findIndex((item) => item.id === (draft?.id ?? null));
              const next = listed[Math.min(listed.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))];
              if (next && next !== listed[at]) show(next);
            }}
          >
            {loadError ? <p className="list-note is-error">{loadError}</p> : null}
            {profiles === null && !loadError ? <p className="list-note">正在载入…</p> : null}
            {listed.map((item) => {
              const selected = draft !== null && (item.id === null ? draft.id === null : draft.id === item.id);
              const g = profileGrid(selected && draft ? draft.profile : item.profile);
              return (
                <div
                  key={item.id ?? 'new'}
                  role="option"
                  aria-selected={selected}
                  tabIndex={selected ? 0 : -1}
                  className={`profile-option${selected ? ' is-selected' : ''}`}
                  onClick={() => (selected ? undefined : show(item))}
                >
                  <span className="profile-option-name">
                    {selected && draft ? draft.name || '（未命名）' : item.name}
                    {item.builtin ? <span className="pf-badge">内置</span> : null}
                    {item.id === null ? <span className="pf-badge is-new">未保存</span> : null}
                  </span>
                  <span className="profile-option-note">
                    每页 {g.linesPerPage} 行 × 每行 {g.charsPerLine} 字
                  </span>
                </div>
              );
            })}
            <div className="profile-list-actions">
              <button type="button" className="btn btn-small" data-testid="profile-copy" disabled={!draft} onClick={copy}>
                复制为新方案
              </button>
            </div>
          </div>

          <div className="profile-form" data-testid="profile-form">
            <div className="pf-name-row">
              <label htmlFor={`${listId}-name`}>方案名称</label>
              <input
                id={`${listId}-name`}
                className="pf-name"
                value={draft?.name ?? ''}
                maxLength={40}
                readOnly={readOnly}
                data-testid="profile-name"
                onChange={(event) => {
                  const name = event.target.value;
                  setDraft((d) => (d && !d.builtin ? { ...d, name, dirty: true } : d));
                  setSaveError(null);
                  setSavedNote(null);
                }}
              />
            </div>
            <fieldset className="pf-fields" disabled={readOnly}>
              <fieldset className="pf-group">
                <legend>纸张与页边距（毫米）</legend>
                <div className="pf-grid">
                  <NumberField label="纸张宽" value={p.paper.widthMm} step={1} onChange={(n) => set((x) => void (x.paper.widthMm = n))} />
                  <NumberField label="纸张高" value={p.paper.heightMm} step={1} onChange={(n) => set((x) => void (x.paper.heightMm = n))} />
                  <NumberField label="上边距" value={p.margins.topMm} step={0.5} testId="margin-top" onChange={(n) => set((x) => void (x.margins.topMm = n))} />
                  <NumberField label="下边距" value={p.margins.bottomMm} step={0.5} testId="margin-bottom" onChange={(n) => set((x) => void (x.margins.bottomMm = n))} />
                  <NumberField label="左边距" value={p.margins.leftMm} step={0.5} testId="margin-left" onChange={(n) => set((x) => void (x.margins.leftMm = n))} />
                  <NumberField label="右边距" value={p.margins.rightMm} step={0.5} testId="margin-right" onChange={(n) => set((x) => void (x.margins.rightMm = n))} />
                </div>
              </fieldset>
              <fieldset className="pf-group">
                <legend>正文行距与字数</legend>
                <div className="pf-grid">
                  <NumberField label="正文行距" unit="磅" value={p.body.lineSpacingPt} step={0.05} testId="line-spacing" onChange={(n) => set((x) => void (x.body.lineSpacingPt = n))} />
                  <NumberField label="每页行数" unit="行" value={grid?.linesPerPage ?? 0} integer min={1} testId="lines-per-page" onChange={(n) => change((x) => withLinesPerPage(x, n))} />
                  <NumberField label="字间距" unit="磅" value={p.body.characterSpacingPt} step={0.05} min={-8} testId="char-spacing" onChange={(n) => set((x) => void (x.body.characterSpacingPt = n))} />
                  <NumberField label="每行字数" unit="字" value={grid?.charsPerLine ?? 0} integer min={1} testId="chars-per-line" onChange={(n) => change((x) => withCharsPerLine(x, n))} />
                </div>
                <p className="pf-hint">改“每页行数”“每行字数”会换算成行距和字间距（字间距为负即紧缩）。</p>
              </fieldset>
              <fieldset className="pf-group">
                <legend>字体</legend>
                <datalist id={listId}>
                  {COMMON_FONTS.map((f) => (
                    <option key={f} value={f} />
                  ))}
                </datalist>
                <table className="pf-fonts">
                  <colgroup>
                    <col className="pf-col-label" />
                    <col />
                    <col className="pf-col-size" />
                    <col className="pf-col-bold" />
                  </colgroup>
                  <thead>
                    <tr>
                      <th scope="col">元素</th>
                      <th scope="col">中文字体</th>
                      <th scope="col">字号</th>
                      <th scope="col" />
                    </tr>
                  </thead>
                  <tbody>
                    <FontRow label="标题" font={p.title.font} sizePt={p.title.sizePt} listId={listId} onFont={(f) => set((x) => void (x.title.font.eastAsia = f))} onSize={(n) => set((x) => void (x.title.sizePt = n))} />
                    {p.headings.map((h, i) => (
                      <FontRow
                        key={LEVEL_NAMES[i]}
                        label={LEVEL_NAMES[i] ?? ''}
                        font={h.font}
                        sizePt={h.sizePt}
                        bold={h.bold}
                        listId={listId}
                        onFont={(f) => set((x) => void ((x.headings[i] as FormatProfile['headings'][number]).font.eastAsia = f))}
                        onSize={(n) => set((x) => void ((x.headings[i] as FormatProfile['headings'][number]).sizePt = n))}
                        {...(i === 1 || i === 2 ? { onBold: (b: boolean) => set((x) => void ((x.headings[i] as FormatProfile['headings'][number]).bold = b)) } : {})}
                      />
                    ))}
                    <FontRow
                      label="正文"
                      font={p.body.font}
                      sizePt={p.body.sizePt}
                      listId={listId}
                      onFont={(f) => change((x) => withBody(x, (b) => void (b.font.eastAsia = f)))}
                      onSize={(n) => change((x) => withBody(x, (b) => void (b.sizePt = n)))}
                    />
                    <FontRow label="页码" font={p.pageNumber.font} sizePt={p.pageNumber.sizePt} listId={listId} onFont={(f) => set((x) => void (x.pageNumber.font = { eastAsia: f, ascii: f }))} onSize={(n) => set((x) => void (x.pageNumber.sizePt = n))} />
                  </tbody>
                </table>
                <p className="pf-hint">主送机关与正文字体、字号相同。</p>
              </fieldset>
              <fieldset className="pf-group">
                <legend>页码</legend>
                <label className="pf-inline">
                  位置
                  <select value={p.pageNumber.placement} data-testid="page-number-placement" onChange={(event) => set((x) => void (x.pageNumber.placement = event.target.value as FormatProfile['pageNumber']['placement']))}>
                    {PLACEMENTS.map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                </label>
                <p className="pf-hint">页码样式为“— 1 —”，在版心下 {p.pageNumber.belowTextMm} 毫米。</p>
              </fieldset>
            </fieldset>
          </div>

          <aside className="profile-preview" aria-label="版式预览">
            <PageDiagram profile={p} width={190} />
            <p className={`pf-grid-summary${problems.length ? ' is-error' : ''}`} data-testid="profile-grid" aria-live="polite">
              {grid && geometryOk ? `每页 ${grid.linesPerPage} 行 × 每行 ${grid.charsPerLine} 字` : '没有版心'}
            </p>
            {grid && geometryOk ? (
              <p className="muted">
                版心 {Math.round(p.paper.widthMm - p.margins.leftMm - p.margins.rightMm)} × {Math.round(p.paper.heightMm - p.margins.topMm - p.margins.bottomMm)} 毫米
              </p>
            ) : null}
            {problems.length ? (
              <ul className="pf-problems" role="alert" data-testid="profile-errors">
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            ) : null}
          </aside>
        </div>
      </Dialog>
      {confirm?.kind === 'delete' && draft ? (
        <ConfirmDialog
          title="删除版式方案？"
          message={<p>“{draft.name}”将被删除。已导出的文件不受影响。</p>}
          confirmLabel="删除"
          danger
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            void remove();
          }}
        />
      ) : null}
      {confirm && confirm.kind !== 'delete' ? (
        <ConfirmDialog
          title="放弃未保存的修改？"
          message={<p>“{draft?.name}”的修改还没有保存。</p>}
          confirmLabel="放弃修改"
          danger
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null);
            if (confirm.kind === 'switch') {
              setDraft(confirm.to);
              setSaveError(null);
              setSavedNote(null);
            } else onClose(draft?.id ?? null);
          }}
        />
      ) : null}
    </>
  );
}
