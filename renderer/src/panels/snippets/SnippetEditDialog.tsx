// 存为常用语 / 编辑常用语: title (pre-filled from the start of the selection), the text (fields
// written as {{名称}}), kind (pre-selected from the section at the caret), topic and tags. Saving
// goes through snippets.save; a refusal is shown in the dialog, the draft stays.
import { useId, useState } from 'react';
import type { JSX } from 'react';
import { snippetKindNames, snippetKinds } from '@common/snippetModel';
import type { SnippetKind } from '@common/snippetModel';
import type { SnippetHit, SnippetInput } from '@common/contract';
import { Dialog } from '../../ui/Dialog';
import { errorMessage } from '../../api/errors';
import { parseTags } from '../../editor/features/snippets/fill';

/** The fields of the dialog. */
export interface SnippetDraft {
  id?: string;
  title: string;
  body: string;
  kind: SnippetKind;
  topic: string;
  tags: string[];
}

/** Props of SnippetEditDialog. */
export interface SnippetEditDialogProps {
  heading: string;
  draft: SnippetDraft;
  /** Topics to suggest (from the library). */
  topics: readonly string[];
  save: (input: SnippetInput) => Promise<SnippetHit>;
  onSaved: (hit: SnippetHit) => void;
  onCancel: () => void;
}

/** The save/edit dialog. */
export function SnippetEditDialog({ heading, draft, topics, save, onSaved, onCancel }: SnippetEditDialogProps): JSX.Element {
  const [title, setTitle] = useState(draft.title);
  const [body, setBody] = useState(draft.body);
  const [kind, setKind] = useState<SnippetKind>(draft.kind);
  const [topic, setTopic] = useState(draft.topic);
  const [tags, setTags] = useState(draft.tags.join('，'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listId = useId();

  const submit = async (): Promise<void> => {
    if (busy) return;
    if (!title.trim()) return setError('请填写标题（不超过 30 个字）。');
    if (body.trim().length < 2) return setError('正文至少 2 个字。');
    setBusy(true);
    setError(null);
    try {
      const hit = await save({ ...(draft.id ? { id: draft.id } : {}), title: title.trim(), body: body.trim(), kind, topic: topic.trim() || '综合', tags: parseTags(tags) });
      onSaved(hit);
    } catch (e) {
      setError(`保存失败：${errorMessage(e)}`);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={heading}
      className="dialog-medium snippet-edit-dialog"
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            取消
          </button>
          <button type="button" className="btn btn-primary" data-testid="snippet-save" disabled={busy} onClick={() => void submit()}>
            {busy ? '正在保存…' : '保存'}
          </button>
        </>
      }
    >
      <div
        className="snippet-form"
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
            event.preventDefault();
            void submit();
          }
        }}
      >
        <label className="form-row">
          <span className="form-label">标题</span>
          <input className="field-input" aria-label="标题" data-autofocus value={title} maxLength={30} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="form-row form-row-top">
          <span className="form-label">正文</span>
          <textarea className="field-input snippet-body-input" aria-label="正文" value={body} maxLength={2000} rows={6} onChange={(e) => setBody(e.target.value)} />
        </label>
        <p className="form-hint">用 {'{{名称}}'} 标记填空，如 {'{{单位}}'}、{'{{数量}}'}；插入时会请您填写。</p>
        <div className="form-grid">
          <label className="form-row">
            <span className="form-label">类型</span>
            <select className="tb-select form-select" aria-label="类型" value={kind} onChange={(e) => setKind(e.target.value as SnippetKind)}>
              {snippetKinds.map((k) => (
                <option key={k} value={k}>
                  {snippetKindNames[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="form-row">
            <span className="form-label">主题</span>
            <input className="field-input" aria-label="主题" list={listId} value={topic} maxLength={20} placeholder="综合" onChange={(e) => setTopic(e.target.value)} />
            <datalist id={listId}>
              {topics.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
          </label>
        </div>
        <label className="form-row">
          <span className="form-label">标签</span>
          <input className="field-input" aria-label="标签" value={tags} placeholder="用逗号或空格分隔，最多 8 个" onChange={(e) => setTags(e.target.value)} />
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </Dialog>
  );
}
