// Serves the built renderer (out/renderer) from the privileged custom scheme app://wengao/, so the
// page has a real origin (CSP 'self', no file:// privileges) and never loads remote content.
import path from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './appOrigin';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * Registers app:// as standard + secure. Must run before the app's ready event, exactly once.
 * standard: relative URLs and a real origin; secure: treated like https (secure context).
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** The path module to resolve with (posix or win32), injectable so tests cover both. */
type PathApi = Pick<typeof path, 'resolve' | 'sep' | 'extname'>;

/**
 * Maps an app:// URL to a file under root, or null when it is not ours or would leave root.
 * "/" maps to index.html; paths without an extension fall back to index.html (client routing).
 * Rejects other hosts, `..` segments (also percent-encoded), backslashes, NUL and drive letters.
 */
export function resolveAppPath(url: string, root: string, pathApi: PathApi = path): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  // After decoding, "%2F", "%5C", "%00" and "C:" could smuggle separators, NUL or drive roots.
  if (/[\\\0:]/.test(pathname)) return null;
  const segments = pathname.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;

  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const base = pathApi.resolve(root);
  const resolved = pathApi.resolve(base, relative);
  if (!resolved.startsWith(base.endsWith(pathApi.sep) ? base : base + pathApi.sep)) return null;
  if (pathApi.extname(resolved) === '') return pathApi.resolve(base, 'index.html');
  return resolved;
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** MIME type for a file name by extension; unknown types are served as octet-stream. */
export function mimeTypeFor(filePath: string): string {
  return mimeTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers every app:// response carries. */
function baseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

/** What the handler needs from a request (a subset of fetch's Request). */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

/** Dependencies of the protocol handler. */
export interface AppProtocolDeps {
  /** The built renderer folder (out/renderer). */
  root: string;
  /** Reads a whole file; rejects with ENOENT/EISDIR for missing files and folders. */
  readFile(filePath: string): Promise<Uint8Array>;
  log?: (message: string) => void;
}

/** Builds the app:// request handler given to protocol.handle. */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: AppRequest) => Promise<Response> {
  const text = (status: number, body: string): Response =>
    new Response(body, { status, headers: baseHeaders('text/plain; charset=utf-8') });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method Not Allowed');
    const filePath = resolveAppPath(request.url, deps.root);
    if (!filePath) {
      deps.log?.(`app:// 拒绝的请求：${request.url}`);
      return text(404, 'Not Found');
    }
    try {
      const body = await deps.readFile(filePath);
      const headers = baseHeaders(mimeTypeFor(filePath));
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return text(404, 'Not Found');
      deps.log?.(`app:// 读取失败：${filePath}：${String(error)}`);
      return text(500, 'Internal Error');
    }
  };
}
