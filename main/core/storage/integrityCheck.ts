// PRAGMA quick_check of the database file. It reads every page (about 0.8 s for a 200 MB archive),
// so at a normal start it runs on a read-only connection in a worker thread while the library is
// already listed; writes wait for its verdict (Storage.write), so nothing is ever written to a
// file that fails it. Read-only connections never checkpoint, so checking cannot modify the file.
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { isCorruption } from './storageErrors';

/** The verdict on a database file: ok, or the reason it is not. */
export interface CheckResult {
  ok: boolean;
  /** What failed (SQLite's own words, for logs), or null. */
  detail: string | null;
}

/** Interprets quick_check's rows: a single 'ok' row means the file is sound. */
function verdict(rows: unknown): CheckResult {
  const list = Array.isArray(rows) ? (rows as Array<{ quick_check?: unknown }>) : [];
  if (list.length === 1 && list[0]?.quick_check === 'ok') return { ok: true, detail: null };
  return { ok: false, detail: list.map((r) => String(r.quick_check)).slice(0, 5).join('; ') || 'quick_check failed' };
}

/** Runs quick_check on an already open connection (read-only at start, or the probe). */
export function quickCheck(db: Database.Database): CheckResult {
  try {
    return verdict(db.pragma('quick_check'));
  } catch (error) {
    if (isCorruption(error)) return { ok: false, detail: (error as Error).message };
    throw error;
  }
}

/** Opens a file read-only and runs quick_check; a file that is not a database fails the check. */
export function quickCheckFile(file: string, nativeBinding?: string): CheckResult {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    return quickCheck(db);
  } catch (error) {
    if (isCorruption(error)) return { ok: false, detail: (error as Error).message };
    throw error;
  } finally {
    db?.close();
  }
}

// Plain JS run by the worker: better-sqlite3 is loaded from the path the main thread resolved, so
// this works wherever the main thread's copy lives (node_modules, or app.asar.unpacked).
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
let db;
try {
  const Database = require(workerData.modulePath);
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
  parentPort.postMessage({ rows: db.pragma('quick_check') });
} catch (error) {
  parentPort.postMessage({ error: { code: String(error && error.code), message: String(error && error.message) } });
} finally {
  try { if (db) db.close(); } catch {}
}
`;

/** Where the main thread loaded better-sqlite3 from, or null when that cannot be known (ESM). */
function betterSqlitePath(): string | null {
  try {
    return typeof require === 'function' ? require.resolve('better-sqlite3') : null;
  } catch {
    return null;
  }
}

/** A quick_check running in the background. */
export interface BackgroundCheck {
  result: Promise<CheckResult>;
  /** Stops the worker (at close); result then never settles as a failure. */
  cancel(): void;
}

/**
 * Runs quick_check in a worker thread. When no worker can be started (unknown module path, an
 * environment without workers), falls back to checking on this thread after the current turn.
 */
export function quickCheckInBackground(file: string, nativeBinding?: string): BackgroundCheck {
  let cancelled = false;
  let worker: Worker | undefined;
  const fallback = (): Promise<CheckResult> =>
    new Promise((resolve, reject) => {
      setImmediate(() => {
        if (cancelled) return resolve({ ok: true, detail: null });
        try {
          resolve(quickCheckFile(file, nativeBinding));
        } catch (error) {
          reject(error);
        }
      });
    });
  const modulePath = betterSqlitePath();
  const result = modulePath
    ? new Promise<CheckResult>((resolve, reject) => {
        let done = false;
        const finish = (verdictNow: CheckResult): void => {
          if (done) return;
          done = true;
          resolve(verdictNow);
        };
        const checkHere = (): void => {
          if (done) return;
          done = true;
          fallback().then(resolve, reject);
        };
        try {
          worker = new Worker(workerSource, { eval: true, workerData: { file, nativeBinding, modulePath } });
        } catch {
          checkHere();
          return;
        }
        worker.once('message', (message: { rows?: unknown; error?: { code: string; message: string } }) => {
          if (!message.error) finish(verdict(message.rows));
          // Corruption is a verdict; anything else (the addon did not load…) means "check here".
          else if (/^SQLITE_(CORRUPT|NOTADB)/.test(message.error.code)) finish({ ok: false, detail: message.error.message });
          else checkHere();
        });
        const ended = (): void => (cancelled ? finish({ ok: true, detail: null }) : checkHere());
        worker.once('error', ended);
        worker.once('exit', ended);
      })
    : fallback();
  return {
    result,
    cancel() {
      cancelled = true;
      void worker?.terminate();
    },
  };
}
