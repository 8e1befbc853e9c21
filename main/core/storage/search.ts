// Full-text search that works for Chinese.
//
// Why this design: Chinese has no spaces, so a word tokenizer sees a whole sentence as one token
// and the trigram tokenizer cannot answer the one- and two-character queries writers type most
// (党, 舆情). We therefore pre-tokenise in JS and feed FTS5 ready-made tokens: every run of Han
// characters becomes its overlapping bigrams plus the run's last character as a unigram, so every
// character starts exactly one token; Latin/digit runs become lower-cased words. A one-character
// query is then a prefix query ("党"*, answered from the prefix='1' index), a longer one a phrase
// of its bigrams whose adjacency makes it an exact substring match, and Latin words match by
// prefix. The table is contentless (content='', contentless_delete=1) because the plain text is
// already stored in text_chunks: excerpts come from there, so keeping a second copy inside FTS5
// would only double the file. detail=full is kept because phrases need positions. The title
// is a second column and ranking is bm25(3.0 for the title, 1.0 for the body). Query terms are
// rebuilt from letters, digits and Han characters only and every token is quoted, so no input
// can form FTS5 syntax. The FTS5 'ascii' tokenizer only splits our tokens again on the spaces we
// put between them (all non-ASCII bytes are token characters), which is faster than unicode61.
//
// Documents over 16,000 characters are stored and indexed in chunks of about 2,500-8,000
// characters, cut at paragraph ends chosen by content (a hash of the paragraph), so an autosave of
// a long report rewrites, re-counts and re-indexes only the chunk that changed instead of the
// whole document. A chunk's FTS5 rowid is docSeq * 4096 + slot, so results map to documents
// without a join, and a document's score is the sum of its chunks' bm25 scores. Terms are AND-ed
// per document (a term may occur in any chunk or in the title) by grouping per-term matches.
// FTS5's automerge is off: segments are merged in idle time (Storage), not inside a save.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../common/errors';
import { countWords } from '../../common/text';
import { excerptAround, matchRanges, openingExcerpt } from './excerpt';
import type { Excerpt, Range } from './excerpt';
import { indexTokens, matchExpression, parseQuery } from './searchTokens';
import type { QueryTerm } from './searchTokens';

/** Index pages merged per idle step: a few milliseconds, so calls arriving meanwhile barely wait. */
const MERGE_PAGES = 64;

/** Bits of an FTS5 rowid that number a document's chunks (rowid = docSeq << SLOT_BITS | slot). */
export const SLOT_BITS = 12;
const SLOTS = 1 << SLOT_BITS;
/** Texts up to this many UTF-16 units are one chunk. */
export const SINGLE_CHUNK_MAX = 16_000;
const CHUNK_MIN = 2_500;
const CHUNK_MAX = 8_000;
/** Characters fetched around an anchor to build an excerpt from (SQL counts code points). */
const WINDOW_BEFORE = 60;
const WINDOW_LENGTH = 320;

/** SQL creating the chunked plain text and its index (run by migration 2). */
export const searchSchemaSql = `
  -- id is also the chunk's FTS5 rowid (docSeq << 12 | slot). A rowid table, with the text last:
  -- an index-organised (WITHOUT ROWID) table reads the whole record for each key comparison.
  CREATE TABLE text_chunks (
    id INTEGER PRIMARY KEY,
    doc_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    hash TEXT NOT NULL,
    chars INTEGER NOT NULL,
    text TEXT NOT NULL
  );
  CREATE INDEX text_chunks_by_doc ON text_chunks (doc_seq);
  CREATE VIRTUAL TABLE search_index USING fts5(
    title, body, content='', contentless_delete=1, prefix='1', tokenize='ascii'
  );
  -- Merging index segments inside each save made every third save of a long document 3x slower;
  -- Storage merges in idle time instead (SearchIndex.mergeStep).
  INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0);
`;

/** FNV-1a over text[from, to): a cheap, stable hash deciding where content-defined chunks end. */
function fnv1a(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** True for characters after which a cut cannot change the word count or split a pair. */
function cutsCleanly(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  if (after >= 0xdc00 && after <= 0xdfff) return false;
  const alnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return !(alnum(before) && alnum(after));
}

/** Where to cut an over-long paragraph before `limit`: after a sentence end, else at a clean spot. */
function cutInside(text: string, from: number, limit: number): number {
  for (let i = limit; i > from + CHUNK_MIN; i--) if ('。！？；!?;'.includes(text[i - 1] as string)) return i;
  for (let i = limit; i > from + 1; i--) if (cutsCleanly(text, i)) return i;
  return limit;
}

/**
 * Cuts plain text into chunks whose concatenation is the text. A chunk ends after a paragraph
 * whose hash picks it once the chunk holds CHUNK_MIN units, or before a paragraph that would take
 * it past CHUNK_MAX; so an edit moves only the boundaries near it and other chunks keep their
 * hashes. Cuts fall after a newline or a sentence end, which also keeps per-chunk word counts
 * adding up to the whole text's count.
 */
export function chunkText(text: string): string[] {
  if (text.length <= SINGLE_CHUNK_MAX) return [text];
  const chunks: string[] = [];
  let start = 0;
  let pos = 0;
  while (pos < text.length) {
    const newline = text.indexOf('\n', pos);
    const lineEnd = newline < 0 ? text.length : newline;
    const next = newline < 0 ? text.length : newline + 1;
    if (next - start > CHUNK_MAX) {
      if (pos > start) {
        chunks.push(text.slice(start, pos));
        start = pos;
      }
      while (next - start > CHUNK_MAX) {
        const cut = cutInside(text, start, start + CHUNK_MAX);
        chunks.push(text.slice(start, cut));
        start = cut;
      }
    }
    if (next - start >= CHUNK_MIN && (fnv1a(text, pos, lineEnd) & 7) === 0) {
      chunks.push(text.slice(start, next));
      start = next;
    }
    pos = next;
  }
  if (start < text.length) chunks.push(text.slice(start));
  return chunks;
}

/** Identity of a chunk: its text, plus the title for the first chunk (whose index row holds it). */
function chunkHash(title: string | null, text: string): string {
  const hash = createHash('sha1');
  if (title !== null) hash.update(`${title}\u0001`);
  return hash.update(text).digest('base64').slice(0, 20);
}

/** A ranked match before excerpts: the document and its summed bm25 score (higher is better). */
export interface RankedDocument {
  seq: number;
  id: string;
  title: string;
  updatedAt: number;
  score: number;
}

type ChunkRow = { id: number; ord: number; hash: string; chars: number };
type AnchorRow = { id: number; ord: number; pos: number; piece: string };

/** Prepares the statements of the text store and index. */
function prepareStatements(db: Database.Database) {
  // A document's chunks are the ids [seq << 12, (seq + 1) << 12): one range scan, no index.
  const ofDoc = `id BETWEEN ? * ${SLOTS} AND ? * ${SLOTS} + ${SLOTS - 1}`;
  return {
    chunks: db.prepare<[number, number], ChunkRow>(`SELECT id, ord, hash, chars FROM text_chunks WHERE ${ofDoc}`),
    insertChunk: db.prepare<[number, number, number, string, number, string]>(
      'INSERT INTO text_chunks (id, doc_seq, ord, hash, chars, text) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    setOrd: db.prepare<[number, number]>('UPDATE text_chunks SET ord = ? WHERE id = ?'),
    setHash: db.prepare<[string, number]>('UPDATE text_chunks SET hash = ? WHERE id = ?'),
    deleteChunk: db.prepare<[number]>('DELETE FROM text_chunks WHERE id = ?'),
    firstChunk: db.prepare<[number, number], { id: number; text: string }>(`SELECT id, text FROM text_chunks WHERE ${ofDoc} AND ord = 0`),
    texts: db.prepare<[number, number], string>(`SELECT text FROM text_chunks WHERE ${ofDoc} ORDER BY ord`).pluck(),
    insertFts: db.prepare<[number, string, string]>('INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)'),
    deleteFts: db.prepare<[number]>('DELETE FROM search_index WHERE rowid = ?'),
    // Where an anchor first occurs in each chunk, and the window of text around it (one more
    // character than needed, so a short window proves the chunk ended).
    anchor: db.prepare<{ anchor: string; seq: number }, AnchorRow>(
      `SELECT id, ord, instr(text, :anchor) AS pos,
         substr(text, max(1, instr(text, :anchor) - ${WINDOW_BEFORE}), ${WINDOW_LENGTH + 1}) AS piece
       FROM text_chunks WHERE id BETWEEN :seq * ${SLOTS} AND :seq * ${SLOTS} + ${SLOTS - 1}`,
    ),
    merge: db.prepare(`INSERT INTO search_index (search_index, rank) VALUES ('merge', ${MERGE_PAGES})`),
    totalChanges: db.prepare<[], number>('SELECT total_changes()').pluck(),
  };
}

/**
 * A document's plain text, stored in chunks, and the FTS5 index over it. Call the writing
 * methods inside the transaction that writes the document.
 */
export class SearchIndex {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly rankStatements = new Map<number, Database.Statement<unknown[], RankedDocument>>();

  constructor(db: Database.Database) {
    this.db = db;
    this.statements = prepareStatements(db);
  }

  /**
   * Stores a document's title and plain text, rewriting, re-counting and re-indexing only the
   * chunks whose content changed. Returns the text's word count (Word's 字数).
   */
  write(seq: number, title: string, text: string): number {
    const st = this.statements;
    const wanted = chunkText(text).map((chunk, ord) => ({ ord, chunk, hash: chunkHash(ord === 0 ? title : null, chunk) }));
    if (wanted.length > SLOTS) throw new AppError('TOO_LARGE', '文稿过长，无法建立搜索索引。请拆分成几篇后再保存。');
    const unused = new Map<string, ChunkRow[]>();
    for (const row of st.chunks.all(seq, seq)) unused.set(row.hash, [...(unused.get(row.hash) ?? []), row]);
    const usedIds = new Set<number>();
    const fresh: typeof wanted = [];
    let chars = 0;
    for (const want of wanted) {
      const kept = unused.get(want.hash)?.pop();
      if (!kept) {
        fresh.push(want);
        continue;
      }
      usedIds.add(kept.id);
      chars += kept.chars;
      if (kept.ord !== want.ord) st.setOrd.run(want.ord, kept.id);
    }
    for (const list of unused.values()) {
      for (const stale of list) {
        st.deleteFts.run(stale.id);
        st.deleteChunk.run(stale.id);
      }
    }
    let id = seq * SLOTS;
    for (const want of fresh) {
      while (usedIds.has(id)) id += 1;
      usedIds.add(id);
      const count = countWords(want.chunk);
      chars += count;
      st.insertFts.run(id, want.ord === 0 ? indexTokens(title) : '', indexTokens(want.chunk));
      st.insertChunk.run(id, seq, want.ord, want.hash, count, want.chunk);
    }
    return chars;
  }

  /** Changes the indexed title (held by the first chunk's row) without touching the text. */
  retitle(seq: number, title: string): void {
    const first = this.statements.firstChunk.get(seq, seq);
    if (!first) return;
    this.statements.deleteFts.run(first.id);
    this.statements.insertFts.run(first.id, indexTokens(title), indexTokens(first.text));
    this.statements.setHash.run(chunkHash(title, first.text), first.id);
  }

  /** A document's whole plain text. */
  text(seq: number): string {
    return this.statements.texts.all(seq, seq).join('');
  }

  /** Removes a document's text and index entries (before it is deleted for good). */
  remove(seq: number): void {
    for (const row of this.statements.chunks.all(seq, seq)) {
      this.statements.deleteFts.run(row.id);
      this.statements.deleteChunk.run(row.id);
    }
  }

  /**
   * Does one step of index maintenance: merges up to MERGE_PAGES pages of index segments (where a
   * level holds several). Returns true when there may be more to do. SQLite reports work done as
   * a change count of 2 or more.
   */
  mergeStep(): boolean {
    const before = this.statements.totalChanges.get() ?? 0;
    this.statements.merge.run();
    return (this.statements.totalChanges.get() ?? 0) - before >= 2;
  }

  /** The statement ranking documents for `count` terms: per-term matches grouped per document. */
  private rankStatement(count: number): Database.Statement<unknown[], RankedDocument> {
    let statement = this.rankStatements.get(count);
    if (!statement) {
      const perTerm = Array.from(
        { length: count },
        (_, i) => `SELECT rowid AS r, bm25(search_index, 3.0, 1.0) AS s, ${i} AS t FROM search_index WHERE search_index MATCH ?`,
      ).join(' UNION ALL ');
      // MATERIALIZED: bm25() only works in the FTS query itself, so the matches must not be
      // flattened into the grouping query.
      statement = this.db.prepare(`
        WITH h AS MATERIALIZED (${perTerm})
        SELECT d.seq AS seq, d.id AS id, d.title AS title, d.updated_at AS updatedAt, -SUM(h.s) AS score
        FROM h
        JOIN documents AS d ON d.seq = (h.r >> ${SLOT_BITS})
        WHERE d.trashed_at IS NULL
        GROUP BY d.seq
        HAVING COUNT(DISTINCT h.t) = ${count}
        ORDER BY score DESC, d.updated_at DESC
        LIMIT ?`) as Database.Statement<unknown[], RankedDocument>;
      this.rankStatements.set(count, statement);
    }
    return statement;
  }

  /** Ranks documents (not trashed) containing every term, best first. */
  rank(terms: readonly QueryTerm[], limit: number): RankedDocument[] {
    if (!matchExpression(terms)) return [];
    return this.rankStatement(terms.length).all(...terms.map((t) => t.fts), limit);
  }

  /**
   * The excerpt of one result. The first occurrence is located with SQL instr() on an anchor
   * literal and only a small window of text is read, because turning whole long documents into
   * JS strings for each of 50 results would cost more than the search itself.
   */
  excerpt(seq: number, terms: readonly QueryTerm[]): Excerpt {
    let best: AnchorRow | undefined;
    let lastOrd = 0;
    for (const anchor of new Set(terms.map((t) => t.anchor))) {
      if (anchor === null) continue;
      for (const row of this.statements.anchor.all({ anchor, seq })) {
        lastOrd = Math.max(lastOrd, row.ord);
        if (row.pos > 0 && (!best || row.ord < best.ord || (row.ord === best.ord && row.pos < best.pos))) best = row;
      }
    }
    if (best) {
      const start = Math.max(1, best.pos - WINDOW_BEFORE);
      let codePoints = 0;
      for (let i = 0; i < best.piece.length; i++) if ((best.piece.charCodeAt(i) & 0xfc00) !== 0xdc00) codePoints += 1;
      const atEnd = codePoints <= WINDOW_LENGTH && best.ord === lastOrd;
      const found = excerptAround(best.piece, terms, best.ord === 0 && start === 1, atEnd);
      if (found) return found;
    }
    const text = this.text(seq);
    return excerptAround(text, terms) ?? openingExcerpt(text, terms);
  }
}

/** Highlight ranges of every term in a title. */
export function titleHighlights(title: string, terms: readonly QueryTerm[]): Range[] {
  return matchRanges(title, terms);
}

/** Parses a query; re-exported so callers need only this module. */
export { parseQuery };
