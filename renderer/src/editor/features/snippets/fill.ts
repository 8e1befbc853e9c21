// What a snippet becomes on the page: its paragraphs, each a run of text and fill-in fields.
// A field the writer filled in the prompt becomes plain text; one left empty stays a field chip
// ({{数量}}, highlighted until filled); one holding the document's own value (单位 from the fields
// panel) stays a chip too, so it follows when the document's value changes. Pure.
import { fieldPattern } from '@common/reportModel';
import type { FieldValues } from '@common/reportModel';
import { prepareSnippetInsert } from '@common/snippetModel';

/** One piece of an inserted paragraph. */
export type SnippetSegment = { type: 'text'; text: string } | { type: 'field'; name: string };

/** The values the field prompt starts with: the document's values of the body's fields ('' when unfilled). */
export function initialFieldValues(body: string, docValues: FieldValues): Record<string, string> {
  return Object.fromEntries(prepareSnippetInsert(body, docValues).fields.map((f) => [f.name, f.value?.trim() ?? '']));
}

/**
 * The paragraphs a body inserts as, with fields resolved: filled → text, empty or equal to the
 * document's value → field chip. Blank lines are dropped; text pieces next to each other merge.
 */
export function snippetParagraphs(body: string, values: Readonly<Record<string, string>> = {}, docValues: FieldValues = {}): SnippetSegment[][] {
  const out: SnippetSegment[][] = [];
  for (const line of body.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const segments: SnippetSegment[] = [];
    const text = (t: string): void => {
      if (!t) return;
      const last = segments[segments.length - 1];
      if (last?.type === 'text') last.text += t;
      else segments.push({ type: 'text', text: t });
    };
    let at = 0;
    for (const m of line.matchAll(fieldPattern)) {
      const name = m[1] as string;
      text(line.slice(at, m.index));
      const value = values[name]?.trim() ?? '';
      if (value && value !== docValues[name]?.trim()) text(value);
      else segments.push({ type: 'field', name });
      at = (m.index ?? 0) + m[0].length;
    }
    text(line.slice(at));
    out.push(segments);
  }
  return out;
}

/** The plain text a snippet inserts as (fields shown as {{name}} or their value), for previews. */
export function snippetPlainText(paragraphs: readonly SnippetSegment[][], docValues: FieldValues = {}): string {
  return paragraphs.map((p) => p.map((s) => (s.type === 'text' ? s.text : docValues[s.name]?.trim() || `{{${s.name}}}`)).join('')).join('\n');
}

/** A title for a new snippet from the start of the selected text: up to the first stop, ≤ 16 characters. */
export function titleFromText(text: string): string {
  const flat = text.replace(/\{\{([^{}\s]{1,20})\}\}/g, '$1').replace(/\s+/g, '');
  const first = flat.split(/[。；！？;!?\n]/u)[0] ?? flat;
  const clause = first.length > 16 ? (first.split(/[，,、：:]/u)[0] ?? first) : first;
  return clause.slice(0, 16);
}

/** Tags typed in one box ("理论学习，学习 教育") as a list: split at spaces and commas, no repeats, ≤ 8. */
export function parseTags(input: string): string[] {
  return [...new Set(input.split(/[\s,，、;；]+/u).map((t) => t.trim()).filter(Boolean))].slice(0, 8);
}
