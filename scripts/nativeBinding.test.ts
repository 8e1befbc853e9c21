// The Electron build of better-sqlite3: where it lives, how it is made, and that making it never
// touches node_modules/better-sqlite3/build (the Node build npm test uses).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { RunCommand } from './electronNative.mjs';
import { NativeBuildError, ensureElectronNative, lastLine } from './electronNative.mjs';
import {
  cleanBuildEnv,
  configuredArchs,
  distPlatforms,
  distStagingDir,
  electronNativeBinding,
  isCacheFresh,
  nodeGypArgs,
  prebuildInstallArgs,
  resolveElectronBinary,
} from './nativeBinding.mjs';

const target = { electronVersion: '45.4.1', platform: 'linux', arch: 'x64' };
const host = { platform: 'linux', arch: 'x64' };

describe('native binding paths and arguments', () => {
  it('keeps one cache folder per Electron version, platform and arch', () => {
    assert.equal(electronNativeBinding('/p', target), path.join('/p', '.cache', 'electron-native', '45.4.1-linux-x64', 'better_sqlite3.node'));
    assert.notEqual(electronNativeBinding('/p', target), electronNativeBinding('/p', { ...target, arch: 'arm64' }));
    assert.notEqual(electronNativeBinding('/p', target), electronNativeBinding('/p', { ...target, electronVersion: '46.0.0' }));
  });

  it('treats a cached build as stale when Electron, platform, arch or better-sqlite3 changed', () => {
    const info = { ...target, betterSqlite3Version: '12.11.1' };
    assert.equal(isCacheFresh(info, target, '12.11.1'), true);
    assert.equal(isCacheFresh(info, target, '12.12.0'), false);
    assert.equal(isCacheFresh(info, { ...target, electronVersion: '45.5.0' }, '12.11.1'), false);
    assert.equal(isCacheFresh(null, target, '12.11.1'), false);
  });

  it('builds for Electron, never for Node', () => {
    assert.ok(prebuildInstallArgs(target).includes('--runtime=electron'));
    assert.ok(prebuildInstallArgs(target).includes('--target=45.4.1'));
    const gyp = nodeGypArgs(target);
    assert.ok(gyp.includes('--runtime=electron') && gyp.includes('--target=45.4.1') && gyp.includes('--arch=x64'));
    assert.ok(gyp.includes('--dist-url=https://electronjs.org/headers'));
  });

  it('drops npm config that would point node-gyp at Node headers (npm sets npm_config_nodedir here)', () => {
    const env = cleanBuildEnv({ PATH: '/usr/bin', npm_config_nodedir: '/usr', NPM_CONFIG_TARGET: '20.0.0', npm_config_runtime: 'node', npm_config_disturl: 'x', npm_config_cache: '/c', npm_config_better_sqlite3_binary_host: 'https://mirror' });
    assert.deepEqual(env, { PATH: '/usr/bin', npm_config_cache: '/c', npm_config_better_sqlite3_binary_host: 'https://mirror' });
  });

  it('finds the Electron binary like electron/index.js, without downloading', () => {
    const dir = path.join('/p', 'node_modules', 'electron');
    assert.equal(resolveElectronBinary({ electronDir: dir, platform: 'linux', env: {} }), path.join(dir, 'dist', 'electron'));
    assert.equal(resolveElectronBinary({ electronDir: dir, platform: 'win32', env: {} }), path.join(dir, 'dist', 'electron.exe'));
    assert.equal(resolveElectronBinary({ electronDir: dir, platform: 'darwin', env: {}, pathTxt: 'Electron.app/Contents/MacOS/Electron' }), path.join(dir, 'dist', 'Electron.app/Contents/MacOS/Electron'));
    assert.equal(resolveElectronBinary({ electronDir: dir, platform: 'linux', env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' } }), path.join('/opt/e', 'electron'));
  });

  it('packages the host platform by default and the archs electron-builder.yml lists', () => {
    assert.deepEqual(distPlatforms([], 'linux'), ['linux']);
    assert.deepEqual(distPlatforms(['--win', '--linux', '--win'], 'darwin'), ['win32', 'linux']);
    const config = { linux: { target: [{ target: 'AppImage', arch: ['x64', 'arm64'] }, { target: 'deb', arch: ['x64', 'arm64'] }] }, win: { target: ['nsis'] } };
    assert.deepEqual(configuredArchs(config, 'linux', 'x64'), ['x64', 'arm64']);
    assert.deepEqual(configuredArchs(config, 'win32', 'arm64'), ['arm64']);
    assert.equal(distStagingDir('/p', 'win32', 'x64'), path.join('/p', '.cache', 'dist-native', 'win-x64'));
  });

  it('reduces a tool failure to one useful line', () => {
    const offline = 'gyp info it worked\ngyp http GET https://electronjs.org/headers/v45.4.1/node-v45.4.1-headers.tar.gz\ngyp ERR! stack Error: getaddrinfo ENOTFOUND electronjs.org\n    at foo (x.js:1:1)\ngyp ERR! not ok';
    assert.equal(lastLine(offline), '网络不可用，无法下载 https://electronjs.org/headers/v45.4.1/node-v45.4.1-headers.tar.gz');
    const compile = 'gyp info spawn make\n../src/better_sqlite3.cpp:12:10: fatal error: node.h: No such file or directory\nmake: *** [x] Error 1\ngyp ERR! build error\ngyp ERR! stack Error: `make` failed with exit code: 2\ngyp ERR! System Linux\ngyp ERR! not ok';
    assert.match(lastLine(compile), /node\.h: No such file/);
    assert.equal(lastLine(''), '没有输出');
  });
});

describe('ensureElectronNative', () => {
  let root = '';
  let bsDir = '';
  const nodeBuild = () => path.join(bsDir, 'build', 'Release', 'better_sqlite3.node');

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'wengao-native-'));
    bsDir = path.join(root, 'node_modules', 'better-sqlite3');
    fs.mkdirSync(path.join(bsDir, 'build', 'Release'), { recursive: true });
    fs.mkdirSync(path.join(bsDir, 'src'), { recursive: true });
    fs.writeFileSync(path.join(bsDir, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
    fs.writeFileSync(path.join(bsDir, 'src', 'better_sqlite3.cpp'), '// source');
    fs.writeFileSync(nodeBuild(), 'NODE-ABI-BUILD');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** A fake build tool: writes an "Electron build" into the copy it runs in, or fails. */
  function fakeTool(behaviour: Record<string, 'ok' | 'fail'>) {
    const runs: { method: string; cwd: string; env: Record<string, string> }[] = [];
    const run: RunCommand = async (_command, args, options) => {
      const method = args[0] === 'prebuild' ? 'prebuild-install' : 'node-gyp';
      runs.push({ method, cwd: options.cwd, env: options.env });
      // The copy must have the sources but not the Node build.
      assert.ok(fs.existsSync(path.join(options.cwd, 'src', 'better_sqlite3.cpp')));
      assert.ok(!fs.existsSync(path.join(options.cwd, 'build', 'Release', 'better_sqlite3.node')));
      if (behaviour[method] === 'fail') return { code: 1, output: `${method} ERR! getaddrinfo ENOTFOUND host\n    at x (y.js:1:1)` };
      fs.mkdirSync(path.join(options.cwd, 'build', 'Release'), { recursive: true });
      fs.writeFileSync(path.join(options.cwd, 'build', 'Release', 'better_sqlite3.node'), `ELECTRON-BUILD-${method}`);
      return { code: 0, output: 'ok' };
    };
    return { run, runs };
  }

  const options = (run: RunCommand, extra: Partial<Parameters<typeof ensureElectronNative>[0]> = {}) => ({
    root,
    target,
    host,
    run,
    log: () => undefined,
    env: { npm_config_nodedir: '/usr', PATH: '/bin' },
    prebuildBin: 'prebuild',
    nodeGypBin: 'gyp',
    ...extra,
  });

  it('builds into the cache from a scratch copy and leaves the Node build untouched', async () => {
    const tool = fakeTool({ 'prebuild-install': 'ok' });
    const result = await ensureElectronNative(options(tool.run));
    assert.equal(result.built, true);
    assert.equal(result.path, electronNativeBinding(root, target));
    assert.equal(fs.readFileSync(result.path, 'utf8'), 'ELECTRON-BUILD-prebuild-install');
    assert.equal(fs.readFileSync(nodeBuild(), 'utf8'), 'NODE-ABI-BUILD');
    assert.ok(!tool.runs[0]?.cwd.startsWith(bsDir), 'never builds inside node_modules');
    assert.equal(tool.runs[0]?.env.npm_config_nodedir, undefined);
    const leftovers = fs.readdirSync(path.join(root, '.cache', 'electron-native')).filter((n) => n.startsWith('.build-'));
    assert.deepEqual(leftovers, [], 'scratch copy removed');
  });

  it('reuses a fresh cached build without running anything', async () => {
    await ensureElectronNative(options(fakeTool({}).run));
    const second = fakeTool({});
    const result = await ensureElectronNative(options(second.run));
    assert.equal(result.built, false);
    assert.equal(second.runs.length, 0);
  });

  it('rebuilds when better-sqlite3 was upgraded', async () => {
    await ensureElectronNative(options(fakeTool({}).run));
    fs.writeFileSync(path.join(bsDir, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.12.0' }));
    const again = fakeTool({});
    assert.equal((await ensureElectronNative(options(again.run))).built, true);
    assert.equal(again.runs.length, 1);
  });

  it('falls back to node-gyp when no prebuilt download is available', async () => {
    const tool = fakeTool({ 'prebuild-install': 'fail', 'node-gyp': 'ok' });
    const result = await ensureElectronNative(options(tool.run));
    assert.deepEqual(tool.runs.map((r) => r.method), ['prebuild-install', 'node-gyp']);
    assert.equal(fs.readFileSync(result.path, 'utf8'), 'ELECTRON-BUILD-node-gyp');
  });

  it('fails with a Chinese explanation, no partial cache and no stack trace when nothing works (offline)', async () => {
    const tool = fakeTool({ 'prebuild-install': 'fail', 'node-gyp': 'fail' });
    await assert.rejects(ensureElectronNative(options(tool.run)), (error: unknown) => {
      assert.ok(error instanceof NativeBuildError);
      assert.match(error.message, /无法为 Electron 45\.4\.1/);
      assert.match(error.message, /需要联网/);
      assert.doesNotMatch(error.message, /\n\s+at /);
      return true;
    });
    assert.ok(!fs.existsSync(electronNativeBinding(root, target)));
    assert.equal(fs.readFileSync(nodeBuild(), 'utf8'), 'NODE-ABI-BUILD');
  });

  it('does not try to compile for another platform (only the prebuilt download)', async () => {
    const tool = fakeTool({ 'prebuild-install': 'fail', 'node-gyp': 'ok' });
    const windows = { ...target, platform: 'win32' };
    await assert.rejects(ensureElectronNative(options(tool.run, { target: windows })), /交叉编译/);
    assert.deepEqual(tool.runs.map((r) => r.method), ['prebuild-install']);
  });
});
