// Durable file steps for backups and recovery: fsync before rename, fsync the folder after, and
// retry renames that antivirus or sync tools briefly block on Windows (EPERM/EBUSY).
import { closeSync, existsSync, fsyncSync, openSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

/** Size of a file in bytes, or 0 when it does not exist. */
export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Flushes a file's bytes to the disk. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename) to the disk; Windows cannot open folders, and needs not. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported on this platform (Windows); NTFS journals renames itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Blocks the thread for a few milliseconds (only between rename retries). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Renames a file, retrying briefly while another program holds it (Windows EPERM/EBUSY). */
export function renameDurably(from: string, to: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      renameSync(from, to);
      break;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 10 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw error;
      pause(50 * (attempt + 1));
    }
  }
  fsyncDir(path.dirname(to));
}

/** Local time as YYYYMMDD-HHMMSS, the stamp in backup and quarantine file names. */
export function timeStamp(time: number): string {
  const d = new Date(time);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`;
}

/** Parses a YYYYMMDD-HHMMSS local-time stamp back to milliseconds, or null. */
export function parseTimeStamp(stamp: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return new Date(y, mo - 1, d, h, mi, s).getTime();
}

/**
 * The first of `<base>.sqlite`, `<base>-2.sqlite`, … for which none of the given suffixes exists,
 * so an existing file is never overwritten.
 */
export function uniqueName(dir: string, base: string, suffixes: readonly string[] = ['']): string {
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : `-${n}`}.sqlite`;
    if (!suffixes.some((suffix) => existsSync(path.join(dir, name + suffix)))) return name;
  }
}
