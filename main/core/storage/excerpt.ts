// Excerpts and highlight ranges for search results, computed from the stored plain text (not FTS5
// snippet(), which a contentless table cannot produce and which would count bigram tokens, not
// characters).
import { foldWidth } from './searchTokens';
import type { QueryTerm } from './searchTokens';

/** A [start, end) range in UTF-16 code units. */
export type Range = [number, number];

/** An excerpt with the ranges of every query term inside it. */
export interface Excerpt {
  excerpt: string;
  highlights: Range[];
}

/** Target length of an excerpt in UTF-16 units (about that many Chinese characters). */
export const EXCERPT_LENGTH = 100;
const CONTEXT_BEFORE = 24;
const SENTENCE_LOOKBACK = 36;
const ELLIPSIS = '…';

/** Sorts ranges and merges overlapping or touching ones, as the contract requires. */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** Every occurrence of every term in a text (full-width letters and digits match half-width). */
export function matchRanges(text: string, terms: readonly QueryTerm[]): Range[] {
  const folded = foldWidth(text);
  const ranges: Range[] = [];
  for (const term of terms) {
    const pattern = term.pattern;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) {
      if (m[0].length === 0) {
        pattern.lastIndex += 1;
        continue;
      }
      ranges.push([m.index, m.index + m[0].length]);
    }
  }
  return mergeRanges(ranges);
}

/** True when index sits between the two halves of a surrogate pair. */
function splitsPair(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return index > 0 && index < text.length && code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Builds an excerpt of about EXCERPT_LENGTH units around the first occurrence of any term in
 * `piece`, starting at a sentence end shortly before it when there is one. `atStart`/`atEnd` say
 * whether the piece begins/ends the whole text, so … marks every cut. Null when no term occurs.
 */
export function excerptAround(piece: string, terms: readonly QueryTerm[], atStart = true, atEnd = true): Excerpt | null {
  const ranges = matchRanges(piece, terms);
  const first = ranges[0];
  if (!first) return null;
  const hit = first[0];
  let start = Math.max(0, hit - CONTEXT_BEFORE);
  const lookFrom = Math.max(0, hit - SENTENCE_LOOKBACK);
  const before = piece.slice(lookFrom, hit);
  const boundary = Math.max(...['。', '！', '？', '；', '\n'].map((c) => before.lastIndexOf(c)));
  if (boundary >= 0) start = lookFrom + boundary + 1;
  if (splitsPair(piece, start)) start -= 1;
  let end = Math.min(piece.length, Math.max(start + EXCERPT_LENGTH, first[1]));
  if (splitsPair(piece, end)) end += 1;
  return cut(piece, ranges, start, end, atStart, atEnd);
}

/** The opening of a text as an excerpt (when the terms matched only the title). */
export function openingExcerpt(text: string, terms: readonly QueryTerm[]): Excerpt {
  let end = Math.min(text.length, EXCERPT_LENGTH);
  if (splitsPair(text, end)) end += 1;
  return cut(text, matchRanges(text.slice(0, end + 50), terms), 0, end, true, true);
}

/** Cuts [start, end) out of a piece, adds … where text was left out and shifts the ranges. */
function cut(piece: string, ranges: Range[], start: number, end: number, atStart: boolean, atEnd: boolean): Excerpt {
  const leading = start > 0 || !atStart;
  const trailing = end < piece.length || !atEnd;
  const shift = leading ? ELLIPSIS.length - start : -start;
  const body = piece.slice(start, end).replace(/[\r\n\t]/g, ' ');
  const highlights: Range[] = [];
  for (const [a, b] of ranges) {
    const from = Math.max(a, start);
    const to = Math.min(b, end);
    if (from < to) highlights.push([from + shift, to + shift]);
  }
  return { excerpt: (leading ? ELLIPSIS : '') + body + (trailing ? ELLIPSIS : ''), highlights };
}
