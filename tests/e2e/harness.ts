// Shared end-to-end plumbing: start browser mode on a temp data folder, launch Debian Chromium.
import { spawn } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { after, before } from 'node:test';
import { execSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

const root = path.resolve(__dirname, '..', '..');

/** A running `serve` process. */
export interface Served {
  /** URL opening the app, with the token in the fragment. */
  url: string;
  /** Base URL without fragment. */
  origin: string;
  token: string;
  dataDir: string;
  /** Calls a contract method over HTTP with the token and returns the CallResult. */
  api(method: string, input?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  stop(): Promise<void>;
}

/** Starts browser mode (`main/server/index.ts`) on a fresh or given data folder. */
export async function startServe(options: { dataDir?: string } = {}): Promise<Served> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'wengao-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'main', 'server', 'index.ts'), '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const first = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout });
    rl.once('line', (line) => resolve(line));
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
  });
  const { url, token } = JSON.parse(first) as { url: string; token: string };
  const origin = new URL(url).origin;
  return {
    url,
    origin,
    token,
    dataDir,
    async api(method, input = {}) {
      const res = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Path of the Debian Chromium binary. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(candidate)) return candidate;
  return execSync('command -v chromium', { encoding: 'utf8' }).trim();
}

/** Launches headless Chromium through playwright-core. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--lang=zh-CN'],
  });
}

/** Browser mode and Chromium shared by the tests of one spec file. */
export interface BrowserModeEnv {
  served: Served;
  browser: Browser;
}

/**
 * Registers before/after hooks that start browser mode on a fresh data folder and launch
 * Chromium for a spec file, and stop both afterwards. The fields are set once `before` has run.
 */
export function useBrowserMode(): BrowserModeEnv {
  const env = {} as BrowserModeEnv;
  before(async () => {
    env.served = await startServe();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.served?.stop();
  });
  return env;
}
