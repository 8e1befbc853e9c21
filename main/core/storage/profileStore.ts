// SQL for the user's saved format profiles (table format_profiles, schema v4): one JSON profile
// per row. Callers run these inside Storage transactions; the rules (validation, unique names,
// the built-in profile) live in main/core/profiles.ts.
import type Database from 'better-sqlite3';

/** A stored profile row, the JSON not yet parsed. */
export interface ProfileRow {
  id: string;
  name: string;
  /** The profile as JSON text. */
  profile: string;
  createdAt: number;
  updatedAt: number;
}

const columns = 'id, name, profile, created_at AS createdAt, updated_at AS updatedAt';

/** Prepares every statement of the store once. */
function prepareStatements(db: Database.Database) {
  return {
    list: db.prepare<[], ProfileRow>(`SELECT ${columns} FROM format_profiles ORDER BY name COLLATE NOCASE, id`),
    byId: db.prepare<[string], ProfileRow>(`SELECT ${columns} FROM format_profiles WHERE id = ?`),
    insert: db.prepare<[string, string, string, number, number]>('INSERT INTO format_profiles (id, name, profile, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
    update: db.prepare<[string, string, number, string]>('UPDATE format_profiles SET name = ?, profile = ?, updated_at = ? WHERE id = ?'),
    delete: db.prepare<[string]>('DELETE FROM format_profiles WHERE id = ?'),
  };
}

/** Prepared statements over format_profiles. */
export class ProfileStore {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(db: Database.Database) {
    this.statements = prepareStatements(db);
  }

  /** Every saved profile, by name. */
  list(): ProfileRow[] {
    return this.statements.list.all();
  }

  /** The profile with this id, or undefined. */
  byId(id: string): ProfileRow | undefined {
    return this.statements.byId.get(id);
  }

  /** Inserts a profile. */
  insert(row: ProfileRow): void {
    this.statements.insert.run(row.id, row.name, row.profile, row.createdAt, row.updatedAt);
  }

  /** Replaces a profile's name and JSON; false when no row has the id. */
  update(id: string, name: string, profile: string, now: number): boolean {
    return this.statements.update.run(name, profile, now, id).changes > 0;
  }

  /** Deletes a profile; false when no row has the id. */
  delete(id: string): boolean {
    return this.statements.delete.run(id).changes > 0;
  }
}
