// Makes the Electron build of better-sqlite3 under .cache/electron-native/<key>/ without touching
// node_modules/better-sqlite3/build (the Node build npm test uses): copy the package to a scratch
// folder, get a build there (prebuilt download, else node-gyp against Electron's headers), move
// the .node file into the cache. Used by start.mjs and dist.mjs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  ADDON_FILE,
  BUILD_INFO_FILE,
  DEFAULT_HEADERS_URL,
  canCompileHere,
  cleanBuildEnv,
  electronNativeDir,
  isCacheFresh,
  messages,
  nativeTargetKey,
  nodeGypArgs,
  prebuildInstallArgs,
} from './nativeBinding.mjs';

/** Thrown when no build could be made; its message is the Chinese explanation for the user. */
export class NativeBuildError extends Error {
  constructor(message) {
    super(message);
    this.name = 'NativeBuildError';
  }
}

/** Runs a command, collecting its output; resolves { code, output } and never rejects. */
export function runCommand(command, args, options) {
  return new Promise((resolve) => {
    let output = '';
    let child;
    try {
      child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    } catch (error) {
      resolve({ code: -1, output: String(error) });
      return;
    }
    const collect = (chunk) => {
      output += chunk.toString();
      if (output.length > 2_000_000) output = output.slice(-1_000_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => resolve({ code: -1, output: `${output}\n${String(error)}` }));
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

/** A one-line reason from a tool's output: network failures in Chinese with the URL, else the error line. */
export function lastLine(output) {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const cap = (line) => (line.length > 200 ? `${line.slice(0, 200)}…` : line);
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo|ECONNREFUSED|ECONNRESET|ETIMEDOUT|network connectivity|fetch failed|socket hang up/i.test(output)) {
    const urls = [...output.matchAll(/\bGET\s+(https?:\/\/\S+)/g)].map((m) => m[1]);
    return cap(urls.length > 0 ? `网络不可用，无法下载 ${urls.at(-1)}` : '网络不可用，下载失败');
  }
  const useful = lines.filter((l) => !/^gyp (info|http)/.test(l) && !/^(gyp ERR! stack\s+)?at /.test(l));
  const errorLine =
    useful.find((l) => /\berror\b[:\s]/i.test(l) && !/^gyp ERR! (System|command|cwd|node -v|node-gyp -v)/.test(l)) ??
    [...useful].reverse().find((l) => /err|fail|错误|not found|40[34]/i.test(l));
  return cap(errorLine ?? useful.at(-1) ?? '没有输出');
}

/** Reads JSON, or null when missing or malformed. */
function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Resolves a file of an installed package from the project root, or null. */
function resolveFrom(root, request) {
  try {
    return createRequire(path.join(root, 'package.json')).resolve(request);
  } catch {
    return null;
  }
}

/**
 * Ensures the Electron build for target exists and is fresh; returns { path, built, method }.
 * Options: root (project), target { electronVersion, platform, arch }, host { platform, arch },
 * run (command runner, injectable for tests), log, env, betterSqlite3Dir, prebuildBin, nodeGypBin.
 */
export async function ensureElectronNative(options) {
  const { root, target } = options;
  const host = options.host ?? { platform: process.platform, arch: process.arch };
  const run = options.run ?? runCommand;
  const log = options.log ?? ((m) => console.log(m));
  const env = options.env ?? process.env;
  const sourceDir = options.betterSqlite3Dir ?? path.join(root, 'node_modules', 'better-sqlite3');

  const pkg = readJson(path.join(sourceDir, 'package.json'));
  if (!pkg?.version) throw new NativeBuildError(`找不到 better-sqlite3（${sourceDir}）。请先运行 npm install。`);

  const dir = electronNativeDir(root, target);
  const output = path.join(dir, ADDON_FILE);
  const infoFile = path.join(dir, BUILD_INFO_FILE);
  if (fs.existsSync(output) && isCacheFresh(readJson(infoFile), target, pkg.version)) {
    return { path: output, built: false, method: readJson(infoFile)?.method ?? 'cache' };
  }

  const key = nativeTargetKey(target);
  const cacheRoot = path.dirname(dir);
  const work = path.join(cacheRoot, `.build-${key}-${process.pid}`);
  const logFile = path.join(cacheRoot, `${key}.log`);
  const copy = path.join(work, 'better-sqlite3');
  const builtFile = path.join(copy, 'build', 'Release', ADDON_FILE);
  const buildEnv = cleanBuildEnv(env);
  const prebuildBin = options.prebuildBin !== undefined ? options.prebuildBin : resolveFrom(root, 'prebuild-install/bin.js');
  const nodeGypBin =
    options.nodeGypBin !== undefined ? options.nodeGypBin : (resolveFrom(root, 'node-gyp/bin/node-gyp.js') ?? env.npm_config_node_gyp ?? null);

  const attempts = [];
  if (prebuildBin) attempts.push({ method: 'prebuild-install', command: process.execPath, args: [prebuildBin, ...prebuildInstallArgs(target)] });
  if (nodeGypBin && canCompileHere(target, host)) {
    const headersUrl = env.WENGAO_ELECTRON_HEADERS_URL || DEFAULT_HEADERS_URL;
    attempts.push({ method: 'node-gyp', command: process.execPath, args: [nodeGypBin, ...nodeGypArgs(target, headersUrl)] });
  }

  fs.mkdirSync(cacheRoot, { recursive: true });
  fs.rmSync(work, { recursive: true, force: true });
  const failures = [];
  let logText = '';
  try {
    // Copy the package without its build folder: that folder is the Node build and stays put.
    const excluded = path.join(sourceDir, 'build');
    fs.cpSync(sourceDir, copy, { recursive: true, filter: (src) => src !== excluded && !src.startsWith(excluded + path.sep) });

    for (const attempt of attempts) {
      log(`正在为 Electron ${target.electronVersion}（${target.platform}-${target.arch}）准备数据库组件：${attempt.method}…`);
      fs.rmSync(path.join(copy, 'build'), { recursive: true, force: true });
      const result = await run(attempt.command, attempt.args, { cwd: copy, env: buildEnv });
      logText += `$ ${attempt.method} ${attempt.args.slice(1).join(' ')}\n${result.output}\n(exit ${result.code})\n\n`;
      if (result.code === 0 && fs.existsSync(builtFile) && fs.statSync(builtFile).size > 0) {
        fs.mkdirSync(dir, { recursive: true });
        const temp = `${output}.${process.pid}.tmp`;
        fs.copyFileSync(builtFile, temp);
        fs.renameSync(temp, output);
        const info = { ...target, betterSqlite3Version: pkg.version, method: attempt.method, builtAt: new Date().toISOString() };
        fs.writeFileSync(infoFile, `${JSON.stringify(info, null, 2)}\n`);
        return { path: output, built: true, method: attempt.method };
      }
      failures.push({ method: attempt.method, reason: result.code === 0 ? '没有生成 .node 文件' : lastLine(result.output) });
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    try {
      fs.writeFileSync(logFile, logText);
    } catch {
      // the log is a convenience; the error message below still explains the failure
    }
  }
  if (attempts.length === 0) failures.push({ method: '无可用方法', reason: '找不到 prebuild-install 或 node-gyp，且目标平台无法在本机编译' });
  else if (!canCompileHere(target, host)) failures.push({ method: 'node-gyp', reason: `无法在 ${host.platform}-${host.arch} 上交叉编译，只能下载预编译版本` });
  throw new NativeBuildError(messages.nativeBuildFailed(target, failures, logFile));
}
