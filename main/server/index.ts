// `npm run serve`: browser mode. Core + loopback HTTP + the built renderer. The first stdout line
// is one JSON object {"url","token"}; SIGINT/SIGTERM close the server, then the database.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { createCore } from '../core/createCore';
import { defaultDataDir } from '../core/paths';
import { startAppServer } from './httpServer';

const usage = `用法：npm run serve -- [--port 端口] [--data-dir 数据文件夹]
  --port N          监听 127.0.0.1 上的端口（默认自动选择空闲端口）
  --data-dir DIR    文稿数据所在文件夹（默认与桌面版相同）`;

/** Parses serve's arguments; throws a Chinese message on bad ones. */
export function parseServeArgs(argv: string[]): { port: number; dataDir: string; help: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error(`参数有误：${(error as Error).message}\n${usage}`, { cause: error });
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口应为 0–65535 的整数，收到“${values.port}”。\n${usage}`);
  return { port, dataDir: path.resolve(values['data-dir'] ?? defaultDataDir()), help: values.help === true };
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const root = path.resolve(__dirname, '../..');
  const staticDir = path.join(root, 'out', 'renderer');
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    process.stderr.write('界面尚未构建：请先运行 npm run build:renderer（npm run serve 会自动构建）。\n');
    process.exit(1);
  }
  const core = createCore({
    dataDir: args.dataDir,
    resourcesDir: path.join(root, 'resources'),
    transport: 'http',
    version: (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version,
  });
  let server;
  try {
    server = await startAppServer({ dispatch: core.dispatch, staticDir, port: args.port });
  } catch (error) {
    core.close();
    process.stderr.write(`无法启动服务：${(error as Error).message}。请换一个端口（--port）后重试。\n`);
    process.exit(1);
  }
  process.stdout.write(`${JSON.stringify({ url: server.url, token: server.token })}\n`);
  process.stderr.write(`文稿浏览器模式已启动：${server.url}\n数据文件夹：${args.dataDir}\n按 Ctrl+C 停止。\n`);
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await server.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

if (require.main === module) void main();
