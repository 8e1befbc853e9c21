// Heading numbering per GB/T 9704 §7.3.3 — 一、 （一） 1. （1） — computed from position, never
// stored in the text; and the in-paragraph enumerations 一是/二是, 一要/二要, 第一/第二.

/** A heading level, 1 (一、) to 4 (（1）). */
export type HeadingLevel = 1 | 2 | 3 | 4;

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Writes 1..9999 as Chinese numerals the way official documents do: 十, 十一, 二十, 一百零五. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n > 9999) return String(n);
  if (n < 10) return digits[n] ?? '';
  if (n < 20) return `十${n === 10 ? '' : digits[n - 10]}`;
  const units = ['', '十', '百', '千'];
  const parts = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  parts.forEach((d, i) => {
    const unit = units[parts.length - 1 - i] ?? '';
    if (d === 0) {
      zero = out.length > 0;
    } else {
      if (zero) out += '零';
      zero = false;
      out += (digits[d] ?? '') + unit;
    }
  });
  return out;
}

/** Reads a Chinese numeral (一 … 九十九, 百 forms included) back to a number; NaN when it is not one. */
export function parseChineseNumeral(text: string): number {
  if (!/^[零一二三四五六七八九十百千两]+$/.test(text)) return Number.NaN;
  let total = 0;
  let current = 0;
  const value: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const unit: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  for (const ch of text) {
    const u = unit[ch];
    if (u !== undefined) {
      total += (current || 1) * u;
      current = 0;
    } else {
      current = value[ch] ?? 0;
    }
  }
  return total + current;
}

/** The marker of the n-th heading (1-based) of a level: 一、 （一） 1. （1）. */
export function headingMarker(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/**
 * Numbers a sequence of heading levels in document order: a heading increments its level's
 * counter and restarts every deeper level. A skipped level (1 then 3) simply starts the deeper
 * counter at 1.
 */
export function numberHeadings(levels: readonly HeadingLevel[]): string[] {
  const counters = [0, 0, 0, 0, 0];
  return levels.map((level) => {
    counters[level] = (counters[level] ?? 0) + 1;
    for (let deeper = level + 1; deeper <= 4; deeper += 1) counters[deeper] = 0;
    return headingMarker(level, counters[level] ?? 1);
  });
}

/** A heading marker found at the start of a line. */
export interface ParsedMarker {
  level: HeadingLevel;
  /** The number the marker carries (二、 → 2). */
  n: number;
  /** Length of the marker in the text, including trailing spaces. */
  length: number;
  /** The marker as typed. */
  raw: string;
  /** Set when the typed form was a common variant and was normalised (e.g. "(一)" → "（一）"). */
  variant: string | null;
}

const cn = '[一二三四五六七八九十百零两]{1,4}';
const markerPatterns: { level: HeadingLevel; re: RegExp; canonical: (m: RegExpExecArray) => string; isVariant: (m: RegExpExecArray) => boolean }[] = [
  // 一、  一. 一． 一，(common slips)
  { level: 1, re: new RegExp(`^(${cn})([、．.，])[ \\u3000]*`), canonical: (m) => `${m[1]}、`, isVariant: (m) => m[2] !== '、' },
  // （一） (一) （一) (一） and a missing closing bracket followed by text: "(三突出…" is not accepted here
  { level: 2, re: new RegExp(`^([（(])(${cn})([）)])[、. ]?[ \\u3000]*`), canonical: (m) => `（${m[2]}）`, isVariant: (m) => m[1] !== '（' || m[3] !== '）' || m[0].trim().length > (m[2]?.length ?? 0) + 2 },
  // 1. 1、 1． (not "1.5" and not a year "2025.")
  { level: 3, re: /^(\d{1,2})([.．、])(?!\d)[ \u3000]*/, canonical: (m) => `${m[1]}.`, isVariant: (m) => m[2] !== '.' },
  // （1） (1) and mixed brackets
  { level: 4, re: /^([（(])(\d{1,2})([）)])[、.]?[ \u3000]*/, canonical: (m) => `（${m[2]}）`, isVariant: (m) => m[1] !== '（' || m[3] !== '）' || m[0].trim().length > (m[2]?.length ?? 0) + 2 },
];

/** Recognises a heading marker at the start of text ("二、", "（三）", "1.", "（1）" and variants), or null. */
export function parseMarker(text: string): ParsedMarker | null {
  for (const p of markerPatterns) {
    const m = p.re.exec(text);
    if (!m) continue;
    const numeral = p.level === 1 || p.level === 2 ? (p.level === 1 ? m[1] : m[2]) : p.level === 3 ? m[1] : m[2];
    const n = p.level <= 2 ? parseChineseNumeral(numeral ?? '') : Number(numeral);
    if (!Number.isFinite(n) || n <= 0) continue;
    const raw = m[0];
    const canonical = p.canonical(m);
    return { level: p.level, n, length: raw.length, raw: raw.trim(), variant: p.isVariant(m) ? canonical : null };
  }
  return null;
}

/** One enumeration family: 一是/二是, 一要/二要, 第一/第二 … */
export interface EnumerationFamily {
  id: 'shi' | 'yao' | 'di' | 'shouxian';
  /** The word of the n-th item. */
  word(n: number): string;
  /** Matches an item word, capturing the ordinal. */
  pattern: RegExp;
}

/** The enumeration families writers use inside paragraphs. */
export const enumerationFamilies: EnumerationFamily[] = [
  { id: 'shi', word: (n) => `${chineseNumeral(n)}是`, pattern: /([一二三四五六七八九十]{1,3})是(?=[，,：:\p{Script=Han}“])/gu },
  { id: 'yao', word: (n) => `${chineseNumeral(n)}要`, pattern: /([一二三四五六七八九十]{1,3})要(?=[，,：:\p{Script=Han}“])/gu },
  { id: 'di', word: (n) => `第${chineseNumeral(n)}`, pattern: /第([一二三四五六七八九十]{1,3})(?=[，,、：:])/gu },
];

/** One enumeration item found in a run of paragraphs. */
export interface EnumerationItem {
  family: EnumerationFamily['id'];
  paragraph: number;
  /** Offset of the item word in its paragraph. */
  offset: number;
  /** The word as found (三是). */
  found: string;
  /** The word it should be for a continuous sequence (二是). */
  expected: string;
}

// Words whose last character is a numeral but which are not enumeration items: 统一是, 唯一是,
// 之一是, 统一要求, 第一要务, 万一是 …
const notAnItemBefore = /[统唯之万同单专划逐第归择不]$/u;

/** One item as found, before the sequence it belongs to is known. */
interface FoundItem {
  family: EnumerationFamily['id'];
  paragraph: number;
  offset: number;
  found: string;
  /** The ordinal the word carries (三是 → 3). */
  n: number;
}

/**
 * Splits a family's items (in reading order) into the lists a writer made. An item 一 starts a new
 * list when the current list already has its 一 (the next subsection's 一是 … 二是), or when it
 * follows a lead-in in a new paragraph ("（二）压实责任。一是……"). An 一 that joins a list still
 * missing its 一 is a point moved down, so it stays in that list.
 */
function splitLists(items: readonly FoundItem[], paragraphs: readonly string[]): FoundItem[][] {
  const lists: FoundItem[][] = [];
  let current: FoundItem[] = [];
  for (const item of items) {
    const previous = current[current.length - 1];
    const leadIn = (paragraphs[item.paragraph] ?? '').slice(0, item.offset).trim() !== '';
    if (previous && item.n === 1 && (current.some((i) => i.n === 1) || (item.paragraph !== previous.paragraph && leadIn))) {
      lists.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length) lists.push(current);
  return lists;
}

/**
 * Finds enumeration items across a section's paragraphs, in order, and what each should read for
 * its list to be continuous (一是 … 三是 → the second should be 二是). A list needs two items or
 * more, so a stray "第三，" in prose is left alone; a new 一 after a complete list starts the next
 * list (each subsection's own 一是、二是). Words like 统一是 are not items.
 */
export function findEnumerations(paragraphs: readonly string[]): EnumerationItem[] {
  const items: EnumerationItem[] = [];
  for (const family of enumerationFamilies) {
    const found: FoundItem[] = [];
    paragraphs.forEach((text, paragraph) => {
      for (const m of text.matchAll(family.pattern)) {
        const offset = m.index ?? 0;
        if (family.id !== 'di' && notAnItemBefore.test(text.slice(Math.max(0, offset - 1), offset))) continue;
        found.push({ family: family.id, paragraph, offset, found: m[0], n: parseChineseNumeral(m[1] ?? '') });
      }
    });
    for (const list of splitLists(found, paragraphs)) {
      if (list.length < 2) continue;
      list.forEach(({ n: _n, ...item }, i) => items.push({ ...item, expected: family.word(i + 1) }));
    }
  }
  return items.sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset);
}

/** True when some enumeration in the paragraphs breaks its sequence (一是 … 三是). */
export function hasBrokenEnumeration(paragraphs: readonly string[]): boolean {
  return findEnumerations(paragraphs).some((item) => item.found !== item.expected);
}

/**
 * Makes every enumeration list in a section's paragraphs continuous: after a point is deleted
 * (一是 … 三是 → 一是 … 二是) or moved (二是 … 一是 → 一是 … 二是), each family (一是/一要/第一)
 * counted on its own. Returns new strings of the same count; other text is untouched.
 */
export function renumberEnumerations(paragraphs: readonly string[]): string[] {
  const out = [...paragraphs];
  const wrong = findEnumerations(paragraphs).filter((item) => item.found !== item.expected);
  // Right to left within a paragraph, so earlier offsets stay valid when a word changes length (九是 → 十一是).
  for (const item of wrong.sort((a, b) => a.paragraph - b.paragraph || b.offset - a.offset)) {
    const text = out[item.paragraph] ?? '';
    out[item.paragraph] = text.slice(0, item.offset) + item.expected + text.slice(item.offset + item.found.length);
  }
  return out;
}
