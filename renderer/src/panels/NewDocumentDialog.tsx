// 新建文稿: a blank document or one from a template. The list shows 空白文稿 first, then the
// templates by category; the right side previews the chosen template's outline (numbered as it
// will be) and asks for its fill-in fields (label, with a realistic example as placeholder).
// Fields may be left empty: they stay highlighted in the text until filled.
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent, JSX } from 'react';
import type { TemplateSummary } from '@common/contract';
import { numberHeadings } from '@common/numbering';
import { sectionKindNames } from '@common/reportModel';
import type { FieldValues } from '@common/reportModel';
import { Dialog } from '../ui/Dialog';

/** What the dialog asks the workspace to create. */
export type NewDocumentRequest = { kind: 'blank' } | { kind: 'template'; templateId: string; fields: FieldValues };

/** Props of NewDocumentDialog. */
export interface NewDocumentDialogProps {
  /** The templates (templates.list), or null while loading; an error message when they failed. */
  templates: TemplateSummary[] | null;
  error: string | null;
  onCreate: (request: NewDocumentRequest) => void;
  onClose: () => void;
}

const BLANK = '';

/** The 新建文稿 dialog. */
export function NewDocumentDialog({ templates, error, onCreate, onClose }: NewDocumentDialogProps): JSX.Element {
  const [selected, setSelected] = useState<string>(BLANK);
  const [values, setValues] = useState<Record<string, FieldValues>>({});
  const template = templates?.find((t) => t.id === selected) ?? null;
  const groups = useMemo(() => {
    const out = new Map<string, TemplateSummary[]>();
    for (const t of templates ?? []) {
      const group = t.category ?? '其他';
      out.set(group, [...(out.get(group) ?? []), t]);
    }
    return [...out];
  }, [templates]);

  // Arrow keys move through the list like a list box.
  const order = useMemo(() => [BLANK, ...(templates ?? []).map((t) => t.id)], [templates]);
  useEffect(() => {
    document.querySelector<HTMLElement>(`[data-template-option="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const create = (event?: FormEvent): void => {
    event?.preventDefault();
    if (!template) onCreate({ kind: 'blank' });
    else onCreate({ kind: 'template', templateId: template.id, fields: values[template.id] ?? {} });
  };

  const numbers = template ? numberHeadings(template.outline.map((h) => h.level)) : [];
  return (
    <Dialog
      title="新建文稿"
      className="dialog-wide new-doc-dialog"
      onClose={onClose}
      actions={
        <>
          <span className="dialog-actions-note">Ctrl+N 直接新建空白文稿；Ctrl+Alt+N 打开本窗口</span>
          <button type="button" className="btn" onClick={onClose}>
            取消
          </button>
          <button type="submit" form="new-doc-form" className="btn btn-primary" data-testid="create-document">
            {template ? '从模板创建' : '创建空白文稿'}
          </button>
        </>
      }
    >
      <div className="new-doc">
        <div
          className="template-list"
          role="listbox"
          aria-label="模板"
          tabIndex={0}
          data-autofocus=""
          aria-activedescendant={`template-option-${selected || 'blank'}`}
          onKeyDown={(event) => {
            const at = order.indexOf(selected);
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              const next = order[Math.min(order.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))];
              if (next !== undefined) setSelected(next);
            } else if (event.key === 'Enter') {
              event.preventDefault();
              create();
            }
          }}
        >
          <TemplateOption id={BLANK} name="空白文稿" note="从空白页面开始" selected={selected === BLANK} onSelect={setSelected} onCreate={create} />
          {templates === null && !error ? <p className="list-note">正在载入模板…</p> : null}
          {error ? <p className="list-note is-error">模板载入失败：{error}</p> : null}
          {groups.map(([group, list]) => (
            <div key={group} className="template-group" role="group" aria-label={group}>
              <div className="template-group-name">{group}</div>
              {list.map((t) => (
                <TemplateOption key={t.id} id={t.id} name={t.name} note={`${t.outline.filter((h) => h.level === 1).length} 个部分`} selected={selected === t.id} onSelect={setSelected} onCreate={create} />
              ))}
            </div>
          ))}
        </div>
        <form id="new-doc-form" className="template-detail" onSubmit={create} data-testid="template-detail">
          {template ? (
            <>
              <h3 className="template-name">{template.name}</h3>
              <p className="template-description">{template.description}</p>
              <ol className="template-outline" aria-label="提纲预览">
                {template.outline.map((h, i) => (
                  <li key={`${i}-${h.text}`} className={`template-heading outline-level-${h.level}`}>
                    <span className="outline-number">{numbers[i]}</span>
                    <span className="outline-text">{h.text.replace(/\{\{([^{}]+)\}\}/g, (_, name: string) => values[template.id]?.[name] || `〔${name}〕`)}</span>
                    {h.kind && h.kind !== 'other' ? <span className={`kind-badge kind-${h.kind}`}>{sectionKindNames[h.kind]}</span> : null}
                  </li>
                ))}
              </ol>
              {template.fields.length ? (
                <fieldset className="template-fields">
                  <legend>填空（可稍后在“提纲”中填写）</legend>
                  {template.fields.map((f) => (
                    <label key={f.name} className="field-row">
                      <span className="field-label">{f.label}</span>
                      <input
                        className="field-input"
                        name={f.name}
                        aria-label={f.label}
                        value={values[template.id]?.[f.name] ?? ''}
                        placeholder={`如：${f.example}`}
                        maxLength={200}
                        spellCheck={false}
                        onChange={(event) => {
                          const value = event.target.value.replace(/[\r\n\t]+/g, ' ');
                          setValues((all) => ({ ...all, [template.id]: { ...all[template.id], [f.name]: value } }));
                        }}
                      />
                    </label>
                  ))}
                </fieldset>
              ) : null}
            </>
          ) : (
            <>
              <h3 className="template-name">空白文稿</h3>
              <p className="template-description">一张按 GB/T 9704 排版的空白页面。在段首输入“一、”“（一）”“1.”“（1）”即成为相应级别的标题，序号自动编排。</p>
            </>
          )}
        </form>
      </div>
    </Dialog>
  );
}

/** One entry of the template list. */
function TemplateOption({ id, name, note, selected, onSelect, onCreate }: { id: string; name: string; note: string; selected: boolean; onSelect: (id: string) => void; onCreate: () => void }): JSX.Element {
  return (
    <div
      id={`template-option-${id || 'blank'}`}
      role="option"
      aria-selected={selected}
      className={`template-option${selected ? ' is-selected' : ''}`}
      data-template-option={id}
      onClick={() => onSelect(id)}
      onDoubleClick={onCreate}
    >
      <span className="template-option-name">{name}</span>
      <span className="template-option-note">{note}</span>
    </div>
  );
}
