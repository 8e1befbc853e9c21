// Pure path and argument logic for the Electron build of better-sqlite3 (no I/O here; see
// electronNative.mjs for the build itself). node_modules/better-sqlite3/build stays the Node build
// that npm test and the CLI use; Electron gets its own copy under .cache/electron-native/.
import path from 'node:path';

/** File name of the addon. */
export const ADDON_FILE = 'better_sqlite3.node';
/** Metadata written next to a cached build (which better-sqlite3 and Electron it was made for). */
export const BUILD_INFO_FILE = 'build-info.json';
/** Where node-gyp downloads Electron's headers from (override: WENGAO_ELECTRON_HEADERS_URL). */
export const DEFAULT_HEADERS_URL = 'https://electronjs.org/headers';
/** Environment variable main/electron reads the development build's path from. */
export const NATIVE_BINDING_ENV = 'WENGAO_NATIVE_BINDING';

/** Cache key of one build: `<electronVersion>-<platform>-<arch>` (platform as in process.platform). */
export function nativeTargetKey(target) {
  return `${target.electronVersion}-${target.platform}-${target.arch}`;
}

/** Folder holding one Electron build: `<root>/.cache/electron-native/<key>/`. */
export function electronNativeDir(root, target) {
  return path.join(root, '.cache', 'electron-native', nativeTargetKey(target));
}

/** The Electron build of the addon for a target. */
export function electronNativeBinding(root, target) {
  return path.join(electronNativeDir(root, target), ADDON_FILE);
}

/** True when a cached build's info matches the wanted Electron and better-sqlite3 versions. */
export function isCacheFresh(info, target, betterSqlite3Version) {
  return (
    info !== null &&
    typeof info === 'object' &&
    info.electronVersion === target.electronVersion &&
    info.platform === target.platform &&
    info.arch === target.arch &&
    info.betterSqlite3Version === betterSqlite3Version
  );
}

/** electron-builder's `${os}` name of a platform: win, mac or linux. */
export function builderOs(platform) {
  if (platform === 'win32') return 'win';
  if (platform === 'darwin') return 'mac';
  return 'linux';
}

/** process.platform name of an electron-builder os name. */
export function platformOfBuilderOs(os) {
  if (os === 'win') return 'win32';
  if (os === 'mac') return 'darwin';
  return 'linux';
}

/** Where dist.mjs stages the addon for electron-builder: `.cache/dist-native/<os>-<arch>/`. */
export function distStagingDir(root, platform, arch) {
  return path.join(root, '.cache', 'dist-native', `${builderOs(platform)}-${arch}`);
}

/** The Electron executable inside node_modules/electron/dist for a platform (as electron's install.js names it). */
export function electronExecutable(platform) {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/**
 * Path of the Electron binary npm start launches, resolved like node_modules/electron/index.js
 * but without its automatic download: path.txt when present, else the platform's default name;
 * ELECTRON_OVERRIDE_DIST_PATH is honoured.
 */
export function resolveElectronBinary({ electronDir, platform, env, pathTxt }) {
  const relative = (pathTxt ?? '').trim() || electronExecutable(platform);
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
  return path.join(distDir, relative);
}

/**
 * The environment for native builds: npm passes its config as npm_config_* variables, and some
 * of them (nodedir, target, runtime, disturl, arch) would make node-gyp or prebuild-install build
 * against Node's headers instead of Electron's. Those are removed; everything else is kept.
 */
export function cleanBuildEnv(env) {
  const drop = /^npm_config_(nodedir|target|target_arch|target_platform|runtime|disturl|dist_url|arch|platform|build_from_source|devdir|libc)$/i;
  const result = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !drop.test(key)) result[key] = value;
  }
  return result;
}

/** prebuild-install arguments: download the published Electron build (works for other platforms too). */
export function prebuildInstallArgs(target) {
  return ['--runtime=electron', `--target=${target.electronVersion}`, `--arch=${target.arch}`, `--platform=${target.platform}`, '--verbose'];
}

/** node-gyp arguments: compile against Electron's headers (needs a C++ toolchain and the host platform). */
export function nodeGypArgs(target, headersUrl = DEFAULT_HEADERS_URL) {
  return ['rebuild', '--release', '--runtime=electron', `--target=${target.electronVersion}`, `--arch=${target.arch}`, `--dist-url=${headersUrl}`];
}

/** True when node-gyp can compile this target here (no cross-compiling). */
export function canCompileHere(target, host) {
  return target.platform === host.platform && target.arch === host.arch;
}

/** Platforms dist.mjs packages, from its arguments (--win, --linux, --mac), defaulting to this one. */
export function distPlatforms(argv, hostPlatform) {
  const chosen = [];
  for (const arg of argv) {
    if (arg === '--win' || arg === '-w' || arg === '--windows') chosen.push('win32');
    else if (arg === '--linux' || arg === '-l') chosen.push('linux');
    else if (arg === '--mac' || arg === '-m' || arg === '--macos') chosen.push('darwin');
  }
  return chosen.length > 0 ? [...new Set(chosen)] : [hostPlatform];
}

/** The archs electron-builder will build for a platform: the union of its targets' arch lists. */
export function configuredArchs(config, platform, hostArch) {
  const section = config?.[builderOs(platform)];
  const targets = section?.target === undefined ? [] : Array.isArray(section.target) ? section.target : [section.target];
  const archs = new Set();
  for (const t of targets) {
    const list = typeof t === 'object' && t !== null && t.arch !== undefined ? (Array.isArray(t.arch) ? t.arch : [t.arch]) : [hostArch];
    for (const a of list) archs.add(a);
  }
  return archs.size > 0 ? [...archs] : [hostArch];
}

/** Chinese messages for what can go wrong, with what to do about it. */
export const messages = {
  electronNotInstalled: () =>
    '找不到 electron 依赖包（node_modules/electron）。请先在项目目录运行 npm install。',
  electronMissing: (binary) =>
    [
      `找不到 Electron 程序：${binary}`,
      '需要联网下载 Electron：请在可联网的机器上运行 npm start 一次（会自动下载），',
      '或运行 npx install-electron；网络访问 GitHub 较慢时，可先设置镜像再试：',
      '  ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start',
      '（浏览器模式不需要 Electron：npm run serve）',
    ].join('\n'),
  nativeBuildFailed: (target, attempts, logFile) =>
    [
      `无法为 Electron ${target.electronVersion}（${target.platform}-${target.arch}）准备数据库组件 better-sqlite3。`,
      ...attempts.map((a) => `  · ${a.method}：${a.reason}`),
      '需要联网：先尝试下载官方预编译版本，失败时用 node-gyp 编译（需下载 Electron 头文件，并需要 C++ 编译环境：',
      'Windows 装 Visual Studio 生成工具，macOS 装 Xcode 命令行工具，Linux 装 build-essential 和 python3）。',
      '网络受限时可设置镜像后重试，例如：',
      '  npm_config_better_sqlite3_binary_host=https://registry.npmmirror.com/-/binary/better-sqlite3',
      '  WENGAO_ELECTRON_HEADERS_URL=<Electron 头文件镜像地址>',
      `node_modules 里供 npm test 使用的版本未被改动。详细日志：${logFile}`,
    ].join('\n'),
};
