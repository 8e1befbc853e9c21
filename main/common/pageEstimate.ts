// How a report lays out on the profile's grid: the one layout plan the .docx export writes
// (every paragraph's kind, runs, alignment and indents in twips) and the page estimate computed
// from it the way LibreOffice 7.4 breaks lines and pages — every CJK character one em plus the
// condensing, Times New Roman for Latin letters and digits, Asian/Latin auto-spacing, the zh-CN
// forbidden line-start and line-end characters, hanging punctuation, exact line pitch, kept
// paragraphs moved whole, no widow control. Checked line by line against LibreOffice's PDF
// (main/core/export/layout.test.ts). Pure: the renderer shows the page count and breaks live.
import type { FormatProfile, ProfileTwips } from './formatProfile';
import { profileTwips, ptToTwips } from './formatProfile';
import type { HeadingLevel } from './numbering';
import type { ReportBlock } from './reportModel';

/** Which element's font and size a run takes. */
export type RunRole = 'title' | 'body' | 'addressee' | 'heading1' | 'heading2' | 'heading3' | 'heading4';

/** A run of text in one element's format; "\n" is a line break. */
export interface LayoutRun {
  text: string;
  role: RunRole;
}

/** What a paragraph of the exported document is. */
export type LayoutKind = 'title' | 'blank' | 'addressee' | 'body' | 'heading' | 'runIn' | 'closing' | 'attachment' | 'signature' | 'date';

/** One paragraph of the exported document, with everything the .docx writes about it. */
export interface LayoutParagraph {
  kind: LayoutKind;
  /** Index of the source block in the blocks given; null for the title and inserted empty lines. */
  block: number | null;
  /** Heading level of heading and runIn paragraphs. */
  level?: HeadingLevel;
  runs: LayoutRun[];
  align: 'both' | 'center' | 'left' | 'right';
  /** First-line indent in twips (negative: hanging). */
  firstLine: number;
  /** Left and right indents in twips. */
  left: number;
  right: number;
  /** Exact line pitch in twips. */
  lineHeight: number;
  /** Keep on the same page as the next paragraph (headings, title, 附件说明, 署名 and the paragraph before it). */
  keepNext: boolean;
  /** Keep all lines on one page (headings, title). */
  keepLines: boolean;
}

/** What the layout is computed from. */
export interface LayoutInput {
  /** The title with fields filled in (empty: no title). */
  title: string;
  /** The report's blocks (reportBlocks with fields filled). */
  blocks: readonly ReportBlock[];
}

// ---------------------------------------------------------------------------------------------
// Character widths, as LibreOffice sets Chinese text (measured with LibreOffice 7.4):
// - every character has a script: Asian (Han, CJK and full-width punctuation), Latin (ASCII
//   letters, digits and punctuation, Latin-1, Greek, Cyrillic) or weak (spaces, “” ‘’ —— ……,
//   symbols), which takes the script of the character before it (Latin at a paragraph's start);
// - Asian characters are one em; Latin ones take Times New Roman's widths; a space between Chinese
//   characters is the Chinese font's (0.224 em);
// - the character spacing (condensing) is added after every character except the last of a
//   portion (a stretch of one script and one run), which is also where a line ends;
// - between a Han character and a Latin letter or digit LibreOffice adds a fifth of an em
//   (Asian/Latin auto-spacing, which it applies whatever the .docx says).

/** Advance widths of ASCII 0x20–0x7E in Times New Roman (= Liberation Serif), 2048 units per em. */
const timesWidths = [
  512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909, 1886, 1479,
  1366, 1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479, 1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569, 682, 961, 1024, 682, 909, 1024, 909,
  1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024, 1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108,
];

/** Times New Roman widths of Latin-1 0xA0–0xFF (· × é …), 2048 units per em. */
const timesLatin1 = [
  512, 682, 1024, 1024, 1024, 1024, 410, 1024, 682, 1556, 565, 1024, 1155, 682, 1556, 1024, 819, 1124, 614, 614, 682, 1180, 928, 682, 682, 614, 635, 1024, 1536, 1536, 1536, 909, 1479, 1479, 1479,
  1479, 1479, 1479, 1821, 1366, 1251, 1251, 1251, 1251, 682, 682, 682, 682, 1479, 1479, 1479, 1479, 1479, 1479, 1479, 1155, 1479, 1479, 1479, 1479, 1479, 1479, 1139, 1024, 909, 909, 909, 909, 909, 909,
  1366, 909, 909, 909, 909, 909, 569, 569, 569, 569, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1124, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
];

/** Times New Roman widths of general punctuation set among Latin text (2048 units per em). */
const timesPunctuation: Record<number, number> = { 0x2013: 1024, 0x2014: 2048, 0x2018: 682, 0x2019: 682, 0x201c: 909, 0x201d: 909, 0x2026: 2048, 0x2030: 2048, 0x2022: 717 };

/** A character's script as LibreOffice assigns it: Asian, Latin, or weak (takes its neighbour's). */
type Script = 'A' | 'L' | 'W';

/** The script of a character by its code point. */
function scriptOf(code: number): Script {
  if (code === 0x20 || code === 0xa0 || code === 0x0a || code === 0x09) return 'W';
  if (code < 0x2000) return code >= 0x300 && code < 0x370 ? 'W' : 'L';
  if (code < 0x2e80) return 'W';
  return 'A';
}

/** True for Han, kana and Hangul letters: the Asian side of auto-spacing (punctuation is not). */
function isAsianLetter(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || code >= 0x20000 || (code >= 0x3040 && code <= 0x30ff) || (code >= 0xac00 && code <= 0xd7af);
}

/** True for Latin letters and digits: the Latin side of auto-spacing. */
function isLatinAlnum(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0x2000;
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return c < 0x2000 && /^[\p{L}\p{N}]$/u.test(ch);
}

/** The advance of a character in whole twips (LibreOffice rounds each glyph's), without spacing. */
function baseAdvance(ch: string, code: number, script: 'A' | 'L', size: number): number {
  return Math.round(exactAdvance(ch, code, script, size));
}

/** The advance of a character (twips, without spacing) in a portion of the given script. */
function exactAdvance(ch: string, code: number, script: 'A' | 'L', size: number): number {
  if (script === 'L') {
    if (code >= 0x20 && code < 0x7f) return ((timesWidths[code - 0x20] ?? 1024) * size) / 2048;
    if (code >= 0xa0 && code <= 0xff) return ((timesLatin1[code - 0xa0] ?? 1024) * size) / 2048;
    const punct = timesPunctuation[code];
    if (punct) return (punct * size) / 2048;
    // Accented Latin letters (ǎ ǐ ǒ of pinyin) are as wide as their base letter; Greek and
    // Cyrillic about half an em.
    const base = ch.normalize('NFD').codePointAt(0) ?? 0;
    if (base >= 0x20 && base < 0x7f) return ((timesWidths[base - 0x20] ?? 1024) * size) / 2048;
    if (code < 0x2000) return (1050 * size) / 2048;
    return size;
  }
  // The Chinese font's space is narrow; everything else it sets is one em.
  if (ch === ' ' || ch === '\u00a0') return (224 * size) / 1000;
  return size;
}

/** A paragraph's characters with what LibreOffice lays out for each. */
interface MeasuredText {
  chars: string[];
  /** Advance of each character including the spacing after it (none for the last of a portion). */
  width: number[];
  /** The spacing included in width (what a line ending after the character gives back). */
  kern: number[];
  /** Auto-spacing before the character (Han next to a Latin letter or digit). */
  gap: number[];
  /** The script each character is set in. */
  scripts: ('A' | 'L')[];
}

/** Measures a paragraph's runs: scripts, portions, advances, spacing and auto-spacing. */
function measure(profile: FormatProfile, runs: readonly LayoutRun[]): MeasuredText {
  const chars: string[] = [];
  const codes: number[] = [];
  const sizes: number[] = [];
  const spacings: number[] = [];
  const runIndex: number[] = [];
  runs.forEach((run, r) => {
    const { size, spacing } = roleMetrics(profile, run.role);
    for (const ch of run.text) {
      chars.push(ch);
      codes.push(ch.codePointAt(0) ?? 0);
      sizes.push(size);
      spacings.push(spacing);
      runIndex.push(r);
    }
  });
  const n = chars.length;
  const scripts: ('A' | 'L')[] = [];
  let previous: 'A' | 'L' = 'L';
  for (let i = 0; i < n; i += 1) {
    const s = scriptOf(codes[i] as number);
    const resolved: 'A' | 'L' = s === 'W' ? previous : s;
    scripts.push(resolved);
    previous = resolved;
  }
  const width: number[] = new Array<number>(n);
  const kern: number[] = new Array<number>(n);
  const gap: number[] = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i += 1) {
    const ch = chars[i] as string;
    const code = codes[i] as number;
    const size = sizes[i] as number;
    const script = scripts[i] as 'A' | 'L';
    const portionEnds = i === n - 1 || scripts[i + 1] !== script || runIndex[i + 1] !== runIndex[i] || chars[i + 1] === '\n' || ch === '\n';
    const k = portionEnds || ch === '\n' ? 0 : (spacings[i] as number);
    width[i] = ch === '\n' ? 0 : baseAdvance(ch, code, script, size) + k;
    kern[i] = k;
    if (i > 0 && script !== scripts[i - 1]) {
      const a = codes[i - 1] as number;
      if ((script === 'L' && isAsianLetter(a) && isLatinAlnum(ch)) || (script === 'A' && isAsianLetter(code) && isLatinAlnum(chars[i - 1] as string))) {
        gap[i] = Math.max(size, sizes[i - 1] as number) / 5;
      }
    }
  }
  return { chars, width, kern, gap, scripts };
}

/** The width of one line of text in a run role, in twips, as LibreOffice sets it. */
export function textWidth(profile: FormatProfile, text: string, role: RunRole = 'body'): number {
  const m = measure(profile, [{ text, role }]);
  let w = 0;
  for (let i = 0; i < m.chars.length; i += 1) w += (m.width[i] as number) + (i > 0 ? (m.gap[i] as number) : 0);
  return w;
}

/** Font size and character spacing of a run role, in twips. */
export function roleMetrics(profile: FormatProfile, role: RunRole): { size: number; spacing: number } {
  const spacing = ptToTwips(profile.body.characterSpacingPt);
  switch (role) {
    case 'title':
      return { size: ptToTwips(profile.title.sizePt), spacing: 0 };
    case 'addressee':
      return { size: ptToTwips(profile.addressee.sizePt), spacing };
    case 'body':
      return { size: ptToTwips(profile.body.sizePt), spacing };
    default:
      return { size: ptToTwips(profile.headings[Number(role.slice(7)) - 1]?.sizePt ?? profile.body.sizePt), spacing };
  }
}

// ---------------------------------------------------------------------------------------------
// Line breaking

// LibreOffice's zh-CN forbidden characters (i18npool localedata): none of these may start a line…
const forbiddenStart = new Set(":!),.:;?]}¢'\"、。〉》」』】〕〗〞︰︱︳﹐､﹒﹔﹕﹖﹗﹚﹜﹞！），．：；？｜｝︴︶︸︺︼︾﹀﹂﹄﹏､～￠々‖•·ˇˉ―-′’”");
// … none of these may end one …
const forbiddenEnd = new Set("([{£¥'\"‵〈《「『【〔〖（［｛￡￥〝︵︷︹︻︽︿﹁﹃﹙﹛﹝“‘");
// Opening and closing brackets and quotes, which a Latin word next to them does not break from.
const openers = new Set('“‘（《「『【〔〈［｛〖');
const closers = new Set('”’）》」』】〕〉］｝〗');
// … and these may hang past the right margin when they do not fit (hanging punctuation).
const hanging = new Set('!,.:;?、。！，．：；？');

/** ASCII letters, digits and punctuation, accented Latin, Greek and Cyrillic: the characters of a Latin word. */
function isLatinWordChar(code: number): boolean {
  return (code > 0x20 && code < 0x7f) || (code > 0xa0 && code < 0x2000 && !(code >= 0x300 && code < 0x370));
}

/** True for CJK punctuation: ideographic marks (。、「」) and full-width forms (，：（）). */
function isCjkPunctuation(code: number): boolean {
  return (code >= 0x3000 && code <= 0x303f) || (code >= 0xff01 && code <= 0xff65);
}

/**
 * True when a line may break between a and b (a ends the line, b starts the next); `before` is
 * the character before a. Besides the forbidden characters: a Latin word (2025, 1.8, 30%, 5G) is
 * not split (an ASCII comma or colon inside it included) and sticks to the brackets and quotes
 * around it (2022“ ”2022); a Chinese mark after a Latin word sticks to a Latin word after it
 * (85%。2025).
 */
function canBreakBetween(a: string, b: string, before = ''): boolean {
  // Between two Han characters (most pairs) a line may always break.
  const ca = a.charCodeAt(0);
  const cb = b.charCodeAt(0);
  if (ca >= 0x4e00 && ca <= 0x9fff && cb >= 0x4e00 && cb <= 0x9fff) return true;
  if (b === ' ' || b === '\u3000') return false;
  if (a === ' ') return true;
  if (forbiddenStart.has(b) || forbiddenEnd.has(a)) return false;
  // —— is never split (Unicode line breaking B2 × B2); LibreOffice does split …… .
  if (a === '—' && b === '—') return false;
  const latinA = isLatinWordChar(a.codePointAt(0) ?? 0) || a === '％';
  const latinB = isLatinWordChar(b.codePointAt(0) ?? 0) || b === '％';
  if (latinA && latinB) return a === '?' || a === '!';
  if ((openers.has(b) && isLatinAlnum(a)) || (closers.has(a) && isLatinAlnum(b))) return false;
  if (isLatinAlnum(b) && isCjkPunctuation(ca) && before !== '' && isLatinWordChar(before.codePointAt(0) ?? 0)) return false;
  return true;
}

/** Default tab stop of the exported document, in twips (two 10.5 pt characters, Word's Chinese default). */
export const DEFAULT_TAB_TWIPS = 420;

/**
 * Breaks a paragraph into lines as LibreOffice does: greedy, a line holds characters while they
 * fit the width (the last one without its spacing; trailing spaces hang), a break only falls where
 * the forbidden characters and word rules allow it, else at the last allowed break (mid-word when a
 * word is wider than the line); a sentence mark that does not fit hangs past the margin. "\n"
 * forces a break.
 */
export function paragraphLines(profile: FormatProfile, paragraph: LayoutParagraph, t: ProfileTwips = profileTwips(profile)): string[] {
  return paragraphLineRanges(profile, paragraph, t).map((r) => r.text);
}

/** One line of a paragraph: its text and where it sits in the paragraph's characters (code points). */
export interface LineRange {
  /** The line's text (trailing spaces dropped). */
  text: string;
  /** Index of the line's first character among the paragraph's code points. */
  start: number;
  /** Index after the line's last character shown. */
  end: number;
  /** True when the line ends at a "\n" (a forced break: not justified). */
  forced: boolean;
  /** True when the line's last character is a mark hanging past the right margin. */
  hangs: boolean;
}

/** The lines of a paragraph as paragraphLines breaks them, with their character ranges (for drawing them line by line). */
export function paragraphLineRanges(profile: FormatProfile, paragraph: LayoutParagraph, t: ProfileTwips = profileTwips(profile)): LineRange[] {
  const { chars, width, kern, gap, scripts } = measure(profile, paragraph.runs);
  const lines: LineRange[] = [];
  const firstStart = paragraph.left + paragraph.firstLine;
  const n = chars.length;
  let start = 0;
  let first = true;
  while (start < n || lines.length === 0) {
    const lineStart = first ? firstStart : paragraph.left;
    const limit = t.textWidth - paragraph.right - lineStart;
    let x = 0;
    let i = start;
    let lastBreak = -1; // a break is allowed before chars[lastBreak]
    let end = n;
    let forced = false;
    let hangs = false;
    while (i < n) {
      const ch = chars[i] as string;
      if (ch === '\n') {
        end = i;
        forced = true;
        break;
      }
      if (i > start && canBreakBetween(chars[i - 1] as string, ch, chars[i - 2])) lastBreak = i;
      let w = width[i] as number;
      if (ch === '\t') {
        const at = x + lineStart;
        w = (Math.floor(at / DEFAULT_TAB_TWIPS) + 1) * DEFAULT_TAB_TWIPS - at;
      }
      const g = i > start ? (gap[i] as number) : 0;
      if (ch !== ' ' && i > start && x + g + w - (kern[i] as number) > limit) {
        // Only a mark after a Chinese character hangs ("62%。" wraps as a whole); a hanging mark
        // ends the line whatever follows it (種,|12個), unless that may not start a line.
        if (hanging.has(ch) && scripts[i - 1] === 'A' && (i + 1 >= n || !forbiddenStart.has(chars[i + 1] as string))) {
          end = i + 1;
          hangs = true;
        } else end = lastBreak > start ? lastBreak : i;
        break;
      }
      x += g + w;
      i += 1;
    }
    const text = chars.slice(start, end).join('').replace(/ +$/u, '');
    lines.push({ text, start, end: start + [...text].length, forced, hangs });
    start = forced ? end + 1 : end;
    // Spaces at the start of a wrapped line are swallowed by the break.
    if (!forced) while (start < n && chars[start] === ' ') start += 1;
    first = false;
    if (forced && start === n) {
      lines.push({ text: '', start: n, end: n, forced: false, hangs: false });
      break;
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// The title: balanced lines (a trapezoid rather than a full line and an orphan)

/** Positions in the title where a line may break: word boundaries that no forbidden character blocks. */
function titleBreaks(title: string): Set<number> {
  const chars = [...title];
  const breaks = new Set<number>();
  let offsets: number[];
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (Segmenter) {
    offsets = [];
    // Segment offsets are UTF-16 indexes: convert to code-point indexes.
    const cpIndex: number[] = [];
    let cp = 0;
    for (let u = 0; u < title.length; u += 1) {
      cpIndex[u] = cp;
      const code = title.charCodeAt(u);
      if (code < 0xd800 || code > 0xdbff) cp += 1;
    }
    cpIndex[title.length] = cp;
    for (const seg of new Segmenter('zh-CN', { granularity: 'word' }).segment(title)) offsets.push(cpIndex[seg.index] ?? 0);
  } else {
    offsets = chars.map((_, i) => i);
  }
  for (const at of offsets) {
    if (at > 0 && at < chars.length && canBreakBetween(chars[at - 1] as string, chars[at] as string, chars[at - 2])) breaks.add(at);
  }
  return breaks;
}

/**
 * Breaks a long title into balanced centred lines at word boundaries: the fewest lines that fit,
 * as equal as the words allow, earlier lines not shorter than later ones when it is a tie (an
 * inverted trapezoid) — never a last line of one character. A title that fits stays one line.
 */
export function titleLines(profile: FormatProfile, title: string, t: ProfileTwips = profileTwips(profile)): string[] {
  const text = title.replace(/\s*\n\s*/gu, ' ').trim();
  if (!text) return [];
  const m = measure(profile, [{ text, role: 'title' }]);
  const chars = m.chars;
  const prefix = [0];
  chars.forEach((_, i) => prefix.push((prefix[i] as number) + (m.width[i] as number) + (m.gap[i] as number)));
  const width = (a: number, b: number): number => {
    // Spaces at either end of a line do not show; the first character's auto-spacing falls at the break.
    while (a < b && chars[a] === ' ') a += 1;
    while (b > a && chars[b - 1] === ' ') b -= 1;
    return b > a ? (prefix[b] as number) - (prefix[a] as number) - (m.gap[a] as number) : 0;
  };
  const limit = t.textWidth + 0.5;
  const n = chars.length;
  if (width(0, n) <= limit) return [text];
  const glyphs = [0];
  chars.forEach((c, i) => glyphs.push((glyphs[i] as number) + (c === ' ' ? 0 : 1)));
  const words = titleBreaks(text);
  const pts = [0, ...chars.map((_, i) => i).filter((i) => i > 0 && canBreakBetween(chars[i - 1] as string, chars[i] as string, chars[i - 2])), n];
  // The fewest lines: greedy over the permitted breaks.
  let lines = 0;
  for (let at = 0; at < pts.length - 1; lines += 1) {
    let next = at + 1;
    while (next + 1 < pts.length && width(pts[at] as number, pts[next + 1] as number) <= limit) next += 1;
    at = next;
  }
  const size = roleMetrics(profile, 'title').size;
  const mean = width(0, n) / lines;
  // Breaking inside a word costs as much as two characters of imbalance; a lone last character far more.
  const inWord = (2 * size) ** 2;
  const best: number[][] = Array.from({ length: lines + 1 }, () => pts.map(() => Infinity));
  const from: number[][] = Array.from({ length: lines + 1 }, () => pts.map(() => -1));
  (best[0] as number[])[0] = 0;
  for (let k = 1; k <= lines; k += 1) {
    for (let j = 1; j < pts.length; j += 1) {
      const pj = pts[j] as number;
      for (let i = j - 1; i >= 0; i -= 1) {
        const pi = pts[i] as number;
        const w = width(pi, pj);
        if (w > limit) break;
        const prev = (best[k - 1] as number[])[i] as number;
        if (prev === Infinity || (glyphs[pj] as number) === (glyphs[pi] as number)) continue;
        const last = k === lines && j === pts.length - 1;
        const orphan = last && (glyphs[pj] as number) - (glyphs[pi] as number) < 2 ? 1e12 : 0;
        const split = j < pts.length - 1 && !words.has(pj) ? inWord : 0;
        // The tiny last term breaks ties towards a longer upper line (an inverted trapezoid).
        const cost = prev + (w - mean) ** 2 + split + orphan + 1e-3 * k * w;
        if (cost < ((best[k] as number[])[j] as number)) {
          (best[k] as number[])[j] = cost;
          (from[k] as number[])[j] = i;
        }
      }
    }
  }
  let j = pts.length - 1;
  if ((best[lines] as number[])[j] === Infinity) return [text];
  const cuts: number[] = [];
  for (let k = lines; k > 0; k -= 1) {
    cuts.unshift(pts[j] as number);
    j = (from[k] as number[])[j] as number;
  }
  const out: string[] = [];
  let at = 0;
  for (const cut of cuts) {
    out.push(chars.slice(at, cut).join('').trim());
    at = cut;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The layout plan

/** Writes a date the GB/T 9704 way: Arabic numerals without padding (二〇二五年七月一日 / 2025-07-01 → 2025年7月1日). */
export function normaliseDate(text: string): string {
  const trimmed = text.trim();
  const digit: Record<string, string> = { '〇': '0', '○': '0', 零: '0', O: '0', 'Ｏ': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
  const small = (s: string): string => {
    if (/^\d+$/u.test(s)) return String(Number(s));
    // 十 → 10, 十二 → 12, 二十 → 20, 二十一 → 21, 三十一 → 31
    const m = /^([一二三])?十([一二三四五六七八九])?$/u.exec(s);
    if (m) return String((m[1] ? Number(digit[m[1]]) : 1) * 10 + (m[2] ? Number(digit[m[2]]) : 0));
    return s.length === 1 && digit[s] ? (digit[s] as string) : s;
  };
  let m = /^(\d{4}|[〇○零OＯ一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/u.exec(trimmed);
  if (m) {
    const year = [...(m[1] as string)].map((c) => digit[c] ?? c).join('');
    return `${year}年${small(m[2] as string)}月${small(m[3] as string)}日`;
  }
  m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/u.exec(trimmed);
  if (m) return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
  return trimmed;
}

/** Adds the full-width colon a 主送机关 line ends with. */
function addresseeText(text: string): string {
  const t = text.trim();
  if (!t) return t;
  if (/[：:]$/u.test(t)) return `${t.slice(0, -1)}：`;
  return `${t}：`;
}

/** The items of the 附件说明 blocks: "附件：1.××" lines with the label and numbers taken off. */
function attachmentItems(texts: readonly string[]): string[] {
  const items: string[] = [];
  for (const text of texts) {
    for (const raw of text.split('\n')) {
      let line = raw.trim();
      if (!line) continue;
      line = line.replace(/^附\s*件\s*[：:]\s*/u, '');
      line = line.replace(/^(\d{1,2})\s*[.．、]\s*/u, '');
      if (line) items.push(line);
    }
  }
  return items;
}

/**
 * The exported document as paragraphs: title (balanced lines), the empty line after it, then each
 * block in its element's format, 附件说明 with hanging alignment, and 署名 + 成文日期 placed on the
 * grid (unsealed: 署名 two characters from the right, date two characters right of its first
 * character; sealed: date four from the right, 署名 centred over it). Empty paragraphs at the start
 * and end of the text are dropped; the empty lines before 附件说明 and 署名 come from the profile.
 */
export function layoutPlan(profile: FormatProfile, input: LayoutInput, t: ProfileTwips = profileTwips(profile)): LayoutParagraph[] {
  const out: LayoutParagraph[] = [];
  const bodySize = ptToTwips(profile.body.sizePt);
  const indent = Math.round(profile.body.firstLineIndentChars * bodySize);
  const bodyLine = t.bodyLine;
  const base = { firstLine: indent, left: 0, right: 0, lineHeight: bodyLine, keepNext: false, keepLines: false, align: 'both' as const };
  const blank = (): LayoutParagraph => ({ ...base, kind: 'blank', block: null, runs: [], firstLine: 0 });
  // Runs of spaces in a title (web copies bring no-break spaces) read as one.
  const lines = titleLines(profile, input.title.replace(/[ \t\r\n\u00a0]+/gu, ' ').trim(), t);
  if (lines.length) {
    out.push({ ...base, kind: 'title', block: null, runs: [{ text: lines.join('\n'), role: 'title' }], align: 'center', firstLine: 0, lineHeight: ptToTwips(profile.title.lineSpacingPt), keepNext: true, keepLines: true });
    for (let i = 0; i < profile.title.blankLinesAfter; i += 1) out.push(blank());
  }
  const textStart = out.length;
  const blocks = input.blocks;
  const dropTrailingBlanks = (): void => {
    while (out.length > textStart && out[out.length - 1]?.kind === 'blank') out.pop();
  };
  const advance = t.bodyAdvance;
  const width = (text: string): number => textWidth(profile, text, 'body');
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i] as ReportBlock;
    if (b.type === 'heading') {
      const role = `heading${b.level}` as RunRole;
      // Typed indents (full-width spaces) would double the 2-character indent: trimmed.
      const text = b.text.replace(/^[ \u3000]+|[ \u3000]+$/gu, '');
      if (b.runInBody === null) {
        out.push({ ...base, kind: 'heading', block: i, level: b.level, runs: [{ text: `${b.number}${text}`, role }], keepNext: true, keepLines: true });
      } else {
        const body = b.runInBody.replace(/[ \u3000]+$/gu, '');
        out.push({ ...base, kind: 'runIn', block: i, level: b.level, runs: [{ text: `${b.number}${text}`, role }, ...(body ? [{ text: body, role: 'body' as const }] : [])] });
      }
      i += 1;
    } else if (b.type === 'paragraph') {
      const text = b.text.replace(/^[ \u3000]+|[ \u3000]+$/gu, '');
      if (text === '') {
        if (out.length > textStart) out.push({ ...blank(), block: i });
      } else out.push({ ...base, kind: 'body', block: i, runs: [{ text, role: 'body' }] });
      i += 1;
    } else if (b.role === 'addressee') {
      out.push({ ...base, kind: 'addressee', block: i, runs: [{ text: addresseeText(b.text), role: 'addressee' }], firstLine: 0, keepNext: true });
      i += 1;
    } else if (b.role === 'closing') {
      out.push({ ...base, kind: 'closing', block: i, runs: [{ text: b.text.trim(), role: 'body' }] });
      i += 1;
    } else if (b.role === 'attachment') {
      const first = i;
      const texts: string[] = [];
      while (i < blocks.length && (blocks[i] as ReportBlock).type === 'role' && (blocks[i] as { role: string }).role === 'attachment') {
        texts.push((blocks[i] as { text: string }).text);
        i += 1;
      }
      const items = attachmentItems(texts);
      if (!items.length) continue;
      dropTrailingBlanks();
      for (let k = 0; k < profile.attachment.blankLinesBefore; k += 1) out.push(blank());
      const label = '附件：';
      const start = Math.round(profile.attachment.indentChars * bodySize);
      const numbered = items.length > 1;
      // Names align under the first item's name; "10." starts half a character left of "9.".
      const numberWidth = numbered ? width('1.') : 0;
      const left = Math.round(start + width(label) + numberWidth);
      items.forEach((item, n) => {
        const number = numbered ? `${n + 1}.` : '';
        const prefix = n === 0 ? `${label}${number}` : number;
        // Wrapped lines (and the items after the first) align under the first item's name.
        const firstLine = n === 0 ? start - left : Math.round(left - width(number)) - left;
        // The list stays together (and, through the 署名's rule below, with the 署名).
        out.push({ ...base, kind: 'attachment', block: first + Math.min(n, texts.length - 1), runs: [{ text: `${prefix}${item}`, role: 'body' }], align: 'left', left, firstLine, keepNext: n < items.length - 1 });
      });
    } else {
      // 署名 and 成文日期: the closing group.
      const group: { block: number; role: 'signature' | 'date'; text: string }[] = [];
      while (i < blocks.length) {
        const g = blocks[i] as ReportBlock;
        if (g.type !== 'role' || (g.role !== 'signature' && g.role !== 'date')) break;
        const text = g.role === 'date' ? normaliseDate(g.text) : g.text.trim();
        if (text) group.push({ block: i, role: g.role, text });
        i += 1;
      }
      if (!group.length) continue;
      dropTrailingBlanks();
      // 署名 and 成文日期 never stand alone on a page: the paragraph before them comes along.
      const last = out[out.length - 1];
      if (out.length > textStart && last) last.keepNext = true;
      for (let k = 0; k < profile.signature.blankLinesBefore; k += 1) out.push({ ...blank(), keepNext: true });
      const sig = profile.signature;
      const W = t.textWidth;
      const place = (kind: 'signature' | 'date', block: number, text: string, at: { right: number } | { left: number }, keepNext: boolean): void => {
        const p: LayoutParagraph = { ...base, kind, block, runs: [{ text, role: 'body' }], firstLine: 0, keepNext };
        if ('right' in at) out.push({ ...p, align: 'right', right: Math.max(0, Math.round(at.right)) });
        else out.push({ ...p, align: 'left', left: Math.max(0, Math.round(at.left)) });
      };
      for (let k = 0; k < group.length; k += 1) {
        const g = group[k] as (typeof group)[number];
        const next = group[k + 1];
        if (g.role === 'signature' && next?.role === 'date') {
          const sigW = width(g.text);
          const dateW = width(next.text);
          if (sig.sealed) {
            const dateRight = sig.sealedDateRightChars * advance;
            const dateStart = W - dateRight - dateW;
            place('signature', g.block, g.text, { left: dateStart + (dateW - sigW) / 2 }, true);
            place('date', next.block, next.text, { right: dateRight }, false);
          } else if (dateW > sigW) {
            // A date longer than the 署名 sits two characters from the right; the 署名 moves left.
            const dateRight = sig.rightChars * advance;
            const dateStart = W - dateRight - dateW;
            place('signature', g.block, g.text, { left: dateStart - sig.dateShiftChars * advance }, true);
            place('date', next.block, next.text, { right: dateRight }, false);
          } else {
            const sigRight = sig.rightChars * advance;
            const sigStart = W - sigRight - sigW;
            place('signature', g.block, g.text, { right: sigRight }, true);
            place('date', next.block, next.text, { left: sigStart + sig.dateShiftChars * advance }, false);
          }
          k += 1;
        } else {
          const right = (sig.sealed ? sig.sealedDateRightChars : sig.rightChars) * advance;
          place(g.role, g.block, g.text, { right }, g.role === 'signature');
        }
      }
    }
  }
  dropTrailingBlanks();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Pages

/** Where a page starts: the paragraph's source block (null: title or an inserted empty line) and the line in it. */
export interface PageBreak {
  /** The page that starts here (2 for the first break). */
  page: number;
  block: number | null;
  /** Index of the paragraph in the layout plan. */
  paragraph: number;
  /** The line of the paragraph the page starts with (0: the paragraph starts the page). */
  line: number;
}

/** The page estimate of a report. */
export interface PageEstimate {
  pages: number;
  /** Where each page after the first starts. */
  breaks: PageBreak[];
  /** Lines of each paragraph of the layout plan, in order. */
  lines: number[];
}

/**
 * Estimates how many pages the exported report takes, as LibreOffice lays it out: each
 * paragraph's lines at its exact pitch filling the text height, a heading (kept with the next
 * paragraph and not split) moved to the next page when it would end a page, no widow control.
 */
export function estimatePages(input: LayoutInput, profile: FormatProfile): PageEstimate {
  const t = profileTwips(profile);
  const plan = layoutPlan(profile, input, t);
  return paginate(plan, plan.map((p) => paragraphLines(profile, p, t).length), t.textHeight);
}

/** Pages a layout plan whose paragraphs have the given line counts in a text area of the given height (twips). */
export function paginate(plan: readonly LayoutParagraph[], lineCounts: readonly number[], height: number): PageEstimate {
  const breaks: PageBreak[] = [];
  let page = 1;
  let used = 0;
  const newPage = (paragraph: number, line: number): void => {
    page += 1;
    used = 0;
    breaks.push({ page, block: plan[paragraph]?.block ?? null, paragraph, line });
  };
  for (let index = 0; index < plan.length; index += 1) {
    const p = plan[index] as LayoutParagraph;
    const count = lineCounts[index] ?? 1;
    const h = p.lineHeight;
    if (used > 0 && (p.keepNext || p.keepLines)) {
      // LibreOffice moves a kept paragraph whole: the chain of paragraphs kept with the next, all
      // their lines, plus the first line of the paragraph after them (all of it if it is kept together).
      let need = count * h;
      let j = index;
      while ((plan[j] as LayoutParagraph).keepNext && j + 1 < plan.length) {
        j += 1;
        const q = plan[j] as LayoutParagraph;
        need += q.keepNext || q.keepLines ? (lineCounts[j] ?? 1) * q.lineHeight : q.lineHeight;
        if (!q.keepNext) break;
      }
      if (used + need > height && need <= height) newPage(index, 0);
    }
    for (let line = 0; line < count; line += 1) {
      if (used + h > height) newPage(index, line);
      used += h;
    }
  }
  return { pages: page, breaks, lines: [...lineCounts] };
}
