// Helpers for the core's tests: temporary data folders, a settable clock, and calls that unwrap
// results. Test-only; nothing in the app imports this.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CallResult, MethodInput, MethodName, MethodOutput } from '../common/contract';
import type { ErrorCode } from '../common/errors';
import { contentFromParagraphs } from '../common/documentModel';
import type { DocumentContent } from '../common/documentModel';
import { createCore } from './createCore';
import type { Core, CoreOptions } from './createCore';

/** A fresh temporary folder, removed when `cleanup` runs. */
export function tempDir(cleanups: Array<() => void>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-core-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A clock tests move forward by hand. */
export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

/** A clock starting at a fixed, realistic time. */
export function testClock(start = Date.UTC(2025, 5, 30, 2, 0, 0)): TestClock {
  let time = start;
  return { now: () => time, advance: (ms) => void (time += ms) };
}

/** Opens a core on a folder; automatic backups off unless asked for, so tests see only theirs. */
export function openCore(dataDir: string, options: Partial<CoreOptions> = {}): Core {
  return createCore({ dataDir, resourcesDir: path.join(dataDir, 'resources'), autoBackup: false, onError: () => undefined, ...options });
}

/** Calls a method and returns its value, failing the test with the error if it answered one. */
export async function call<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = (await core.dispatch(method, input)) as CallResult<MethodOutput<M>>;
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Calls a method that must fail, and returns its error. */
export async function callError(core: Core, method: MethodName, input: unknown): Promise<{ code: ErrorCode; message: string }> {
  const result = await core.dispatch(method, input);
  if (result.ok) throw new Error(`${method} should have failed but answered ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

/** Editor content with one paragraph per string. */
export function paragraphs(...texts: string[]): DocumentContent {
  return contentFromParagraphs(texts);
}
