import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { APP_ENTRY_URL, isAppUrl } from './appOrigin';
import { createAppProtocolHandler, mimeTypeFor, resolveAppPath } from './protocol';
import { CONTENT_SECURITY_POLICY } from './security';

const root = path.resolve('/srv/app/out/renderer');

describe('resolveAppPath', () => {
  it('maps app URLs to files under the renderer root', () => {
    assert.equal(resolveAppPath('app://wengao/index.html', root), path.join(root, 'index.html'));
    assert.equal(resolveAppPath('app://wengao/assets/index-abc.js', root), path.join(root, 'assets', 'index-abc.js'));
    assert.equal(resolveAppPath('app://wengao/', root), path.join(root, 'index.html'));
    assert.equal(resolveAppPath('app://wengao', root), path.join(root, 'index.html'));
  });

  it('ignores query strings and fragments', () => {
    assert.equal(resolveAppPath('app://wengao/assets/a.css?v=3#x', root), path.join(root, 'assets', 'a.css'));
    assert.equal(resolveAppPath('app://wengao/index.html?token=..%2F..%2Fetc', root), path.join(root, 'index.html'));
  });

  it('decodes percent-encoded names (Chinese file names)', () => {
    assert.equal(resolveAppPath('app://wengao/fonts/%E5%AE%8B%E4%BD%93.woff2', root), path.join(root, 'fonts', '宋体.woff2'));
  });

  it('never leaves the root: plain, encoded and double-dot traversal', () => {
    const attacks = [
      'app://wengao/../../etc/passwd', // the URL parser already collapses these…
      'app://wengao/%2e%2e/%2e%2e/etc/passwd',
      'app://wengao/..%2F..%2Fetc%2Fpasswd', // …but not an encoded slash: decoded to ../../etc/passwd
      'app://wengao/assets/..%2F..%2F..%2Fsecret.txt',
      'app://wengao/..%5C..%5Cwindows%5Cwin.ini', // backslash separators (Windows)
      'app://wengao/C:/Windows/win.ini', // drive letter
      'app://wengao/C%3A%5CWindows%5Cwin.ini',
      'app://wengao/index.html%00.png', // NUL
      'app://wengao/%E0%A4%A', // malformed escape
    ];
    for (const url of attacks) {
      const resolved = resolveAppPath(url, root);
      assert.ok(resolved === null || resolved.startsWith(root + path.sep), `${url} → ${String(resolved)}`);
    }
    assert.equal(resolveAppPath('app://wengao/..%2F..%2Fetc%2Fpasswd', root), null);
    assert.equal(resolveAppPath('app://wengao/..%5C..%5Cwindows%5Cwin.ini', root), null);
    assert.equal(resolveAppPath('app://wengao/C:/Windows/win.ini', root), null);
    assert.equal(resolveAppPath('app://wengao/index.html%00.png', root), null);
    assert.equal(resolveAppPath('app://wengao/%E0%A4%A', root), null);
  });

  it('guards Windows paths the same way', () => {
    const winRoot = 'C:\\Program Files\\文稿\\resources\\app.asar\\out\\renderer';
    assert.equal(resolveAppPath('app://wengao/assets/a.js', winRoot, path.win32), `${winRoot}\\assets\\a.js`);
    assert.equal(resolveAppPath('app://wengao/..%5C..%5C..%5Cwin.ini', winRoot, path.win32), null);
    assert.equal(resolveAppPath('app://wengao/%2e%2e/%2e%2e/win.ini', winRoot, path.win32), `${winRoot}\\win.ini`);
    assert.equal(resolveAppPath('app://wengao/D:%5Csecret.txt', winRoot, path.win32), null);
  });

  it('rejects other schemes and hosts', () => {
    for (const url of ['file:///etc/passwd', 'https://wengao/index.html', 'app://evil/index.html', 'app://wengao.evil.com/x.js', 'not a url']) {
      assert.equal(resolveAppPath(url, root), null, url);
    }
  });

  it('falls back to index.html for extension-less routes', () => {
    assert.equal(resolveAppPath('app://wengao/library/trash', root), path.join(root, 'index.html'));
  });
});

describe('isAppUrl', () => {
  it('accepts only the app origin', () => {
    assert.equal(isAppUrl(APP_ENTRY_URL), true);
    assert.equal(isAppUrl('app://wengao/assets/x.js'), true);
    for (const url of ['app://other/index.html', 'app://user:pw@wengao/index.html', 'https://wengao/', 'file:///index.html', 'devtools://devtools/bundled/inspector.html', '', 'app:wengao']) {
      assert.equal(isAppUrl(url), false, url);
    }
  });
});

describe('mimeTypeFor', () => {
  it('gives the types the renderer needs (module scripts require a JavaScript type)', () => {
    assert.equal(mimeTypeFor('a/index.html'), 'text/html; charset=utf-8');
    assert.equal(mimeTypeFor('a/index-abc.js'), 'text/javascript; charset=utf-8');
    assert.equal(mimeTypeFor('a/x.CSS'), 'text/css; charset=utf-8');
    assert.equal(mimeTypeFor('a/f.woff2'), 'font/woff2');
    assert.equal(mimeTypeFor('a/logo.svg'), 'image/svg+xml');
    assert.equal(mimeTypeFor('a/unknown.bin'), 'application/octet-stream');
  });
});

describe('createAppProtocolHandler', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wengao-protocol-'));
  fs.mkdirSync(path.join(dir, 'renderer', 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>文稿</title>');
  fs.writeFileSync(path.join(dir, 'renderer', 'assets', 'main.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const handler = createAppProtocolHandler({ root: path.join(dir, 'renderer'), readFile: (p) => fs.promises.readFile(p) });

  it('serves files with type, CSP and nosniff headers', async () => {
    const res = await handler({ url: 'app://wengao/index.html', method: 'GET' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await res.text(), '<!doctype html><title>文稿</title>');
    const js = await handler({ url: 'app://wengao/assets/main.js', method: 'GET' });
    assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files and traversal, never the file outside root', async () => {
    for (const url of ['app://wengao/missing.js', 'app://wengao/..%2Fsecret.txt', 'app://wengao/assets/..%2F..%2Fsecret.txt', 'app://other/index.html']) {
      const res = await handler({ url, method: 'GET' });
      assert.equal(res.status, 404, url);
      assert.notEqual(await res.text(), 'secret', url);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    assert.equal((await handler({ url: 'app://wengao/index.html', method: 'POST' })).status, 405);
    const head = await handler({ url: 'app://wengao/index.html', method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  it('answers 500 (not a crash) when reading fails unexpectedly', async () => {
    const failing = createAppProtocolHandler({ root: dir, readFile: () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })) });
    assert.equal((await failing({ url: 'app://wengao/index.html', method: 'GET' })).status, 500);
  });
});
