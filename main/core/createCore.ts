// The core: storage plus the handlers of every 'core' method of the contract, behind one
// dispatcher. Plain Node — the Electron shell, the HTTP server and the CLI all compose this.
import path from 'node:path';
import type { StorageStatus } from '../common/contract';
import { createDispatcher } from '../common/dispatcher';
import type { Dispatch, Handlers } from '../common/dispatcher';
import { createDocumentHandlers } from './documents';
import { Storage } from './storage/storage';
import { createImportHandlers } from './importHandlers';
import { createExportHandlers } from './exportHandlers';
import { createTemplateHandlers, createTemplateLibrary } from './templates';
import { createSnippetHandlers, createSnippetLibrary } from './snippets/snippetHandlers';

/** Options of createCore. */
export interface CoreOptions {
  /** Folder holding wengao.sqlite and backups/ (created when missing). */
  dataDir: string;
  /** Folder of shipped data (templates, snippets, proofreading lists). */
  resourcesDir: string;
  /** Path of a better-sqlite3 addon built for this runtime (Electron's build lives apart). */
  nativeBinding?: string;
  /** How calls reach this core, reported by app.info. */
  transport?: 'ipc' | 'http' | 'direct';
  /** App version reported by app.info. */
  version?: string;
  /** Clock in ms since the epoch; tests inject one to cross the revision and backup intervals. */
  now?: () => number;
  /** Back up at start when the newest backup is older than a day (default true). */
  autoBackup?: boolean;
  /**
   * Run the start-up integrity check in a worker so opening stays fast (default true). Set false
   * to check before createCore returns (short-lived tools that write at once lose nothing).
   */
  backgroundCheck?: boolean;
  /** Logs unexpected errors of calls (the caller gets INTERNAL) and of background work. */
  onError?: (where: string, error: unknown) => void;
}

/** A running core. */
export interface Core {
  /** Calls any contract method by name; shell methods answer UNSUPPORTED unless merged in. */
  dispatch: Dispatch;
  /** The handlers of every 'core' method, for a shell to merge with its own. */
  handlers: Partial<Handlers>;
  /** The data folder in use (absolute). */
  dataDir: string;
  /** Health of the database and its backups. */
  status(): StorageStatus;
  /** Flushes the WAL into the database and closes it; later calls answer an error. */
  close(): void;
  /** Resolves when background work (start-up integrity check, automatic backup) is done. */
  settled(): Promise<void>;
}

/** Logs to stderr: the default for errors nobody else reports. */
function logError(where: string, error: unknown): void {
  console.error(`[文稿] ${where}:`, error);
}

/** Opens the data folder and builds the core over it. */
export function createCore(options: CoreOptions): Core {
  const dataDir = path.resolve(options.dataDir);
  const now = options.now ?? Date.now;
  const onError = options.onError ?? logError;
  const storage = new Storage({
    dataDir,
    nativeBinding: options.nativeBinding,
    now,
    autoBackup: options.autoBackup ?? true,
    backgroundCheck: options.backgroundCheck ?? true,
    onBackgroundError: (error) => onError('后台备份或检查', error),
  });
  const templates = createTemplateLibrary(path.resolve(options.resourcesDir), onError);
  const handlers: Partial<Handlers> = {
    'app.info': () => ({ version: options.version ?? '0.0.0-dev', dataDir, transport: options.transport ?? 'direct' }),
    'storage.status': () => storage.status(),
    'storage.recover': (input) => storage.recover(input),
    'storage.backup': () => storage.backup(),
    ...createDocumentHandlers(storage, now, templates),
    ...createTemplateHandlers(templates),
    ...createImportHandlers(),
    ...createSnippetHandlers(storage, createSnippetLibrary(path.resolve(options.resourcesDir), onError), now),
  };
  const documentHandlers = handlers as Handlers<'documents.get'>;
  Object.assign(handlers, createExportHandlers((id) => documentHandlers['documents.get']({ id })));
  return {
    dispatch: createDispatcher({ handlers, onInternalError: onError }),
    handlers,
    dataDir,
    status: () => storage.status(),
    close: () => storage.close(),
    settled: () => storage.settled(),
  };
}
