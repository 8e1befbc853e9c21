// Section sizes for the live outline, fast enough to recompute while typing in a 60,000-character
// report: outlineOf of @common/reportModel sums Word's count of every block of a section, so the
// same sum is taken here from per-block counts remembered by their text (a keystroke changes one
// block; the rest are looked up). The result is exactly outlineOf's — a test holds them equal.
import type { DocumentContent } from '@common/documentModel';
import { hasBrokenEnumeration } from '@common/numbering';
import { guessSectionKind, reportBlocks } from '@common/reportModel';
import type { FieldValues, OutlineHeading, SectionKind } from '@common/reportModel';
import { countWords } from '@common/text';

const MAX_CACHED = 20_000;
const words = new Map<string, number>();
const broken = new Map<string, boolean>();
const kinds = new Map<string, SectionKind | null>();

/** Remembers a pure function's answers by text (cleared when it grows past MAX_CACHED). */
function remembered<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit as T;
  if (cache.size >= MAX_CACHED) cache.clear();
  const value = compute(key);
  cache.set(key, value);
  return value;
}

/** Word's count of a text (countWords), remembered. */
export function cachedCountWords(text: string): number {
  return text === '' ? 0 : remembered(words, text, countWords);
}

/** guessSectionKind, remembered by heading text. */
export function cachedGuessKind(text: string): SectionKind | null {
  return remembered(kinds, text, guessSectionKind);
}

/** Longest section checked for broken enumerations while typing (a list lives in a few paragraphs). */
const MAX_ENUMERATION_SECTION_CHARS = 10_000;

/** hasBrokenEnumeration of a section's paragraphs, remembered by their text (false for huge sections). */
export function cachedBrokenEnumeration(paragraphs: readonly string[]): boolean {
  const key = paragraphs.join('\u0000');
  if (key.length > MAX_ENUMERATION_SECTION_CHARS) return false;
  return remembered(broken, key, () => hasBrokenEnumeration(paragraphs));
}

/** outlineOf(content, fields), computed from remembered per-block counts. */
export function outlineWithCounts(content: DocumentContent, fields: FieldValues = {}): OutlineHeading[] {
  const blocks = reportBlocks(content, fields);
  const sizes = blocks.map((b) => (b.type === 'heading' ? cachedCountWords(b.text + (b.runInBody ?? '')) : cachedCountWords(b.text)));
  const out: OutlineHeading[] = [];
  blocks.forEach((b, index) => {
    if (b.type !== 'heading') return;
    let chars = b.runInBody ? cachedCountWords(b.runInBody) : 0;
    for (let j = index + 1; j < blocks.length; j += 1) {
      const next = blocks[j];
      if (!next || (next.type === 'heading' && next.level <= b.level) || next.type === 'role') break;
      chars += sizes[j] ?? 0;
    }
    out.push({ level: b.level, number: b.number, text: b.text, kind: b.kind, chars, block: index, runIn: b.runInBody !== null, ...(b.target === undefined ? {} : { target: b.target }) });
  });
  return out;
}
