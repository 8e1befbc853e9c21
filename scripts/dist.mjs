#!/usr/bin/env node
// npm run dist [-- --win|--linux|--mac]: validates electron-builder.yml, builds the app, prepares
// the Electron build of better-sqlite3 for every target arch and stages it where
// electron-builder.yml picks it up (.cache/dist-native/<os>-<arch>/), then runs electron-builder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBuilderConfig } from './builderConfig.mjs';
import { NativeBuildError, ensureElectronNative } from './electronNative.mjs';
import { ADDON_FILE, builderOs, configuredArchs, distPlatforms, distStagingDir } from './nativeBinding.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Prints a Chinese explanation (no stack trace) and exits non-zero. */
function fail(message) {
  console.error(`\n✗ ${message}\n`);
  process.exit(1);
}

async function main() {
  const args = process.argv.slice(2);

  let config;
  try {
    config = await loadBuilderConfig(root);
  } catch (error) {
    fail(`打包配置 electron-builder.yml 有误：\n${error instanceof Error ? error.message : String(error)}`);
  }

  let electronVersion;
  try {
    electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  } catch {
    fail('找不到 electron 依赖包（node_modules/electron）。请先在项目目录运行 npm install。');
  }

  console.log('正在构建（electron-vite build）…');
  const viteCli = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (spawnSync(process.execPath, [viteCli, 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) {
    fail('构建失败（electron-vite build），请查看上面的错误信息。');
  }

  fs.rmSync(path.join(root, '.cache', 'dist-native'), { recursive: true, force: true });
  for (const platform of distPlatforms(args, process.platform)) {
    for (const arch of configuredArchs(config, platform, process.arch)) {
      const target = { electronVersion, platform, arch };
      let built;
      try {
        built = await ensureElectronNative({ root, target });
      } catch (error) {
        if (error instanceof NativeBuildError) fail(error.message);
        throw error;
      }
      const staging = distStagingDir(root, platform, arch);
      fs.mkdirSync(staging, { recursive: true });
      fs.copyFileSync(built.path, path.join(staging, ADDON_FILE));
      console.log(`数据库组件（${builderOs(platform)}-${arch}）已就绪。`);
    }
  }

  const builderCli = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
  const result = spawnSync(process.execPath, [builderCli, '--config', 'electron-builder.yml', '--publish', 'never', ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    fail(
      [
        'electron-builder 打包失败，请查看上面的错误信息。',
        '常见原因：打包需要联网下载 Electron 和打包工具（首次），请在可联网的机器上运行；',
        '访问 GitHub 较慢时可设置镜像：ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/',
      ].join('\n'),
    );
  }
  console.log(`安装包已生成在 ${path.join(root, 'dist')}`);
}

main().catch((error) => fail(`打包失败：${error instanceof Error ? error.message : String(error)}`));
