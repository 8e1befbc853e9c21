// Database backups in <dataDir>/backups/wengao-YYYYMMDD-HHMMSS.sqlite. The live file is only ever
// copied through SQLite (the online backup API, or VACUUM INTO where the copy must be synchronous),
// written under a temporary name, switched to rollback-journal mode so each backup is one
// self-contained file, fsynced, then renamed into place; the newest BACKUPS_KEPT are kept.
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Backup } from '../../common/contract';
import { fsyncFile, parseTimeStamp, renameDurably, timeStamp, uniqueName } from './files';

/** How many backups are kept (older ones are deleted after each new backup). */
export const BACKUPS_KEPT = 10;
/** An automatic backup is made at start when the newest is older than this (ms). */
export const BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

const backupPattern = /^wengao-(\d{8}-\d{6})(?:-\d+)?\.sqlite$/;
const partialSuffix = '.partial';

/** The backups folder of a data folder. */
export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** True when a name is a backup file name (never a path), so recovery cannot be sent elsewhere. */
export function isBackupName(name: string): boolean {
  return backupPattern.test(name);
}

/** The backups in a data folder, newest first. */
export function listBackups(dataDir: string): Backup[] {
  const dir = backupsDir(dataDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const backups: Backup[] = [];
  for (const name of names) {
    const m = backupPattern.exec(name);
    if (!m) continue;
    try {
      const stat = statSync(path.join(dir, name));
      backups.push({ name, createdAt: parseTimeStamp(m[1] as string) ?? Math.round(stat.mtimeMs), bytes: stat.size });
    } catch {
      // Deleted between readdir and stat (another process pruning): not a backup any more.
    }
  }
  return backups.sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
}

/** Deletes all but the newest `keep` backups, and temporary files of interrupted backups. */
export function pruneBackups(dataDir: string, keep = BACKUPS_KEPT): void {
  const dir = backupsDir(dataDir);
  for (const old of listBackups(dataDir).slice(keep)) rmSync(path.join(dir, old.name), { force: true });
  try {
    for (const name of readdirSync(dir)) {
      // Another process may be writing its own partial file right now; only remove stale ones.
      const file = path.join(dir, name);
      if (name.endsWith(partialSuffix) && Date.now() - statSync(file).mtimeMs > 60 * 60 * 1000) rmSync(file, { force: true });
    }
  } catch {
    // The folder vanished: nothing to prune.
  }
}

/** Makes a finished copy one self-contained file, durable, under its final name; returns it. */
function finish(dataDir: string, partial: string, time: number, nativeBinding: string | undefined): Backup {
  const copy = new Database(partial, { nativeBinding });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  fsyncFile(partial);
  const dir = backupsDir(dataDir);
  const name = uniqueName(dir, `wengao-${timeStamp(time)}`);
  renameDurably(partial, path.join(dir, name));
  pruneBackups(dataDir);
  return { name, createdAt: parseTimeStamp(timeStamp(time)) ?? time, bytes: statSync(path.join(dir, name)).size };
}

/** A fresh temporary file name in the backups folder (created if missing). */
function partialFile(dataDir: string): string {
  const dir = backupsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `.wengao-${randomBytes(6).toString('hex')}.sqlite${partialSuffix}`);
}

/** Pages copied per event-loop turn by the online backup (4 MB: a few milliseconds). */
const BACKUP_STEP_PAGES = 1000;

/**
 * Backs up a live database with SQLite's online backup API. It copies BACKUP_STEP_PAGES pages
 * per event-loop turn, so the app stays responsive; writes made meanwhile on the same connection
 * are carried into the copy.
 */
export async function backupDatabase(db: Database.Database, dataDir: string, now: () => number, nativeBinding?: string): Promise<Backup> {
  const partial = partialFile(dataDir);
  try {
    await db.backup(partial, { progress: () => BACKUP_STEP_PAGES });
    return finish(dataDir, partial, now(), nativeBinding);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Backs up synchronously with VACUUM INTO (before a schema upgrade, which must wait for it). */
export function backupDatabaseNow(db: Database.Database, dataDir: string, now: () => number, nativeBinding?: string): Backup {
  const partial = partialFile(dataDir);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    return finish(dataDir, partial, now(), nativeBinding);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
