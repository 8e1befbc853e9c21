import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAppServer, resolveStaticPath, hostAllowed } from './httpServer';
import type { AppServer } from './httpServer';
import { createDispatcher } from '../common/dispatcher';

let server: AppServer;
const staticDir = mkdtempSync(path.join(os.tmpdir(), 'wengao-static-'));
const calls: unknown[] = [];

before(async () => {
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>文稿</title>');
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const dispatch = createDispatcher({
    handlers: {
      'documents.get': (input) => {
        calls.push(input);
        throw Object.assign(new Error('找不到'), { name: 'AppError', code: 'NOT_FOUND' });
      },
      'documents.list': () => [],
    },
  });
  server = await startAppServer({ dispatch, staticDir });
});
after(() => server.close());

/** Raw request so the Host header can be set freely (fetch forbids it). */
function request(options: { path: string; method?: string; host?: string; token?: string | null; body?: string }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: options.host ?? `127.0.0.1:${server.port}`, 'Content-Type': 'application/json' };
    if (options.token !== null) headers.Authorization = `Bearer ${options.token ?? server.token}`;
    const req = http.request({ host: '127.0.0.1', port: server.port, path: options.path, method: options.method ?? 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

test('the first line names a 127.0.0.1 URL carrying the token in its fragment', () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
});

test('an API call without the token is refused with 401 and reaches no handler', async () => {
  const res = await request({ path: '/api/documents.get', token: null, body: '{"id":"abc"}' });
  assert.equal(res.status, 401);
  assert.equal(calls.length, 0);
  const wrong = await request({ path: '/api/documents.list', token: 'x'.repeat(32), body: '{}' });
  assert.equal(wrong.status, 401);
});

test('a foreign Host header (DNS rebinding) is refused with 403 even with the token', async () => {
  const res = await request({ path: '/api/documents.list', host: 'evil.example:80', body: '{}' });
  assert.equal(res.status, 403);
  const page = await request({ path: '/', method: 'GET', host: `attacker.test:${server.port}` });
  assert.equal(page.status, 403);
});

test('a valid call answers the CallResult, errors included, with status 200', async () => {
  const list = await request({ path: '/api/documents.list', body: '{}' });
  assert.deepEqual(JSON.parse(list.body), { ok: true, value: [] });
  const missing = await request({ path: '/api/documents.get', body: '{"id":"abc"}' });
  assert.equal(missing.status, 200);
  assert.equal(JSON.parse(missing.body).error.code, 'NOT_FOUND');
});

test('invalid JSON and invalid input are reported, not crashed on', async () => {
  const bad = await request({ path: '/api/documents.list', body: '{not json' });
  assert.equal(bad.status, 400);
  assert.equal(JSON.parse(bad.body).error.code, 'INVALID_INPUT');
  const invalid = await request({ path: '/api/documents.get', body: '{"id":"../../etc"}' });
  assert.equal(JSON.parse(invalid.body).error.code, 'INVALID_INPUT');
  const unknown = await request({ path: '/api/nope.nothing', body: '{}' });
  assert.equal(JSON.parse(unknown.body).error.code, 'NOT_FOUND');
});

test('GET on the API is refused; the page is served with a strict CSP', async () => {
  const get = await request({ path: '/api/documents.list', method: 'GET' });
  assert.equal(get.status, 405);
  const page = await request({ path: '/', method: 'GET', token: null });
  assert.equal(page.status, 200);
  assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
  assert.match(page.body, /文稿/);
  const asset = await request({ path: '/assets/app.js', method: 'GET', token: null });
  assert.equal(asset.headers['content-type'], 'text/javascript; charset=utf-8');
});

test('static paths cannot escape the renderer folder', async () => {
  assert.equal(resolveStaticPath('/../../etc/passwd', '/srv/app'), null);
  assert.equal(resolveStaticPath('/assets/app.js?v=1', '/srv/app'), '/srv/app/assets/app.js');
  assert.equal(resolveStaticPath('/%2e%2e/%2e%2e/etc/passwd', '/srv/app'), null);
  assert.equal(resolveStaticPath('/a%00b', '/srv/app'), null);
  assert.equal(resolveStaticPath('/%E0%A4%A', '/srv/app'), null);
  const res = await request({ path: '/%2e%2e/%2e%2e/etc/passwd', method: 'GET' });
  assert.equal(res.status, 400);
});

test('only this server\'s own host names pass the Host check', () => {
  assert.equal(hostAllowed('127.0.0.1:8080', 8080), true);
  assert.equal(hostAllowed('localhost:8080', 8080), true);
  assert.equal(hostAllowed('127.0.0.1:8081', 8080), false);
  assert.equal(hostAllowed(undefined, 8080), false);
});
