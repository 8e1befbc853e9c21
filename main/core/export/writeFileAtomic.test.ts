import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isAppError } from '../../common/errors';
import { writeFileAtomic } from './writeFileAtomic';

/** A fresh temporary folder, removed after the test. */
function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-atomic-'));
  t.after(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** An errno-style error. */
function fsError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/** True when the error is an IO AppError whose message matches. */
function ioError(pattern: RegExp): (e: unknown) => boolean {
  return (e: unknown) => {
    assert.ok(isAppError(e), String(e));
    assert.equal(e.code, 'IO');
    assert.match(e.message, pattern);
    return true;
  };
}

test('writes the file, replaces an existing one, and leaves no temporary file', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, '报告.docx');
  await writeFileAtomic(file, Buffer.from('第一版'));
  await writeFileAtomic(file, Buffer.from('第二版'));
  assert.equal(readFileSync(file, 'utf8'), '第二版');
  assert.deepEqual(readdirSync(dir), ['报告.docx']);
});

test('a missing folder is an IO error naming the folder, and nothing is created', async (t) => {
  const dir = tempDir(t);
  const missing = path.join(dir, '不存在的文件夹');
  await assert.rejects(writeFileAtomic(path.join(missing, '报告.docx'), 'x'), ioError(/文件夹“.*不存在的文件夹”不存在.*请选择其他位置/));
  assert.deepEqual(readdirSync(dir), []);
});

test('a read-only folder is an IO error; the existing file keeps its content and no temporary file is left', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, '报告.docx');
  writeFileSync(file, '原来的内容');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root (CI containers) permissions do not stop writes: the same failure is injected instead.
  chmodSync(dir, 0o555);
  const ops = isRoot
    ? {
        open: (async (p: string, flags: string) => {
          if (flags === 'wx') throw fsError('EACCES');
          return open(p, flags);
        }) as typeof open,
      }
    : {};
  await assert.rejects(writeFileAtomic(file, '新内容', { ops }), ioError(/没有权限写入文件夹“.*”.*换一个位置保存/));
  chmodSync(dir, 0o755);
  assert.equal(readFileSync(file, 'utf8'), '原来的内容');
  assert.deepEqual(readdirSync(dir), ['报告.docx']);
});

test('a write that fails half way (disk full) removes the temporary file and keeps the target', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, '报告.docx');
  writeFileSync(file, '原来的内容');
  const failingOpen = (async (p: string, flags: string) => {
    const handle = await open(p, flags);
    if (flags !== 'wx') return handle;
    return new Proxy(handle, {
      get(target, key) {
        if (key === 'writeFile') return async (data: string) => {
          await target.writeFile(data.slice(0, 2));
          throw fsError('ENOSPC');
        };
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }) as typeof open;
  await assert.rejects(writeFileAtomic(file, '新的很长的内容', { ops: { open: failingOpen } }), ioError(/磁盘空间不足/));
  assert.equal(readFileSync(file, 'utf8'), '原来的内容');
  assert.deepEqual(readdirSync(dir), ['报告.docx']);
});

test('on Windows a busy target (open in Word) is retried with backoff, then reported; the target is untouched', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, '报告.docx');
  writeFileSync(file, '原来的内容');
  let calls = 0;
  const busyTwice = (async (from: string, to: string) => {
    calls += 1;
    if (calls <= 2) throw fsError('EPERM');
    return rename(from, to);
  }) as typeof rename;
  await writeFileAtomic(file, '新内容', { platform: 'win32', retryDelayMs: 1, ops: { rename: busyTwice } });
  assert.equal(calls, 3);
  assert.equal(readFileSync(file, 'utf8'), '新内容');

  calls = 0;
  const alwaysBusy = (async () => {
    calls += 1;
    throw fsError('EBUSY');
  }) as typeof rename;
  await assert.rejects(writeFileAtomic(file, '第三版', { platform: 'win32', retryDelayMs: 1, attempts: 4, ops: { rename: alwaysBusy } }), ioError(/正被其他程序占用.*请关闭该文件后重试/));
  assert.equal(calls, 4);
  assert.equal(readFileSync(file, 'utf8'), '新内容');
  assert.deepEqual(readdirSync(dir), ['报告.docx']);
});
