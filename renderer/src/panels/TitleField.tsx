// The document title at the top of the page, set like a 公文 title (方正小标宋, 22 pt, centred).
// Enter or leaving the field renames the document; Enter also moves on to the text.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { JSX } from 'react';
import { MAX_TITLE_CHARS } from '@common/documentModel';

/** Props of TitleField. */
export interface TitleFieldProps {
  title: string;
  /** Focus and select the field when mounted (new documents, F2). */
  autoFocus: boolean;
  onCommit: (title: string) => void;
  /** Called after Enter: move the caret into the text. */
  onDone: () => void;
}

/** The editable title. Remount it (key) to show another document. */
export function TitleField({ title, autoFocus, onCommit, onDone }: TitleFieldProps): JSX.Element {
  const [value, setValue] = useState(title);
  // A rename from elsewhere (the library list, the server's default title) replaces the value.
  const [shownTitle, setShownTitle] = useState(title);
  if (title !== shownTitle) {
    setShownTitle(title);
    setValue(title);
  }
  const ref = useRef<HTMLTextAreaElement>(null);
  const committed = useRef(title);
  useEffect(() => {
    committed.current = title;
  }, [title]);

  // Grow with the text: long titles wrap onto more lines, as on the printed page.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
  }, [value]);

  // Only on mount: a later re-render must never pull the caret out of the text.
  const focusOnMount = useRef(autoFocus);
  useEffect(() => {
    if (focusOnMount.current) {
      ref.current?.focus();
      ref.current?.select();
    }
  }, []);

  const commit = (): void => {
    const clean = value.replace(/[\r\n\t]+/g, ' ').trim();
    if (clean !== committed.current.trim()) {
      committed.current = clean;
      onCommit(clean);
    }
  };

  return (
    <textarea
      ref={ref}
      className="page-title"
      data-testid="title"
      aria-label="标题"
      rows={1}
      value={value}
      maxLength={MAX_TITLE_CHARS}
      placeholder="无标题文稿"
      spellCheck={false}
      onChange={(event) => setValue(event.target.value.replace(/[\r\n]+/g, ''))}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
          event.preventDefault();
          commit();
          onDone();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          setValue(committed.current);
          onDone();
        }
      }}
      onBlur={commit}
    />
  );
}
