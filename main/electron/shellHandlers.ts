// Handlers for the contract's scope: 'shell' methods, which only the desktop shell can serve
// (browser mode answers them with browser equivalents).
import { AppError } from '../common/errors';
import type { Handlers } from '../common/dispatcher';

/** Every shell-scope method of the contract; a test checks this list against contract.ts. */
export type ShellMethod = 'shell.openDataFolder';

/** What the shell handlers need from Electron (shell.openPath), injectable for tests. */
export interface ShellHandlerDeps {
  /** The data folder (database, backups, window state). */
  dataDir: string;
  /** Opens a path in the file manager; resolves to '' on success or an error message. */
  openPath(path: string): Promise<string>;
}

/** Builds the handlers of the shell-scope methods. */
export function createShellHandlers(deps: ShellHandlerDeps): Pick<Handlers, ShellMethod> {
  return {
    'shell.openDataFolder': async () => {
      const failure = await deps.openPath(deps.dataDir);
      if (failure) throw new AppError('IO', `无法打开数据文件夹（${deps.dataDir}）：${failure}`);
      return { ok: true as const };
    },
  };
}
