// Text utilities shared by core (search, counts) and the renderer (status bar).

/** Matches one Han character (CJK unified ideographs incl. extensions and compatibility forms). */
export const hanPattern = /[\p{Script=Han}]/u;

const fullWidthPunct = /[\u3000-\u303f\uff00-\uffef\u2014\u2026\u2018\u2019\u201c\u201d\u00b7]/u;

/**
 * Counts text the way Word's 字数 does for Chinese: every Han character and every full-width
 * punctuation mark counts one, every run of Latin letters/digits counts one word; spaces and
 * half-width punctuation count nothing.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (const ch of text) {
    if (hanPattern.test(ch) || fullWidthPunct.test(ch)) {
      count += 1;
      inWord = false;
    } else if (/[\p{L}\p{N}]/u.test(ch)) {
      if (!inWord) count += 1;
      inWord = true;
    } else {
      inWord = ch === '\'' || ch === '-' || ch === '.' ? inWord : false;
    }
  }
  return count;
}

/** Counts characters excluding whitespace (Word's 字符数(不计空格)). */
export function countCharsNoSpaces(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/u.test(ch)) n += 1;
  return n;
}

/** Normalises line endings and strips a BOM and NUL bytes from imported or pasted text. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replaceAll('\u0000', '').replace(/\r\n?/g, '\n');
}

/** Splits text into paragraphs: one per non-empty line, trimmed of surrounding white space. */
export function splitParagraphs(text: string): string[] {
  return normaliseText(text)
    .split('\n')
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line.length > 0);
}
