// electron-builder afterPack hook: fails the build when the Electron build of better-sqlite3 is
// missing from resources/native/ (electron-builder only warns about a missing extraResources
// source, which would ship an app that cannot open its database).
import fs from 'node:fs';
import path from 'node:path';

/** Checks the packed app for resources/native/better_sqlite3.node. */
export default async function afterPack(context) {
  const resources =
    context.electronPlatformName === 'darwin'
      ? path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
      : path.join(context.appOutDir, 'resources');
  const addon = path.join(resources, 'native', 'better_sqlite3.node');
  if (!fs.existsSync(addon) || fs.statSync(addon).size === 0) {
    throw new Error(`安装包缺少数据库组件：${addon}。请用 npm run dist 打包（它会先为每个目标架构准备 Electron 版 better-sqlite3）。`);
  }
}
