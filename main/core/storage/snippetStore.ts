// Prepared statements over user_snippets (the user's own and imported snippets) and snippet_use
// (favourite flag, insert count and last insert of any snippet, default or user).
import type Database from 'better-sqlite3';
import type { SnippetKind } from '../../common/snippetModel';

/** A user snippet as stored. */
export interface UserSnippetRow {
  id: string;
  title: string;
  body: string;
  kind: SnippetKind;
  topic: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
}

/** Favourite flag and use of one snippet. */
export interface SnippetUseRow {
  id: string;
  favorite: boolean;
  useCount: number;
  lastUsedAt: number | null;
}

interface RawUserRow {
  id: string;
  title: string;
  body: string;
  kind: SnippetKind;
  topic: string | null;
  tags: string;
  createdAt: number;
  updatedAt: number;
}

const userColumns = 'id, title, body, kind, topic, tags, created_at AS createdAt, updated_at AS updatedAt';

/** Parses the stored tag list (a JSON array); anything else reads as no tags. */
function parseTags(stored: string): string[] {
  try {
    const value = JSON.parse(stored) as unknown;
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

function toRow(raw: RawUserRow): UserSnippetRow {
  return { ...raw, topic: raw.topic ?? '综合', tags: parseTags(raw.tags) };
}

function prepareStatements(db: Database.Database) {
  return {
    dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
    listUser: db.prepare<[], RawUserRow>(`SELECT ${userColumns} FROM user_snippets ORDER BY created_at, id`),
    user: db.prepare<[string], RawUserRow>(`SELECT ${userColumns} FROM user_snippets WHERE id = ?`),
    insert: db.prepare<[string, string, string, string, string, string, number, number]>(
      'INSERT INTO user_snippets (id, title, body, kind, topic, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    update: db.prepare<[string, string, string, string, string, number, string]>(
      'UPDATE user_snippets SET title = ?, body = ?, kind = ?, topic = ?, tags = ?, updated_at = ? WHERE id = ?',
    ),
    delete: db.prepare<[string]>('DELETE FROM user_snippets WHERE id = ?'),
    listUse: db.prepare<[], { id: string; favorite: number; useCount: number; lastUsedAt: number | null }>(
      'SELECT snippet_id AS id, favorite, use_count AS useCount, last_used_at AS lastUsedAt FROM snippet_use',
    ),
    setFavorite: db.prepare<[string, number]>(
      'INSERT INTO snippet_use (snippet_id, favorite) VALUES (?, ?) ON CONFLICT (snippet_id) DO UPDATE SET favorite = excluded.favorite',
    ),
    recordUse: db.prepare<[string, number]>(
      'INSERT INTO snippet_use (snippet_id, use_count, last_used_at) VALUES (?, 1, ?) ON CONFLICT (snippet_id) DO UPDATE SET use_count = use_count + 1, last_used_at = excluded.last_used_at',
    ),
    deleteUse: db.prepare<[string]>('DELETE FROM snippet_use WHERE snippet_id = ?'),
  };
}

/** Prepared statements over user_snippets and snippet_use. */
export class SnippetStore {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(db: Database.Database) {
    this.statements = prepareStatements(db);
  }

  /** SQLite's data_version: changes when another connection (the CLI, a second window) commits. */
  dataVersion(): number {
    return this.statements.dataVersion.get() ?? 0;
  }

  /** Every user snippet, oldest first. */
  listUser(): UserSnippetRow[] {
    return this.statements.listUser.all().map(toRow);
  }

  /** One user snippet, or undefined. */
  user(id: string): UserSnippetRow | undefined {
    const raw = this.statements.user.get(id);
    return raw ? toRow(raw) : undefined;
  }

  /** Inserts a user snippet. */
  insert(row: UserSnippetRow): void {
    this.statements.insert.run(row.id, row.title, row.body, row.kind, row.topic, JSON.stringify(row.tags), row.createdAt, row.updatedAt);
  }

  /** Rewrites a user snippet's content. */
  update(row: UserSnippetRow): void {
    this.statements.update.run(row.title, row.body, row.kind, row.topic, JSON.stringify(row.tags), row.updatedAt, row.id);
  }

  /** Deletes a user snippet with its favourite flag and use. */
  delete(id: string): void {
    this.statements.delete.run(id);
    this.statements.deleteUse.run(id);
  }

  /** Favourite flag and use of every snippet that has any. */
  listUse(): SnippetUseRow[] {
    return this.statements.listUse.all().map((r) => ({ id: r.id, favorite: r.favorite === 1, useCount: r.useCount, lastUsedAt: r.lastUsedAt }));
  }

  /** Sets or clears a snippet's favourite flag. */
  setFavorite(id: string, favorite: boolean): void {
    this.statements.setFavorite.run(id, favorite ? 1 : 0);
  }

  /** Counts one insertion of a snippet at `now`. */
  recordUse(id: string, now: number): void {
    this.statements.recordUse.run(id, now);
  }
}
