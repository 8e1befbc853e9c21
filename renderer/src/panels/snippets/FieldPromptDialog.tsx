// 填写常用语中的填空: asked once when a snippet with {{fields}} goes in. The inputs start with the
// document's values (from the fields panel); whatever is left empty goes in as a field chip to be
// filled later. Enter inserts (never while an IME is composing), Esc cancels.
import { useState } from 'react';
import type { JSX } from 'react';
import type { TemplateField } from '@common/templates';
import { Dialog } from '../../ui/Dialog';

/** Props of FieldPromptDialog. */
export interface FieldPromptDialogProps {
  title: string;
  names: readonly string[];
  initial: Readonly<Record<string, string>>;
  /** Labels and examples of fields, by name (from the templates). */
  info: Readonly<Record<string, TemplateField>>;
  onInsert: (values: Record<string, string>) => void;
  onCancel: () => void;
}

/** The field prompt. */
export function FieldPromptDialog({ title, names, initial, info, onInsert, onCancel }: FieldPromptDialogProps): JSX.Element {
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...initial }));
  const firstEmpty = names.find((n) => !initial[n]) ?? names[0];
  const empty = names.filter((n) => !values[n]?.trim()).length;
  return (
    <Dialog
      title="填写常用语中的填空"
      className="snippet-fields-dialog"
      onClose={onCancel}
      actions={
        <>
          <span className="dialog-actions-note">{empty ? `${empty} 项留空，插入后仍显示为待填的填空` : '全部已填写'}</span>
          <button type="button" className="btn" onClick={onCancel}>
            取消
          </button>
          <button type="button" className="btn btn-primary" data-testid="snippet-fields-insert" onClick={() => onInsert(values)}>
            插入
          </button>
        </>
      }
    >
      <p className="snippet-fields-lead">“{title}”中有 {names.length} 处填空，已按本文稿的填写内容预填：</p>
      <form
        className="snippet-fields-form"
        onSubmit={(event) => {
          event.preventDefault();
          onInsert(values);
        }}
      >
        {names.map((name) => (
          <label key={name} className={`field-row${values[name]?.trim() ? '' : ' is-empty'}`}>
            <span className="field-label" title={`{{${name}}}`}>
              {info[name]?.label ?? name}
            </span>
            <input
              className="field-input"
              aria-label={info[name]?.label ?? name}
              data-field={name}
              data-autofocus={name === firstEmpty ? '' : undefined}
              value={values[name] ?? ''}
              maxLength={200}
              placeholder={info[name]?.example ? `如：${info[name].example}（可留空）` : '可留空，稍后再填'}
              spellCheck={false}
              onChange={(event) => {
                const value = event.target.value.replace(/[\r\n\t]+/g, ' ');
                setValues((v) => ({ ...v, [name]: value }));
              }}
              onKeyDown={(event) => {
                // The IME's own Enter commits pinyin; only a plain Enter submits.
                if (event.key === 'Enter' && event.nativeEvent.isComposing) event.preventDefault();
              }}
            />
          </label>
        ))}
        <button type="submit" hidden tabIndex={-1} aria-hidden="true" />
      </form>
    </Dialog>
  );
}
