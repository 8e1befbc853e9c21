// Writes an exported file so that a crash, a full disk or a locked file never leaves a half-written
// or empty document behind (reliability.md): the bytes go to a temporary file in the target's own
// folder, are flushed to disk, then renamed over the target, and the folder entry is flushed too.
// On Windows a rename can fail for a moment while Word, WPS or an antivirus scanner holds the
// file, so EBUSY/EPERM/EACCES renames are retried with backoff. On failure the temporary file is
// removed, the existing target is untouched, and the error says in Chinese which folder and what to do.
import { randomBytes } from 'node:crypto';
import { open as fsOpen, rename as fsRename, unlink as fsUnlink } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../common/errors';

/** The file operations writeFileAtomic uses (tests replace them to simulate failures). */
export interface AtomicFileOps {
  open: typeof fsOpen;
  rename: typeof fsRename;
  unlink: typeof fsUnlink;
}

/** Options of writeFileAtomic. */
export interface WriteFileAtomicOptions {
  /** Renames tried in all when the file is busy (Windows), default 6. */
  attempts?: number;
  /** First wait between rename attempts in ms, doubled each time (default 50: 50, 100, 200, 400, 800). */
  retryDelayMs?: number;
  /** The platform whose rename quirks apply (default process.platform). */
  platform?: NodeJS.Platform;
  /** File operations, for tests. */
  ops?: Partial<AtomicFileOps>;
}

/** The error code of a Node file-system error, or undefined. */
function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The Chinese message for a failed write into dir of the file name. */
export function writeErrorMessage(code: string | undefined, dir: string, name: string, busy = false): string {
  if (busy && code === 'EBUSY') return `“${name}”正被其他程序占用（可能已在 Word 或 WPS 中打开），无法覆盖。请关闭该文件后重试，或换一个文件名保存。`;
  if (busy) return `无法覆盖“${name}”：它可能正在 Word 或 WPS 中打开，或是只读文件，或文件夹“${dir}”不允许写入。请关闭该文件后重试，或换一个位置或文件名保存。`;
  switch (code) {
    case 'ENOENT':
      return `文件夹“${dir}”不存在，无法保存“${name}”。请选择其他位置，或先创建该文件夹。`;
    case 'ENOTDIR':
      return `“${dir}”不是文件夹，无法保存“${name}”。请选择其他位置。`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `没有权限写入文件夹“${dir}”。请换一个位置保存（例如“文档”或桌面），或请管理员开放该文件夹的写入权限。`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `磁盘空间不足，无法保存到“${dir}”。请清理磁盘或换一个位置后重试。`;
    case 'EISDIR':
      return `“${path.join(dir, name)}”是一个文件夹，无法用文件覆盖。请换一个文件名保存。`;
    case 'ENAMETOOLONG':
      return `文件名或路径过长，无法保存到“${dir}”。请缩短文件名或换一个位置。`;
    default:
      return `保存到“${dir}”失败${code ? `（${code}）` : ''}。请重试，或换一个位置保存。`;
  }
}

/** Waits ms milliseconds. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Writes data to target atomically: a temporary file in the same folder, fsync, rename over the
 * target, fsync the folder. Throws AppError('IO') with a Chinese message naming the folder; after a
 * failure no temporary file remains and an existing target keeps its old content.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string, options: WriteFileAtomicOptions = {}): Promise<void> {
  const ops: AtomicFileOps = { open: fsOpen, rename: fsRename, unlink: fsUnlink, ...options.ops };
  const platform = options.platform ?? process.platform;
  const attempts = Math.max(1, options.attempts ?? 6);
  const delay = options.retryDelayMs ?? 50;
  const full = path.resolve(target);
  const dir = path.dirname(full);
  const name = path.basename(full);
  const temp = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await ops.open(temp, 'wx');
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (created) await ops.unlink(temp).catch(() => undefined);
    throw new AppError('IO', writeErrorMessage(codeOf(error), dir, name));
  }
  // Windows: the target may be open in Word/WPS or held by a scanner for a moment.
  const retryable = new Set(platform === 'win32' ? ['EBUSY', 'EPERM', 'EACCES'] : ['EBUSY']);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await ops.rename(temp, full);
      break;
    } catch (error) {
      const code = codeOf(error);
      if (retryable.has(code ?? '') && attempt < attempts) {
        await sleep(delay * 2 ** (attempt - 1));
        continue;
      }
      await ops.unlink(temp).catch(() => undefined);
      const busy = retryable.has(code ?? '') && (platform === 'win32' || code === 'EBUSY');
      throw new AppError('IO', writeErrorMessage(code, dir, name, busy));
    }
  }
  // Make the rename itself durable. Windows cannot open a folder for syncing: nothing to do there.
  if (platform !== 'win32') {
    try {
      const folder = await ops.open(dir, 'r');
      try {
        await folder.sync();
      } finally {
        await folder.close();
      }
    } catch {
      // Some file systems refuse fsync on a folder; the file itself is already on disk.
    }
  }
}
