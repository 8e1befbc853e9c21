// The inline title editor of a library item: Enter or blur commits, Esc cancels.
import { useEffect, useRef, useState } from 'react';
import type { JSX } from 'react';
import { MAX_TITLE_CHARS } from '@common/documentModel';

/** Props of InlineRename. */
export interface InlineRenameProps {
  initial: string;
  onCommit: (title: string) => void;
  onCancel: () => void;
}

/** A text input that renames a document in place. */
export function InlineRename({ initial, onCommit, onCancel }: InlineRenameProps): JSX.Element {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (commit: boolean): void => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(value);
    else onCancel();
  };
  return (
    <input
      ref={ref}
      className="inline-rename"
      aria-label="文稿标题"
      value={value}
      maxLength={MAX_TITLE_CHARS}
      placeholder="无标题文稿"
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
          event.preventDefault();
          finish(true);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          finish(false);
        }
      }}
      onBlur={() => finish(true)}
    />
  );
}
