// Heading markers as imported text types them: the shared parseMarker plus the slips it leaves
// out (full-width digits "１．", a missing closing bracket "(三突出…"), each with the canonical form
// the fix list reports.
import type { HeadingLevel } from '../../common/numbering';
import { headingMarker, parseChineseNumeral, parseMarker } from '../../common/numbering';

/** A marker found at the start of a line. */
export interface FoundMarker {
  level: HeadingLevel;
  /** The number it carries (（三） → 3). */
  n: number;
  /** Characters the marker takes in the line, trailing spaces included. */
  length: number;
  /** The marker as typed, trimmed. */
  raw: string;
  /** The canonical marker (（三）); differs from raw when the typed form was a variant. */
  canonical: string;
  /** "(三突出…": the closing bracket is missing; only accepted when the sequence expects this number. */
  missingBracket: boolean;
}

const fullWidthDigits = /[０-９]/g;

/** Finds a heading marker at the start of a cleaned line, or null. "一是" and "1.5" are not markers. */
export function findMarker(text: string): FoundMarker | null {
  // Full-width digits read as ASCII (same length, so offsets stay valid).
  const probe = text.slice(0, 6).replace(fullWidthDigits, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)) + text.slice(6);
  const parsed = parseMarker(probe);
  if (parsed) {
    const raw = text.slice(0, parsed.length).trim();
    return { level: parsed.level, n: parsed.n, length: parsed.length, raw, canonical: headingMarker(parsed.level, parsed.n), missingBracket: false };
  }
  const open = /^[（(]([一二三四五六七八九十]{1,3}|\d{1,2})(?=[\p{Script=Han}“"《])/u.exec(probe);
  if (!open) return null;
  const numeral = open[1] ?? '';
  const chinese = /\D/.test(numeral);
  const n = chinese ? parseChineseNumeral(numeral) : Number(numeral);
  if (!Number.isFinite(n) || n <= 0) return null;
  const level: HeadingLevel = chinese ? 2 : 4;
  return { level, n, length: open[0].length, raw: text.slice(0, open[0].length), canonical: headingMarker(level, n), missingBracket: true };
}

/** True when a line opens an in-paragraph enumeration (一是 / 二要 / 第一，), never a heading. */
export function isEnumerationItem(text: string): boolean {
  return /^([一二三四五六七八九十]{1,3}[是要]|第[一二三四五六七八九十]{1,3}[，,、：:]|首先|其次|再次|最后)/u.test(text);
}
