// The one place where SQLite and file-system errors become AppErrors with Chinese messages that
// say what to do. Nothing above main/core/storage sees an SqliteError or an errno.
import { AppError, errorMessages } from '../../common/errors';

/** Message shown for every call once the database is known to be damaged. */
export const corruptMessage = errorMessages.DB_CORRUPT;

/** Message for calls that arrive after close(). */
export const closedMessage = '文稿数据库已关闭（程序正在退出）。请重新打开文稿后再试，编辑器中的内容不会因此丢失。';

/** True for an error thrown by better-sqlite3 (an SqliteError with a SQLITE_* code). */
export function isSqliteError(error: unknown): error is Error & { code: string } {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return error instanceof Error && error.name === 'SqliteError' && typeof code === 'string' && code.startsWith('SQLITE_');
}

/** True when an error (SQLite or already translated) means the database file is damaged. */
export function isCorruption(error: unknown): boolean {
  if (error instanceof AppError) return error.code === 'DB_CORRUPT';
  if (!isSqliteError(error)) return false;
  return /^SQLITE_(CORRUPT|NOTADB)/.test(error.code);
}

const sqliteMessages: Array<[RegExp, AppError['code'], string]> = [
  [/^SQLITE_(CORRUPT|NOTADB)/, 'DB_CORRUPT', corruptMessage],
  [/^SQLITE_FULL/, 'IO', '磁盘空间已满，刚才的修改没有保存。请清理磁盘空间后重试，编辑器中的内容仍在。'],
  [/^SQLITE_(BUSY|LOCKED)/, 'IO', '文稿数据库正被另一个程序占用（例如另一个文稿窗口或命令行）。请稍后重试，或关闭其他正在使用文稿数据的程序。'],
  [/^SQLITE_(READONLY|PERM|AUTH)/, 'IO', '数据文件夹不允许写入，修改没有保存。请检查该文件夹的权限，或确认它不在只读位置（光盘、受保护的同步文件夹）。'],
  [/^SQLITE_CANTOPEN/, 'IO', '无法打开文稿数据库文件。请检查数据文件夹是否存在、是否有读写权限。'],
  [/^SQLITE_IOERR/, 'IO', '读写数据库文件失败。请检查磁盘是否已满、U 盘或网络盘是否已断开，然后重试。'],
  [/^SQLITE_NOMEM/, 'IO', '内存不足，操作没有完成。请关闭其他程序后重试。'],
  [/^SQLITE_TOOBIG/, 'TOO_LARGE', errorMessages.TOO_LARGE],
];

const fsMessages: Record<string, string> = {
  ENOSPC: '磁盘空间已满，操作没有完成。请清理磁盘空间后重试。',
  EDQUOT: '磁盘配额已用完，操作没有完成。请清理磁盘空间后重试。',
  EACCES: '没有权限读写数据文件夹。请检查该文件夹的权限后重试。',
  EPERM: '没有权限读写数据文件夹，或文件正被其他程序（如杀毒软件、同步盘）占用。请稍后重试。',
  EBUSY: '文件正被其他程序（如杀毒软件、同步盘）占用。请稍后重试。',
  EROFS: '数据文件夹所在的磁盘是只读的。请把数据文件夹放到可写入的位置。',
  EIO: '读写磁盘失败。请检查磁盘或 U 盘是否正常连接后重试。',
  ENOTDIR: '数据文件夹的路径中有一个同名文件，无法创建文件夹。请选择其他数据文件夹，或移走那个文件。',
  ENOENT: '找不到数据文件夹或其中的文件。请确认磁盘已连接、文件夹没有被移动。',
};

/**
 * Translates an SQLite or file-system error into an AppError; anything else (a programming error)
 * is returned unchanged so the dispatcher logs it and answers INTERNAL.
 */
export function translateStorageError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isSqliteError(error)) {
    for (const [pattern, code, message] of sqliteMessages) if (pattern.test(error.code)) return new AppError(code, message);
    return error;
  }
  const errno = (error as { code?: unknown } | null)?.code;
  if (typeof errno === 'string' && errno in fsMessages) return new AppError('IO', fsMessages[errno] as string);
  return error;
}
