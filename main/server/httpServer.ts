// The loopback HTTP transport of the contract (browser mode and the end-to-end tests): binds
// 127.0.0.1 only, needs a per-run random token on every API call and a Host header naming this
// server (so a DNS-rebinding page cannot reach it), and serves the built renderer.
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../common/dispatcher';
import { MAX_INPUT_CHARS } from '../common/dispatcher';
import type { CallResult } from '../common/contract';

/** Content-Security-Policy sent with every page (the same policy the desktop app uses). */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Largest request body accepted, in bytes (UTF-8 Chinese JSON of the largest document). */
export const MAX_BODY_BYTES = MAX_INPUT_CHARS * 3;

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Options of the loopback server. */
export interface AppServerOptions {
  /** The contract's dispatcher. */
  dispatch: Dispatch;
  /** Folder holding the built renderer (index.html and assets). */
  staticDir: string;
  /** Port to bind on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Access token; a random one is made when omitted. */
  token?: string;
}

/** A running loopback server. */
export interface AppServer {
  /** The URL that opens the app, token in the fragment. */
  url: string;
  /** The access token every API call must carry. */
  token: string;
  /** The bound port. */
  port: number;
  /** Stops accepting connections and waits for calls in flight. */
  close(): Promise<void>;
}

/** Maps a URL path to a file under root, or null when it would escape root. */
export function resolveStaticPath(urlPath: string, root: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, relative);
  const rootResolved = path.resolve(root);
  if (full !== rootResolved && !full.startsWith(rootResolved + path.sep)) return null;
  return full;
}

/** True when the presented token equals the expected one (constant time). */
export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when the Host header names this server (127.0.0.1 or localhost on our port). */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function sendJson(res: http.ServerResponse, status: number, body: CallResult): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function fail(res: http.ServerResponse, status: number, code: 'UNSUPPORTED' | 'TOO_LARGE' | 'INVALID_INPUT' | 'NOT_FOUND', message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/** Reads a request body up to a byte limit; resolves null when the limit is passed. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string, options: AppServerOptions, token: string): Promise<void> {
  const auth = req.headers.authorization;
  const presented = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
  if (!tokenMatches(presented, token)) {
    fail(res, 401, 'UNSUPPORTED', '访问令牌无效，请从 npm run serve 输出的地址重新打开。');
    req.resume();
    return;
  }
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    fail(res, 405, 'UNSUPPORTED', '请用 POST 调用接口。');
    req.resume();
    return;
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    fail(res, 413, 'TOO_LARGE', '内容过大，无法处理。请拆分后再试。');
    req.destroy();
    return;
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === null) {
    fail(res, 413, 'TOO_LARGE', '内容过大，无法处理。请拆分后再试。');
    return;
  }
  let input: unknown = {};
  if (body.length > 0) {
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      fail(res, 400, 'INVALID_INPUT', '请求内容不是有效的 JSON。');
      return;
    }
  }
  sendJson(res, 200, await options.dispatch(method, input));
}

async function handleStatic(req: http.IncomingMessage, res: http.ServerResponse, staticDir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const file = resolveStaticPath(req.url ?? '/', staticDir);
  if (!file) {
    res.writeHead(400).end();
    return;
  }
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('未找到。若界面未构建，请先运行 npm run build:renderer。');
    return;
  }
  res.writeHead(200, {
    'Content-Type': mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : data);
}

/** Starts the loopback server on 127.0.0.1. */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const inFlight = new Set<Promise<void>>();
  const server = http.createServer((req, res) => {
    if (!hostAllowed(req.headers.host, port)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('禁止访问：Host 不符。');
      req.resume();
      return;
    }
    const url = req.url ?? '/';
    const work = (url.startsWith('/api/')
      ? handleApi(req, res, decodeURIComponent(url.slice(5).split('?')[0] ?? ''), options, token)
      : handleStatic(req, res, options.staticDir)
    ).catch(() => {
      if (!res.headersSent) fail(res, 500, 'UNSUPPORTED', '服务器内部错误。');
      else res.end();
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // A browser tab may hold a keep-alive connection open; calls in flight finish first.
      await Promise.allSettled([...inFlight]);
      const timer = setTimeout(() => server.closeAllConnections(), 2000);
      await closed;
      clearTimeout(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}
