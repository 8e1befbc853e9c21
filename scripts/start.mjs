#!/usr/bin/env node
// npm start: checks for the Electron binary, builds the app (electron-vite build), makes sure the
// Electron build of better-sqlite3 exists (.cache/electron-native/, made once per Electron
// version), then launches Electron with WENGAO_NATIVE_BINDING pointing at it. node_modules keeps
// the Node build, so npm test and npm start work in either order with no manual rebuild.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NativeBuildError, ensureElectronNative, lastLine } from './electronNative.mjs';
import { NATIVE_BINDING_ENV, messages, resolveElectronBinary } from './nativeBinding.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Prints a Chinese explanation (no stack trace) and exits non-zero. */
function fail(message) {
  console.error(`\n✗ ${message}\n`);
  process.exit(1);
}

/** Reads node_modules/electron's version and finds (or downloads once) its binary. */
function findElectron() {
  const electronDir = path.join(root, 'node_modules', 'electron');
  let version;
  try {
    version = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  } catch {
    fail(messages.electronNotInstalled());
  }
  const locate = () => {
    let pathTxt = null;
    try {
      pathTxt = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8');
    } catch {
      // not downloaded yet
    }
    return resolveElectronBinary({ electronDir, platform: process.platform, env: process.env, pathTxt });
  };
  let binary = locate();
  if (!fs.existsSync(binary)) {
    // What require('electron') would do, but with our own message instead of a stack trace.
    console.log('未找到 Electron 程序，正在尝试下载（只需一次）…');
    const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
    binary = locate();
    if (install.status !== 0 || !fs.existsSync(binary)) {
      const reason = install.stderr ? lastLine(install.stderr) : '';
      fail(`${messages.electronMissing(binary)}${reason ? `\n（下载失败：${reason}）` : ''}`);
    }
  }
  return { version, binary };
}

async function main() {
  const electron = findElectron();

  console.log('正在构建（electron-vite build）…');
  const viteCli = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const build = spawnSync(process.execPath, [viteCli, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) fail('构建失败（electron-vite build），请查看上面的错误信息。');

  let binding;
  try {
    const target = { electronVersion: electron.version, platform: process.platform, arch: process.arch };
    binding = await ensureElectronNative({ root, target });
    if (binding.built) console.log(`数据库组件已就绪（${binding.method}）：${path.relative(root, binding.path)}`);
  } catch (error) {
    if (error instanceof NativeBuildError) fail(error.message);
    throw error;
  }

  const env = { ...process.env, [NATIVE_BINDING_ENV]: binding.path };
  delete env.ELECTRON_RUN_AS_NODE; // would start a plain Node instead of the app
  const child = spawn(electron.binary, [root, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit', windowsHide: false });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (!child.killed) child.kill(signal);
    });
  }
  child.on('error', (error) => fail(`无法启动 Electron（${electron.binary}）：${error.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error) => fail(`启动失败：${error instanceof Error ? error.message : String(error)}`));
