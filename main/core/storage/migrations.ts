// Versioned schema migrations. PRAGMA user_version holds the number of migrations applied; each
// migration runs in its own transaction together with the version bump, so a crash mid-upgrade
// leaves the previous version intact. Append new migrations; never edit a released one.
import type Database from 'better-sqlite3';
import { documentPlainText } from '../../common/documentModel';
import { decodeContent } from './documentStore';
import { SearchIndex, searchSchemaSql } from './search';

/** One schema step. */
export interface Migration {
  /** The user_version after this step. */
  version: number;
  /** What the step does, for logs and the upgrade test. */
  description: string;
  up(db: Database.Database): void;
}

/** Every migration, in order; migrations[i].version === i + 1. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'documents and their editor JSON',
    up(db) {
      db.exec(`
        CREATE TABLE documents (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          title TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          trashed_at INTEGER,
          revision INTEGER NOT NULL,
          chars INTEGER NOT NULL
        );
        CREATE INDEX documents_by_updated ON documents (updated_at);
        CREATE TABLE document_bodies (
          doc_seq INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
          content TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 2,
    description: 'plain text in chunks, Chinese full-text index, revisions',
    up(db) {
      db.exec(`
        CREATE TABLE revisions (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          doc_seq INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
          revision INTEGER NOT NULL,
          created_at INTEGER NOT NULL,
          reason TEXT NOT NULL,
          chars INTEGER NOT NULL,
          content BLOB NOT NULL
        );
        CREATE INDEX revisions_by_doc ON revisions (doc_seq, created_at);
        ${searchSchemaSql}
      `);
      // Derive the plain text, its index and its count from each document's JSON, one document
      // at a time so an archive of any size upgrades in bounded memory.
      const seqs = db.prepare<[], number>('SELECT seq FROM documents ORDER BY seq').pluck().all();
      const read = db.prepare<[number], { title: string; content: string | Buffer }>(
        'SELECT d.title AS title, b.content AS content FROM documents d JOIN document_bodies b ON b.doc_seq = d.seq WHERE d.seq = ?',
      );
      const setChars = db.prepare<[number, number]>('UPDATE documents SET chars = ? WHERE seq = ?');
      const index = new SearchIndex(db);
      for (const seq of seqs) {
        const row = read.get(seq);
        if (!row) continue;
        setChars.run(index.write(seq, row.title, documentPlainText(decodeContent(row.content))), seq);
      }
    },
  },
  {
    version: 3,
    description: 'fill-in field values per document',
    up(db) {
      // A JSON object name → value. Documents written before have no wg-field nodes, so their
      // stored plain text and index stay as they are (no re-derivation needed).
      db.exec(`ALTER TABLE documents ADD COLUMN fields TEXT NOT NULL DEFAULT '{}'`);
    },
  },
  {
    version: 4,
    description: 'user snippets, snippet use (favourites, counts) and saved format profiles',
    up(db) {
      db.exec(`
        -- Snippets written or imported by the user (the default library ships in resources/).
        CREATE TABLE user_snippets (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          body TEXT NOT NULL,
          kind TEXT NOT NULL,
          topic TEXT,
          tags TEXT NOT NULL DEFAULT '[]',
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );
        -- Per snippet (default or user): favourite flag, times inserted, last insertion.
        CREATE TABLE snippet_use (
          snippet_id TEXT PRIMARY KEY,
          favorite INTEGER NOT NULL DEFAULT 0,
          use_count INTEGER NOT NULL DEFAULT 0,
          last_used_at INTEGER
        );
        -- Format profiles saved by the user (the GB/T 9704 profile is built in): JSON per row.
        CREATE TABLE format_profiles (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          profile TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );
      `);
    },
  },
];

/** The schema version this build writes. */
export const schemaVersion = migrations.length;

/** The schema version of an open database. */
export function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the migrations after the database's version, up to `target`; returns the versions passed. */
export function migrate(db: Database.Database, target = schemaVersion): { from: number; to: number } {
  const from = userVersion(db);
  for (const migration of migrations) {
    if (migration.version <= from || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: Math.max(from, Math.min(target, schemaVersion)) };
}
