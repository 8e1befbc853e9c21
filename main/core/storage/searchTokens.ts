// Pre-tokenisation for the search index and the query parser. See search.ts for why Chinese is
// indexed as overlapping bigrams plus a closing unigram.

/** A letter/digit that is not Han: what glues two word runs together. */
const wordChar = String.raw`(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])`;
/** Anything the index skips: what may sit between two runs of one term in the document. */
const separator = String.raw`[^\p{L}\p{N}\p{M}]`;

/**
 * Folds full-width ASCII letters and digits (ＡＢＣ１２３, common in Chinese documents) to their
 * half-width forms. One UTF-16 unit in, one out, so offsets into the folded text stay valid.
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const OTHER = 1;
const HAN = 2;
const WORD = 3;
/** Class of each BMP code unit, filled lazily from the Unicode regexes (0 = not yet known). */
const bmpClass = new Uint8Array(0x10000);
const hanChar = /^\p{Script=Han}$/u;
const wordCharOnly = /^[\p{L}\p{N}\p{M}]$/u;

/** Classifies one code point as Han, word (other letters, digits, marks) or other. */
function classify(codePoint: number): number {
  if (codePoint < 0x10000) {
    const known = bmpClass[codePoint] as number;
    if (known) return known;
  }
  const ch = String.fromCodePoint(codePoint);
  const cls = hanChar.test(ch) ? HAN : wordCharOnly.test(ch) ? WORD : OTHER;
  if (codePoint < 0x10000) bmpClass[codePoint] = cls;
  return cls;
}

/** One run of indexable text: Han characters, or a word of other letters/digits/marks. */
export interface TextRun {
  text: string;
  han: boolean;
}

/** Cuts (width-folded) text into runs; the single definition of a run for index and queries. */
export function splitRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let start = -1;
  let runClass = OTHER;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    const size = cp > 0xffff ? 2 : 1;
    const cls = classify(cp);
    if (cls !== runClass) {
      if (runClass !== OTHER) runs.push({ text: text.slice(start, i), han: runClass === HAN });
      start = i;
      runClass = cls;
    }
    i += size;
  }
  if (runClass !== OTHER) runs.push({ text: text.slice(start), han: runClass === HAN });
  return runs;
}

/**
 * The token stream the index stores for a text: each Han run becomes its overlapping bigrams plus
 * its last character (so every Han character starts exactly one token), every other word is
 * lower-cased. Tokens are joined by spaces for FTS5's unicode61 tokenizer to split again.
 * Hand-rolled over code units because it runs on every save (60,000 characters in about 1 ms).
 */
export function indexTokens(text: string): string {
  const folded = foldWidth(text);
  let out = '';
  let prev = -1; // start of the previous Han character in the current Han run, or -1
  let wordStart = -1;
  for (let i = 0; i < folded.length; ) {
    const cp = folded.codePointAt(i) as number;
    const size = cp > 0xffff ? 2 : 1;
    const cls = classify(cp);
    if (cls !== WORD && wordStart >= 0) {
      out += (out ? ' ' : '') + folded.slice(wordStart, i).toLowerCase();
      wordStart = -1;
    }
    if (cls === HAN) {
      if (prev >= 0) out += (out ? ' ' : '') + folded.slice(prev, i + size);
      prev = i;
    } else {
      if (prev >= 0) out += (out ? ' ' : '') + folded.slice(prev, i);
      prev = -1;
      if (cls === WORD && wordStart < 0) wordStart = i;
    }
    i += size;
  }
  if (wordStart >= 0) out += (out ? ' ' : '') + folded.slice(wordStart).toLowerCase();
  if (prev >= 0) out += (out ? ' ' : '') + folded.slice(prev);
  return out;
}

/** One space-separated term of a search query, compiled for FTS5 and for highlighting. */
export interface QueryTerm {
  /** The FTS5 expression matching this term: a quoted token, prefix or phrase. */
  fts: string;
  /** Finds the term in (width-folded) text, for excerpts and highlights; flags 'giu'. */
  pattern: RegExp;
  /**
   * A literal that every occurrence of the term contains, found with SQL instr() to locate the
   * excerpt without loading the whole text: the term itself when it is one caseless run of
   * characters, else its longest Han run, else null (then the excerpt scans the text).
   */
  anchor: string | null;
}

/** Quotes a token for an FTS5 expression; tokens hold only letters/digits, but never trust that. */
function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

/** Escapes text for use inside a RegExp. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Compiles one query term. The term is cut into runs exactly as indexTokens cuts text: a Han run
 * that ends inside the term ends in the document too, so it contributes its bigrams and closing
 * unigram; the term's last run may continue in the document, so it contributes bigrams only, or a
 * prefix token when it is a single character (every Han character starts a token). The last word
 * run is a prefix too (typing "wor" finds "word"). All tokens form one phrase, so a match is
 * always a contiguous occurrence of the term.
 */
function compileTerm(term: string): QueryTerm | null {
  const runs = splitRuns(foldWidth(term));
  if (runs.length === 0) return null;
  const tokens: string[] = [];
  let prefix = false;
  const patternParts: string[] = [];
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    if (run.han) {
      const chars = Array.from(run.text);
      for (let k = 0; k + 1 < chars.length; k++) tokens.push((chars[k] as string) + (chars[k + 1] as string));
      if (!last) tokens.push(chars[chars.length - 1] as string);
      else if (chars.length === 1) {
        tokens.push(chars[0] as string);
        prefix = true;
      }
    } else {
      tokens.push(run.text.toLowerCase());
      if (last) prefix = true;
    }
    if (i > 0) {
      const before = runs[i - 1] as (typeof runs)[number];
      // Two runs of one kind only stay apart in the document when something separates them.
      patternParts.push(before.han === run.han ? `${separator}+` : `${separator}*`);
    }
    let part = escapeRegExp(run.text);
    if (!run.han && i === 0) part = `(?<!${wordChar})${part}`;
    if (!run.han && !last) part = `${part}(?!${wordChar})`;
    patternParts.push(part);
  });
  const fts = tokens.map(quote).join(' + ') + (prefix ? '*' : '');
  const joined = runs.map((r) => r.text).join('');
  const longestHan = runs.filter((r) => r.han).reduce<string | null>((best, r) => (best && best.length >= r.text.length ? best : r.text), null);
  const caseless = joined.toLowerCase() === joined.toUpperCase();
  const anchor = caseless && foldWidth(term).includes(joined) ? joined : longestHan;
  return { fts, pattern: new RegExp(patternParts.join(''), 'giu'), anchor };
}

/**
 * Parses a search query into terms (separated by white space, all of which must occur). Anything
 * that is not a letter, digit or Han character is dropped, so no input can form FTS5 syntax.
 */
export function parseQuery(query: string): QueryTerm[] {
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const raw of query.split(/[\s\u3000]+/u)) {
    const term = raw ? compileTerm(raw) : null;
    if (term && !seen.has(term.fts)) {
      seen.add(term.fts);
      terms.push(term);
    }
  }
  return terms;
}

/** The FTS5 MATCH expression for parsed terms (all AND-ed), or null when nothing is searchable. */
export function matchExpression(terms: readonly QueryTerm[]): string | null {
  return terms.length ? terms.map((t) => t.fts).join(' AND ') : null;
}
