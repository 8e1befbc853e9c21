// Renders text with search highlights as <mark> elements (never as HTML strings).
import type { JSX } from 'react';
import { highlightParts } from '../lib/format';

/** Text with [start, end) ranges wrapped in <mark>. */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly (readonly [number, number])[] }): JSX.Element {
  return (
    <>
      {highlightParts(text, ranges).map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
