// The document database: opening (integrity check, migrations, backups), the corrupt state and
// recovery, and the read/write entry points that translate every SQLite error. Only one
// connection per process; better-sqlite3 is synchronous, so each call runs to completion.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Backup, StorageStatus } from '../../common/contract';
import { AppError, isAppError } from '../../common/errors';
import { BACKUP_INTERVAL_MS, backupDatabase, backupDatabaseNow, backupsDir, isBackupName, listBackups } from './backups';
import { DocumentStore } from './documentStore';
import { fileSize, fsyncFile, renameDurably, timeStamp, uniqueName } from './files';
import { quickCheck, quickCheckFile, quickCheckInBackground } from './integrityCheck';
import { migrate, schemaVersion, userVersion } from './migrations';
import { SearchIndex } from './search';
import { SnippetStore } from './snippetStore';
import { closedMessage, corruptMessage, isCorruption, translateStorageError } from './storageErrors';

/** File name of the database inside the data folder. */
export const DATABASE_FILE = 'wengao.sqlite';

const notDatabaseMessage = '文稿数据库文件已损坏，无法识别为数据库。可以从备份恢复，或新建一个空数据库（原文件会保留）。';
const failedCheckMessage = '文稿数据库未通过完整性检查，可能已损坏。为保护数据，暂停了所有修改。可以从备份恢复，或新建一个空数据库（原文件会保留）。';
const newerSchemaMessage = '这个数据库由更新版本的文稿创建。请安装最新版本的文稿后再打开，数据不会丢失。';

/** Options of the storage (see createCore). */
export interface StorageOptions {
  dataDir: string;
  nativeBinding?: string;
  /** Clock in ms (injectable for tests of revision cadence and backup age). */
  now: () => number;
  /** Make a backup at start when the newest is older than a day. */
  autoBackup: boolean;
  /** Run the start-up integrity check in a worker thread instead of before returning. */
  backgroundCheck: boolean;
  /** Reports failures of background work (automatic backup), which no caller is waiting for. */
  onBackgroundError: (error: unknown) => void;
}

/** What a read or write callback works with. */
export interface Session {
  docs: DocumentStore;
  search: SearchIndex;
  snippets: SnippetStore;
}

/** What storage.recover accepts (the contract's input). */
export type RecoverInput = { action: 'restore'; backup: string } | { action: 'fresh' };

/** Opens a read-write connection with the pragmas every write relies on. */
function openConnection(file: string, nativeBinding: string | undefined): Database.Database {
  const db = new Database(file, { nativeBinding });
  try {
    db.pragma('journal_mode = WAL');
    // FULL: an acknowledged save must survive a power cut (WAL + NORMAL may roll it back).
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // The CLI and the app may share the file; wait for the other's short transactions.
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -32000');
    db.pragma('temp_store = MEMORY');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** The document database of one data folder. */
export class Storage {
  /** The data folder. */
  readonly dataDir: string;
  /** The database file. */
  readonly file: string;
  private readonly options: StorageOptions;
  private db: Database.Database | null = null;
  private session: Session | null = null;
  private state: 'ok' | 'corrupt' = 'ok';
  private message: string | null = null;
  private closed = false;
  /** Settles when the background integrity check has answered; writes wait for it. */
  private checking: Promise<void> | null = null;
  private cancelCheck: (() => void) | null = null;
  private backupQueue: Promise<unknown> = Promise.resolve();
  /** Idle-time maintenance in progress (index merges, WAL checkpoint), or null. */
  private maintenance: Promise<void> | null = null;
  private readonly background = new Set<Promise<unknown>>();

  constructor(options: StorageOptions) {
    this.options = options;
    this.dataDir = options.dataDir;
    this.file = path.join(options.dataDir, DATABASE_FILE);
    try {
      mkdirSync(this.dataDir, { recursive: true });
    } catch (error) {
      throw translateStorageError(error);
    }
    this.open(false);
  }

  /** Health and backups, as storage.status answers. */
  status(): StorageStatus {
    return { state: this.state, message: this.message, dataDir: this.dataDir, backups: listBackups(this.dataDir) };
  }

  /** Runs a read; throws DB_CORRUPT while the database is damaged. */
  read<T>(fn: (session: Session) => T): T {
    const session = this.usable();
    try {
      return fn(session);
    } catch (error) {
      throw this.failed(error);
    }
  }

  /** Runs fn in one write transaction, once the start-up integrity check has passed. */
  async write<T>(fn: (session: Session) => T): Promise<T> {
    if (this.checking) await this.checking;
    const session = this.usable();
    const db = this.db as Database.Database;
    try {
      // IMMEDIATE takes the write lock up front, so a second process makes us wait (busy_timeout)
      // instead of failing halfway through.
      const result = db.transaction(() => fn(session)).immediate();
      this.scheduleMaintenance();
      return result;
    } catch (error) {
      throw this.failed(error);
    }
  }

  /** Makes a backup now (storage.backup). */
  async backup(): Promise<Backup> {
    if (this.checking) await this.checking;
    this.usable();
    return this.queueBackup();
  }

  /**
   * Leaves the corrupt state: keeps the damaged file (renamed, never deleted), then restores the
   * named backup after checking it, or starts an empty database.
   */
  recover(input: RecoverInput): StorageStatus {
    if (this.closed) throw new AppError('IO', closedMessage);
    if (this.state !== 'corrupt') throw new AppError('CONFLICT', '数据库完好，无需恢复。');
    let source: string | null = null;
    if (input.action === 'restore') {
      source = path.join(backupsDir(this.dataDir), input.backup);
      if (!isBackupName(input.backup) || !existsSync(source)) {
        throw new AppError('NOT_FOUND', `找不到备份“${input.backup}”。请从备份列表中选择一个。`);
      }
      let verdict;
      try {
        verdict = quickCheckFile(source, this.options.nativeBinding);
      } catch (error) {
        throw translateStorageError(error);
      }
      if (!verdict.ok) throw new AppError('DB_CORRUPT', '这个备份也已损坏。请选择另一个备份，或新建一个空数据库。');
    }
    try {
      this.closeConnection(false);
      this.quarantine('corrupt');
      if (source) {
        const restoring = `${this.file}.restoring`;
        copyFileSync(source, restoring);
        fsyncFile(restoring);
        renameDurably(restoring, this.file);
      }
    } catch (error) {
      throw translateStorageError(error);
    }
    this.state = 'ok';
    this.message = null;
    try {
      this.open(source !== null);
    } catch (error) {
      // The damaged file is already set aside; stay in recovery so another choice can be made.
      this.state = 'corrupt';
      this.message = isAppError(error) ? error.message : corruptMessage;
      throw error;
    }
    return this.status();
  }

  /** Resolves when background work (integrity check, automatic backup) has finished. */
  async settled(): Promise<void> {
    while (this.checking || this.maintenance || this.background.size) {
      await Promise.allSettled([this.checking, this.maintenance, ...this.background]);
    }
  }

  /** Checkpoints the WAL into the database file and closes it; later calls answer an error. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.cancelCheck?.();
    this.closeConnection(this.state === 'ok');
  }

  /**
   * Runs idle work after writes, one small step per event-loop turn so calls interleave: merges
   * of index segments (kept out of the save itself), then a passive WAL checkpoint, which keeps
   * SQLite's own checkpoint (a long stall) from landing inside a save.
   */
  private scheduleMaintenance(): void {
    if (this.maintenance) return;
    this.maintenance = new Promise<void>((resolve) => {
      const step = (): void => {
        const session = this.closed ? null : this.session;
        let more = false;
        try {
          if (session) {
            more = session.search.mergeStep();
            if (!more) this.db?.pragma('wal_checkpoint(PASSIVE)');
          }
        } catch (error) {
          const translated = this.failed(error);
          if (!isCorruption(translated)) this.options.onBackgroundError(translated);
        }
        if (more) {
          setImmediate(step);
          return;
        }
        this.maintenance = null;
        resolve();
      };
      setImmediate(step);
    });
  }

  /** The session, or the error explaining why there is none. */
  private usable(): Session {
    if (this.closed) throw new AppError('IO', closedMessage);
    if (this.state === 'corrupt' || !this.session) throw new AppError('DB_CORRUPT', this.message ?? corruptMessage);
    return this.session;
  }

  /** Translates an error; corruption found mid-session switches to the corrupt state. */
  private failed(error: unknown): unknown {
    const translated = translateStorageError(error);
    if (isCorruption(translated)) this.markCorrupt(corruptMessage);
    return translated;
  }

  /** Enters the corrupt state: no call touches the file again until storage.recover. */
  private markCorrupt(message: string): void {
    this.state = 'corrupt';
    this.message = message;
    this.closeConnection(false);
  }

  /** Closes the connection; checkpoint only a sound database (a damaged one is left as found). */
  private closeConnection(checkpoint: boolean): void {
    const db = this.db;
    this.db = null;
    this.session = null;
    if (!db) return;
    try {
      if (checkpoint) db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Nothing more can be done at close; the WAL is replayed at the next start.
    }
    try {
      db.close();
    } catch {
      // Already closed by a failure.
    }
  }

  /**
   * Opens the database file: checks it, backs it up before upgrading its schema, migrates it.
   * The check runs here (synchronously) when anything is about to be written at open — an
   * upgrade, a WAL left by a crash — and otherwise in the background.
   */
  private open(trusted: boolean): void {
    let needsCheck = !trusted && fileSize(this.file) > 0;
    if (fileSize(this.file) === 0 && fileSize(`${this.file}-wal`) > 0) this.quarantine('orphan');
    if (needsCheck) {
      let probe: Database.Database | undefined;
      try {
        probe = new Database(this.file, { readonly: true, fileMustExist: true, nativeBinding: this.options.nativeBinding });
        const existingVersion = userVersion(probe);
        if (existingVersion > schemaVersion) throw new AppError('UNSUPPORTED', newerSchemaMessage);
        const mode = probe.pragma('journal_mode', { simple: true });
        const writesAtOpen = fileSize(`${this.file}-wal`) > 0 || existingVersion < schemaVersion || mode !== 'wal';
        if (writesAtOpen || !this.options.backgroundCheck) {
          needsCheck = false;
          const verdict = quickCheck(probe);
          if (!verdict.ok) {
            this.state = 'corrupt';
            this.message = failedCheckMessage;
            return;
          }
        }
      } catch (error) {
        if (isCorruption(error)) {
          this.state = 'corrupt';
          this.message = notDatabaseMessage;
          return;
        }
        throw translateStorageError(error);
      } finally {
        probe?.close();
      }
    }
    try {
      this.db = openConnection(this.file, this.options.nativeBinding);
      const version = userVersion(this.db);
      if (version > 0 && version < schemaVersion) {
        backupDatabaseNow(this.db, this.dataDir, this.options.now, this.options.nativeBinding);
      }
      migrate(this.db);
      this.session = { docs: new DocumentStore(this.db), search: new SearchIndex(this.db), snippets: new SnippetStore(this.db) };
    } catch (error) {
      const translated = translateStorageError(error);
      if (isCorruption(translated)) {
        this.markCorrupt(failedCheckMessage);
        return;
      }
      this.closeConnection(false);
      throw translated;
    }
    if (needsCheck) this.checkInBackground();
    else this.autoBackup();
  }

  /** Starts the background integrity check; corruption found closes the untouched file. */
  private checkInBackground(): void {
    const check = quickCheckInBackground(this.file, this.options.nativeBinding);
    this.cancelCheck = check.cancel;
    this.checking = check.result.then(
      (verdict) => {
        this.checking = null;
        this.cancelCheck = null;
        if (this.closed) return;
        if (verdict.ok) this.autoBackup();
        else this.markCorrupt(failedCheckMessage);
      },
      (error: unknown) => {
        // The check could not run at all (an I/O error): report it and keep working; the next
        // start checks again.
        this.checking = null;
        this.cancelCheck = null;
        if (!this.closed) this.options.onBackgroundError(error);
      },
    );
  }

  /** Backs up in the background when the newest backup is older than a day and there is data. */
  private autoBackup(): void {
    if (!this.options.autoBackup || !this.db || this.closed) return;
    const newest = listBackups(this.dataDir)[0];
    if (newest && this.options.now() - newest.createdAt < BACKUP_INTERVAL_MS) return;
    const hasDocuments = this.db.prepare('SELECT EXISTS (SELECT 1 FROM documents)').pluck().get() === 1;
    if (!hasDocuments) return;
    const run = this.queueBackup().catch((error: unknown) => {
      if (!this.closed) this.options.onBackgroundError(error);
    });
    this.background.add(run);
    void run.finally(() => this.background.delete(run));
  }

  /** Runs a backup after any backup already running (one at a time). */
  private queueBackup(): Promise<Backup> {
    const run = this.backupQueue.then(async () => {
      const db = this.db;
      if (!db || this.closed) throw new AppError('IO', closedMessage);
      try {
        return await backupDatabase(db, this.dataDir, this.options.now, this.options.nativeBinding);
      } catch (error) {
        if (this.closed) throw new AppError('IO', closedMessage);
        throw translateStorageError(error);
      }
    });
    this.backupQueue = run.catch(() => undefined);
    return run;
  }

  /**
   * Moves the database file and its -wal/-shm aside as wengao.<kind>-<time>.sqlite(-wal/-shm),
   * never over an existing file. The damaged file stays for a specialist or a later tool.
   */
  private quarantine(kind: 'corrupt' | 'orphan'): void {
    const name = uniqueName(this.dataDir, `wengao.${kind}-${timeStamp(this.options.now())}`, ['', '-wal', '-shm']);
    // The WAL may hold the last committed pages, so it travels with the file (and its index).
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(this.file + suffix)) renameDurably(this.file + suffix, path.join(this.dataDir, name + suffix));
    }
  }
}
