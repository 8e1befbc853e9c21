// Typeahead trigger detection: "//" followed by what to look for (letters, pinyin, Chinese), also
// the full-width "／／" and the "、、" that Chinese IMEs produce for the / key. Pure, so it is tested
// without an editor.

/** The two-character triggers that open the picker. */
export const snippetTriggers = ['//', '／／', '、、'] as const;

/** Longest query after a trigger (characters); a longer run is ordinary text, not a lookup. */
export const MAX_TRIGGER_QUERY = 20;

/** A trigger found right before the caret. */
export interface TriggerMatch {
  /** Offset of the trigger's first character in the text given. */
  start: number;
  /** The trigger itself ("//", "／／" or "、、"). */
  trigger: string;
  /** What follows the trigger up to the caret ('' right after typing the trigger). */
  query: string;
}

// A query stops at spaces and punctuation, so "//" earlier in a sentence is never picked up.
const triggerAtEnd = new RegExp(`(?://|／／|、、)([^\\s/／、，。；：！？,.;:!?“”"'（）()【】]{0,${MAX_TRIGGER_QUERY}})$`, 'u');

/**
 * The trigger ending at the caret, given the text of the caret's text node up to the caret; null
 * when there is none. "http://" (a colon before) and runs of three or more slashes are not triggers.
 */
export function findTrigger(textBeforeCaret: string): TriggerMatch | null {
  const m = triggerAtEnd.exec(textBeforeCaret);
  if (!m) return null;
  const start = m.index;
  const before = textBeforeCaret[start - 1];
  if (before !== undefined && /[:：/／、]/u.test(before)) return null;
  return { start, trigger: m[0].slice(0, 2), query: m[1] ?? '' };
}
