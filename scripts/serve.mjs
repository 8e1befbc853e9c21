// `npm run serve`: builds the renderer when it is missing or older than its sources, then starts
// browser mode (main/server/index.ts). Build logs go to stderr so stdout's first line stays the
// {"url","token"} JSON.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'out', 'renderer', 'index.html');

/** Newest modification time under a folder (ms). */
function newest(dir) {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) max = Math.max(max, newest(full));
    else max = Math.max(max, statSync(full).mtimeMs);
  }
  return max;
}

const stale =
  !existsSync(built) ||
  Math.max(newest(path.join(root, 'renderer')), newest(path.join(root, 'main', 'common'))) > statSync(built).mtimeMs;
if (stale) {
  process.stderr.write('正在构建界面…\n');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.mts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0) {
    process.stderr.write('界面构建失败，请查看上面的错误信息。\n');
    process.exit(1);
  }
}

const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'main', 'server', 'index.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
