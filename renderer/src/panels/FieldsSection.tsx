// The document's fill-in fields ({{单位}}, {{年度}} …) with an input each: typing a value fills
// every chip of that field in the text at once; an empty value leaves the field unfilled (its
// chips stay highlighted). Values are stored by the workspace through documents.setFields.
import { useEffect, useRef, useState } from 'react';
import type { JSX } from 'react';
import type { FieldValues } from '@common/reportModel';
import type { TemplateField } from '@common/templates';

/** Props of FieldsSection. */
export interface FieldsSectionProps {
  /** Field names in order of first use. */
  names: readonly string[];
  values: FieldValues;
  info: Readonly<Record<string, TemplateField>>;
  focusField: string | null;
  onFocusFieldDone: () => void;
  onChange: (name: string, value: string) => void;
  /** An input lost focus or Enter was pressed: store now. */
  onCommit: () => void;
}

/** The fields list; nothing when the document has no fields. */
export function FieldsSection({ names, values, info, focusField, onFocusFieldDone, onChange, onCommit }: FieldsSectionProps): JSX.Element | null {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusField) return;
    const input = list.current?.querySelector<HTMLInputElement>(`input[data-field="${CSS.escape(focusField)}"]`);
    input?.focus();
    input?.select();
    onFocusFieldDone();
  }, [focusField, onFocusFieldDone]);
  if (names.length === 0) return null;
  const filled = names.filter((n) => values[n]).length;
  return (
    <section className="fields" aria-label="填空" data-testid="fields">
      <h3 className="fields-title">
        填空
        <span className={`fields-count${filled < names.length ? ' is-open' : ''}`}>
          已填 {filled}/{names.length}
        </span>
      </h3>
      <div className="fields-list" ref={list}>
        {names.map((name) => (
          <FieldInput key={name} name={name} value={values[name] ?? ''} info={info[name]} onChange={onChange} onCommit={onCommit} />
        ))}
      </div>
    </section>
  );
}

/** One field's input; composition (Chinese IME) is committed before the value spreads. */
function FieldInput({ name, value, info, onChange, onCommit }: { name: string; value: string; info: TemplateField | undefined; onChange: (name: string, value: string) => void; onCommit: () => void }): JSX.Element {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }
  return (
    <label className={`field-row${value ? '' : ' is-empty'}`}>
      <span className="field-label" title={`{{${name}}}`}>
        {info?.label ?? name}
      </span>
      <input
        className="field-input"
        data-field={name}
        aria-label={info?.label ?? name}
        value={draft}
        maxLength={200}
        placeholder={info?.example ? `如：${info.example}` : '未填写'}
        spellCheck={false}
        onChange={(event) => {
          const next = event.target.value.replace(/[\r\n\t]+/g, ' ');
          setDraft(next);
          if (!(event.nativeEvent as InputEvent).isComposing) onChange(name, next);
        }}
        onCompositionEnd={(event) => onChange(name, event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
            event.preventDefault();
            onCommit();
          }
        }}
        onBlur={onCommit}
      />
    </label>
  );
}
