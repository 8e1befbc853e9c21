// Handlers for the contract's scope: 'shell' methods, which only the desktop shell can serve
// (browser mode answers them with browser equivalents).
import path from 'node:path';
import { AppError } from '../common/errors';
import type { Handlers } from '../common/dispatcher';

/** Every shell-scope method of the contract; a test checks this list against contract.ts. */
export type ShellMethod = 'shell.openDataFolder' | 'shell.saveFile' | 'shell.printToPdf';

/** What the shell handlers need from Electron (shell.openPath), injectable for tests. */
export interface ShellHandlerDeps {
  /** The data folder (database, backups, window state). */
  dataDir: string;
  /** Opens a path in the file manager; resolves to '' on success or an error message. */
  openPath(path: string): Promise<string>;
  /** Shows the native save dialog; resolves to the chosen path, or null when cancelled. */
  showSaveDialog(options: { defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<string | null>;
  /** Folder the save dialog starts in (the user's documents folder). */
  documentsDir: string;
  /** Writes a file atomically (temp, fsync, rename); throws AppError('IO') with a Chinese message. */
  writeFile(target: string, data: Buffer): Promise<void>;
  /** Prints the window's page with its print stylesheet (@page size and margins) to PDF; null when no window. */
  printToPdf(): Promise<Buffer | null>;
}

/** Builds the handlers of the shell-scope methods. */
export function createShellHandlers(deps: ShellHandlerDeps): Pick<Handlers, ShellMethod> {
  return {
    'shell.openDataFolder': async () => {
      const failure = await deps.openPath(deps.dataDir);
      if (failure) throw new AppError('IO', `无法打开数据文件夹（${deps.dataDir}）：${failure}`);
      return { ok: true as const };
    },
    'shell.saveFile': async (input) => {
      const safeName = input.fileName.replace(/[\\/:*?"<>|\r\n\t]+/g, '_');
      const chosen = await deps.showSaveDialog({ defaultPath: path.join(deps.documentsDir, safeName), filters: [input.filter] });
      if (!chosen) return { saved: false, path: null };
      const ext = `.${input.filter.extensions[0] ?? ''}`;
      const target = path.extname(chosen).toLowerCase() === ext ? chosen : `${chosen}${ext}`;
      await deps.writeFile(target, Buffer.from(input.dataBase64, 'base64'));
      return { saved: true, path: target };
    },
    'shell.printToPdf': async () => {
      let pdf: Buffer | null;
      try {
        pdf = await deps.printToPdf();
      } catch (error) {
        throw new AppError('IO', `生成 PDF 失败：${error instanceof Error ? error.message : String(error)}。请重试，或先导出为 Word 再另存为 PDF。`);
      }
      if (!pdf) throw new AppError('UNSUPPORTED', '窗口已关闭，无法生成 PDF。');
      return { dataBase64: pdf.toString('base64') };
    },
  };
}
