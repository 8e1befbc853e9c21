// SQL for documents, their bodies and revisions. Statements are prepared once per connection;
// callers run them inside Storage transactions, which translate SQLite errors.
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { DocumentMeta, RevisionMeta } from '../../common/contract';
import type { DocumentContent } from '../../common/documentModel';
import type { FieldValues } from '../../common/reportModel';

/** Stored form of a document's content: JSON text (schema 1) or a compressed blob (schema 2 on). */
export type StoredContent = string | Buffer;

/** First byte of a compressed content blob: which format follows (room for a future one). */
const BROTLI = 1;

/**
 * Encodes content for storage: Brotli (fastest level) of the JSON behind a format byte. The
 * editor's JSON repeats the same keys for every paragraph, so this more than halves the file at
 * about 0.2 ms for a 60,000-character document; the plain text stays uncompressed in
 * text_chunks, so search reads it directly and any SQLite tool can still recover every word.
 */
export function encodeContent(content: DocumentContent): Buffer {
  const json = Buffer.from(JSON.stringify(content), 'utf8');
  const packed = brotliCompressSync(json, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_SIZE_HINT]: json.length },
  });
  return Buffer.concat([Buffer.from([BROTLI]), packed]);
}

/** Decodes stored content (either form). */
export function decodeContent(stored: StoredContent): DocumentContent {
  if (typeof stored === 'string') return JSON.parse(stored) as DocumentContent;
  if (stored[0] !== BROTLI) throw new Error(`unknown content format ${stored[0]}`);
  return JSON.parse(brotliDecompressSync(stored.subarray(1)).toString('utf8')) as DocumentContent;
}

/** A document row: its meta plus the internal key the other tables use. */
export interface DocumentRow extends DocumentMeta {
  seq: number;
}

/** A revision row with the key of its document. */
export interface RevisionRow extends RevisionMeta {
  docSeq: number;
}

/** Revision reasons, as in the contract. */
export type RevisionReason = RevisionMeta['reason'];

const metaColumns = `d.seq AS seq, d.id AS id, d.title AS title, d.created_at AS createdAt, d.updated_at AS updatedAt,
  d.trashed_at AS trashedAt, d.revision AS revision, d.chars AS chars`;
const revisionColumns = `r.id AS id, d.id AS docId, r.doc_seq AS docSeq, r.revision AS revision, r.created_at AS createdAt,
  r.reason AS reason, r.chars AS chars`;

/** Prepares every statement of the store once. */
function prepareStatements(db: Database.Database) {
  return {
    byId: db.prepare<[string], DocumentRow>(`SELECT ${metaColumns} FROM documents d WHERE d.id = ?`),
    bySeq: db.prepare<[number], DocumentRow>(`SELECT ${metaColumns} FROM documents d WHERE d.seq = ?`),
    idExists: db.prepare<[string], number>('SELECT 1 FROM documents WHERE id = ?').pluck(),
    listActive: db.prepare<[], DocumentRow>(
      `SELECT ${metaColumns} FROM documents d WHERE d.trashed_at IS NULL ORDER BY d.updated_at DESC, d.seq DESC`,
    ),
    listTrashed: db.prepare<[], DocumentRow>(
      `SELECT ${metaColumns} FROM documents d WHERE d.trashed_at IS NOT NULL ORDER BY d.trashed_at DESC, d.seq DESC`,
    ),
    insert: db.prepare<[string, string, number, number, number, number]>(
      'INSERT INTO documents (id, title, created_at, updated_at, revision, chars) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertBody: db.prepare<[number, StoredContent]>('INSERT INTO document_bodies (doc_seq, content) VALUES (?, ?)'),
    content: db.prepare<[number], StoredContent>('SELECT content FROM document_bodies WHERE doc_seq = ?').pluck(),
    updateMeta: db.prepare<[number, number, number, number]>('UPDATE documents SET revision = ?, updated_at = ?, chars = ? WHERE seq = ?'),
    setChars: db.prepare<[number, number]>('UPDATE documents SET chars = ? WHERE seq = ?'),
    updateBody: db.prepare<[StoredContent, number]>('UPDATE document_bodies SET content = ? WHERE doc_seq = ?'),
    rename: db.prepare<[string, number, number]>('UPDATE documents SET title = ?, updated_at = ? WHERE seq = ?'),
    setTrashed: db.prepare<[number | null, number]>('UPDATE documents SET trashed_at = ? WHERE seq = ?'),
    fields: db.prepare<[number], string>('SELECT fields FROM documents WHERE seq = ?').pluck(),
    setFields: db.prepare<[string, number, number, number]>('UPDATE documents SET fields = ?, updated_at = ?, chars = ? WHERE seq = ?'),
    delete: db.prepare<[number]>('DELETE FROM documents WHERE seq = ?'),
    insertRevision: db.prepare<[number, number, number, RevisionReason, number, StoredContent]>(
      'INSERT INTO revisions (doc_seq, revision, created_at, reason, chars, content) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    lastRevisionAt: db.prepare<[number], number | null>('SELECT max(created_at) FROM revisions WHERE doc_seq = ?').pluck(),
    listRevisions: db.prepare<[number], RevisionRow>(
      `SELECT ${revisionColumns} FROM revisions r JOIN documents d ON d.seq = r.doc_seq WHERE r.doc_seq = ? ORDER BY r.created_at DESC, r.id DESC`,
    ),
    revision: db.prepare<[number], RevisionRow & { content: StoredContent }>(
      `SELECT ${revisionColumns}, r.content AS content FROM revisions r JOIN documents d ON d.seq = r.doc_seq WHERE r.id = ?`,
    ),
    countRevisions: db.prepare<[number], number>('SELECT count(*) FROM revisions WHERE doc_seq = ?').pluck(),
    // Oldest first, autosaves before the snapshots taken before risky operations.
    pruneCandidates: db.prepare<[number, number], number>(
      `SELECT id FROM revisions WHERE doc_seq = ? ORDER BY (reason = 'autosave') DESC, created_at, id LIMIT ?`,
    ).pluck(),
    deleteRevision: db.prepare<[number]>('DELETE FROM revisions WHERE id = ?'),
  };
}

/** Prepared statements over documents, document_bodies and revisions. */
export class DocumentStore {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(db: Database.Database) {
    this.statements = prepareStatements(db);
  }

  /** The document with this public id, or undefined. */
  byId(id: string): DocumentRow | undefined {
    return this.statements.byId.get(id);
  }

  /** The document with this internal key, or undefined. */
  bySeq(seq: number): DocumentRow | undefined {
    return this.statements.bySeq.get(seq);
  }

  /** True when a public id is taken. */
  idExists(id: string): boolean {
    return this.statements.idExists.get(id) !== undefined;
  }

  /** Documents outside the trash (recently edited first) or in it (recently trashed first). */
  list(trashed: boolean): DocumentRow[] {
    return (trashed ? this.statements.listTrashed : this.statements.listActive).all();
  }

  /** Inserts a document and its content (its text goes to SearchIndex.write); returns its key. */
  insert(id: string, title: string, now: number, revision: number, content: StoredContent): number {
    const seq = Number(this.statements.insert.run(id, title, now, now, revision, 0).lastInsertRowid);
    this.statements.insertBody.run(seq, content);
    return seq;
  }

  /** A document's stored content. */
  content(seq: number): StoredContent {
    const content = this.statements.content.get(seq);
    if (content === undefined) throw new Error(`document body ${seq} missing`);
    return content;
  }

  /** Sets a document's word count. */
  setChars(seq: number, chars: number): void {
    this.statements.setChars.run(chars, seq);
  }

  /** Replaces a document's content and bumps its revision. */
  updateBody(seq: number, revision: number, now: number, content: StoredContent, chars: number): void {
    this.statements.updateMeta.run(revision, now, chars, seq);
    this.statements.updateBody.run(content, seq);
  }

  /** Sets a document's title. */
  rename(seq: number, title: string, now: number): void {
    this.statements.rename.run(title, now, seq);
  }

  /** A document's fill-in field values (name → value). */
  fields(seq: number): FieldValues {
    const stored = this.statements.fields.get(seq);
    if (stored === undefined) throw new Error(`document ${seq} missing`);
    const parsed = JSON.parse(stored) as unknown;
    const out: FieldValues = {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const [name, value] of Object.entries(parsed)) if (typeof value === 'string') out[name] = value;
    }
    return out;
  }

  /** Stores a document's field values with the word count of its text as filled in. */
  setFields(seq: number, fields: FieldValues, now: number, chars: number): void {
    this.statements.setFields.run(JSON.stringify(fields), now, chars, seq);
  }

  /** Moves a document into (time) or out of (null) the trash. */
  setTrashed(seq: number, trashedAt: number | null): void {
    this.statements.setTrashed.run(trashedAt, seq);
  }

  /** Deletes a document; its body, revisions and chunk rows go with it (foreign keys cascade). */
  delete(seq: number): void {
    this.statements.delete.run(seq);
  }

  /** Stores a revision (a snapshot of content as it was at `revision`). */
  addRevision(seq: number, revision: number, now: number, reason: RevisionReason, chars: number, content: StoredContent): void {
    this.statements.insertRevision.run(seq, revision, now, reason, chars, content);
  }

  /** When the document's newest revision was taken, or null when it has none. */
  lastRevisionAt(seq: number): number | null {
    return this.statements.lastRevisionAt.get(seq) ?? null;
  }

  /** A document's revisions, newest first. */
  revisions(seq: number): RevisionRow[] {
    return this.statements.listRevisions.all(seq);
  }

  /** One revision with its stored content, or undefined. */
  revision(id: number): (RevisionRow & { content: StoredContent }) | undefined {
    return this.statements.revision.get(id);
  }

  /** Deletes revisions beyond `keep`, oldest autosaves first. */
  pruneRevisions(seq: number, keep: number): void {
    const excess = (this.statements.countRevisions.get(seq) ?? 0) - keep;
    if (excess <= 0) return;
    for (const id of this.statements.pruneCandidates.all(seq, excess)) this.statements.deleteRevision.run(id);
  }
}

/** Strips the internal key from a row, giving what the contract returns. */
export function toMeta(row: DocumentRow): DocumentMeta {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    trashedAt: row.trashedAt,
    revision: row.revision,
    chars: row.chars,
  };
}

/** Strips the internal key from a revision row. */
export function toRevisionMeta(row: RevisionRow): RevisionMeta {
  return { id: row.id, docId: row.docId, revision: row.revision, createdAt: row.createdAt, reason: row.reason, chars: row.chars };
}
