// Text sources: decoding a .txt/.md file's bytes (UTF-8 with or without BOM, UTF-16 with BOM,
// else GB18030/GBK or Big5 — what Chinese Windows machines save) and turning text or Markdown into
// paragraphs with heading hints. One paragraph per line: Chinese writers put each paragraph on its
// own line, and a 一、 line must never be glued onto the paragraph above it.
import { AppError } from '../../common/errors';
import type { HeadingLevel } from '../../common/numbering';
import type { SourceParagraph } from './types';

/** Text decoded from a file, with the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
}

// The most frequent characters of Chinese prose, Simplified and Traditional: legacy bytes are read
// in whichever of GB18030 and Big5 makes more of them appear.
const commonChars = new Set('的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會可主发發年动動同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經');

/** Counts common characters in text. */
function commonness(text: string): number {
  let n = 0;
  for (const ch of text) if (commonChars.has(ch)) n += 1;
  return n;
}

/** Counts U+FFFD replacement characters (bytes the decoder could not read). */
function replacements(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '\ufffd') n += 1;
  return n;
}

/** Decodes a text file's bytes: BOMs first, then strict UTF-8, then GB18030 or Big5. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  let decoded: DecodedText;
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) decoded = { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  else if (b0 === 0xff && b1 === 0xfe) decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  else if (b0 === 0xfe && b1 === 0xff) decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      const utf16 = utf16WithoutBom(bytes);
      if (utf16) decoded = { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
      else {
        const gb = new TextDecoder('gb18030').decode(bytes);
        const big5 = new TextDecoder('big5').decode(bytes);
        const gbScore = commonness(gb) - 20 * replacements(gb);
        const big5Score = commonness(big5) - 20 * replacements(big5);
        decoded = big5Score > gbScore ? { text: big5, encoding: 'big5' } : { text: gb, encoding: 'gb18030' };
      }
    }
  }
  const text = decoded.text;
  let controls = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) controls += 1;
  }
  if (controls > Math.max(8, text.length / 200) || replacements(text) > Math.max(8, text.length / 50)) {
    throw new AppError('INVALID_INPUT', '这个文件不是可读的文本（可能是二进制文件，或编码无法识别）。请确认选择的是 .txt 或 .md 文件。');
  }
  return { text: text.replaceAll('\u0000', ''), encoding: decoded.encoding };
}

/** UTF-16 saved without a BOM: every other byte of ASCII-heavy text is zero. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const sample = Math.min(bytes.length, 4096);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZero += 1;
    if (bytes[i + 1] === 0) oddZero += 1;
  }
  const pairs = sample / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Plain text (a .txt file or a paste): one paragraph per line. */
export function textParagraphs(text: string): SourceParagraph[] {
  return text
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/g, '\n')
    .split(/[\n\u2028\u2029]/u)
    .map((line) => ({ text: line }));
}

/** Paragraphs of Markdown, and the lines of front matter it dropped. */
export interface MarkdownParagraphs {
  paragraphs: SourceParagraph[];
  /** Front matter lines (metadata, not the report). */
  removed: string[];
}

/** Removes inline Markdown: images, links (text kept), emphasis, code spans, HTML tags, escapes. */
export function stripInlineMarkdown(text: string): string {
  // Escaped characters are parked in the private use area while the markup is removed.
  const parked = text.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/gu, (_m, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)));
  return parked
    .replace(/!\[[^\]]*\]\([^)]*\)/gu, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/gu, '$1')
    .replace(/<(https?:\/\/[^>\s]+|mailto:[^>\s]+)>/gu, '$1')
    .replace(/<\/?[a-zA-Z][^<>]{0,200}>/gu, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/gu, '$2')
    .replace(/(?<![*\w])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![*\w])/gu, '$1')
    .replace(/(?<![_\w])_(?=[^\s_])([^_\n]*?[^\s_])_(?![_\w])/gu, '$1')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/gu, '$1')
    .replace(/`([^`]+)`/gu, '$1')
    .replace(/[\ue000-\ue07f]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));
}

/**
 * Markdown to paragraphs: # headings become heading hints (a lone top-level # at the start is the
 * title; the shallowest remaining level is level 1), lists lose their bullets (an ordered "1. " is
 * kept: it is a level-3 marker), quotes lose ">", tables become tab-separated rows, fences and
 * rules go, inline markup is stripped. Lines of a paragraph are not joined (see the file comment).
 */
export function markdownParagraphs(text: string): MarkdownParagraphs {
  const lines = textParagraphs(text).map((p) => p.text);
  const removed: string[] = [];
  let start = 0;
  if (/^---\s*$/u.test(lines[0] ?? '')) {
    const close = lines.findIndex((line, i) => i > 0 && i < 60 && /^(---|\.\.\.)\s*$/u.test(line));
    if (close > 0) {
      removed.push(...lines.slice(0, close + 1).filter((l) => l.trim()));
      start = close + 1;
    }
  }
  const raw: (SourceParagraph & { hashes?: number })[] = [];
  let fence: string | null = null;
  for (let i = start; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const fenceMark = /^\s{0,3}(`{3,}|~{3,})/u.exec(line);
    if (fenceMark) {
      if (fence === null) fence = fenceMark[1]?.[0] ?? '`';
      else if (fenceMark[1]?.[0] === fence) fence = null;
      continue;
    }
    if (fence !== null) {
      raw.push({ text: line });
      continue;
    }
    // Setext headings: a line underlined with === or ---.
    const next = lines[i + 1] ?? '';
    if (line.trim() && /^\s{0,3}(=+|-+)\s*$/u.test(next) && !/^\s{0,3}([-*+]|\d+[.)])\s/u.test(line)) {
      raw.push({ text: stripInlineMarkdown(line.trim()), hashes: next.trim().startsWith('=') ? 1 : 2 });
      i += 1;
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/u.test(line)) continue;
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)(\s+#+)?\s*$/u.exec(line);
    if (heading) {
      raw.push({ text: stripInlineMarkdown(heading[2] ?? ''), hashes: heading[1]?.length ?? 1 });
      continue;
    }
    let body = line.replace(/^\s{0,3}(>\s?)+/u, '');
    if (/^\s*\|/u.test(body)) {
      if (/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/u.test(body)) continue;
      const cells = body.trim().replace(/^\||\|$/gu, '').split(/(?<!\\)\|/u).map((c) => stripInlineMarkdown(c.trim()));
      raw.push({ text: cells.join('\t'), tableRow: true });
      continue;
    }
    body = body.replace(/^\s*[-*+]\s+(\[[ xX]\]\s+)?/u, '');
    const whole = /^\s*(\*\*|__)(.+)\1\s*$/u.exec(body);
    raw.push({ text: stripInlineMarkdown(body), ...(whole ? { bold: 'all' as const } : {}) });
  }
  // Heading levels from #'s: a lone shallowest # opening the text is the title.
  const headings = raw.filter((p) => p.hashes !== undefined);
  const firstText = raw.find((p) => p.text.trim() !== '');
  const top = Math.min(...headings.map((h) => h.hashes ?? 6));
  if (firstText?.hashes === top && headings.filter((h) => h.hashes === top).length === 1) firstText.isTitle = true;
  const base = Math.min(...headings.filter((h) => !h.isTitle).map((h) => h.hashes ?? 6));
  const paragraphs = raw.map(({ hashes, ...p }): SourceParagraph => {
    if (hashes === undefined || p.isTitle) return p;
    return { ...p, styleLevel: Math.min(4, Math.max(1, hashes - base + 1)) as HeadingLevel };
  });
  return { paragraphs, removed };
}
