import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import type { HardenableContents, HardenableSession } from './security';
import { CONTENT_SECURITY_POLICY, decideNavigation, hardenSession, hardenWebContents, isAllowedExternalUrl } from './security';

describe('isAllowedExternalUrl', () => {
  it('allows https links and mailto', () => {
    for (const url of ['https://www.gov.cn/zhengce/', 'https://例子.中国/路径?q=1', 'mailto:office@example.cn', 'mailto:a@b.cn?subject=%E6%8A%A5%E5%91%8A']) {
      assert.equal(isAllowedExternalUrl(url), true, url);
    }
  });

  it('refuses everything that could run code, read files or phish', () => {
    const refused = [
      'http://example.com/', // plain http
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///C:/Windows/System32/calc.exe',
      'file://server/share/evil.exe', // UNC share
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic', // protocol handlers that launched exploits
      'search-ms:query=x',
      'vscode://file/etc/passwd',
      'app://wengao/index.html',
      'https://user:pass@bank.example/', // credentials in the URL
      'mailto:a@b.cn%0D%0ABcc:everyone@b.cn', // header injection
      'https://' + 'a'.repeat(3000) + '.cn/',
      '',
      'not a url',
    ];
    for (const url of refused) assert.equal(isAllowedExternalUrl(url), false, url);
  });
});

describe('decideNavigation', () => {
  it('keeps the app in its origin', () => {
    assert.equal(decideNavigation('app://wengao/index.html'), 'allow');
    assert.equal(decideNavigation('https://www.gov.cn/'), 'open-external');
    assert.equal(decideNavigation('file:///etc/passwd'), 'block');
    assert.equal(decideNavigation('http://127.0.0.1:4312/'), 'block');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows only own scripts and no plugins, base or form targets', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
    assert.equal(directives.get('default-src'), "'self'");
    assert.equal(directives.get('script-src'), "'self'"); // no 'unsafe-inline' / 'unsafe-eval'
    assert.equal(directives.get('object-src'), "'none'");
    assert.equal(directives.get('base-uri'), "'none'");
    assert.equal(directives.get('form-action'), "'none'");
    assert.equal(directives.get('frame-ancestors'), "'none'");
    assert.equal(directives.get('connect-src'), "'self'");
  });
});

/** A fake WebContents: an EventEmitter plus setWindowOpenHandler. */
function fakeContents() {
  const emitter = new EventEmitter() as EventEmitter & { openHandler?: (d: { url: string }) => { action: string } };
  const contents = Object.assign(emitter, {
    setWindowOpenHandler(handler: (d: { url: string }) => { action: string }) {
      emitter.openHandler = handler;
    },
  });
  return contents;
}

function fakeEvent(extra: Record<string, unknown> = {}) {
  return { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; }, ...extra };
}

describe('hardenWebContents', () => {
  const setup = () => {
    const contents = fakeContents();
    const opened: string[] = [];
    hardenWebContents(contents as unknown as HardenableContents, { openExternal: (url) => void opened.push(url) });
    return { contents, opened };
  };

  it('blocks navigation away from the app, opening allowlisted links in the browser instead', () => {
    const { contents, opened } = setup();
    const inApp = fakeEvent();
    contents.emit('will-navigate', inApp, 'app://wengao/index.html');
    assert.equal(inApp.defaultPrevented, false);

    const link = fakeEvent();
    contents.emit('will-navigate', link, 'https://www.gov.cn/');
    assert.equal(link.defaultPrevented, true);
    assert.deepEqual(opened, ['https://www.gov.cn/']);

    const file = fakeEvent();
    contents.emit('will-navigate', file, 'file:///etc/passwd');
    assert.equal(file.defaultPrevented, true);
    assert.deepEqual(opened, ['https://www.gov.cn/']);
  });

  it('blocks redirects and subframe navigation outside the app without opening anything', () => {
    const { contents, opened } = setup();
    const redirect = fakeEvent();
    contents.emit('will-redirect', redirect, 'https://www.gov.cn/');
    assert.equal(redirect.defaultPrevented, true);
    const frame = fakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-frame-navigate', frame);
    assert.equal(frame.defaultPrevented, true);
    const ownFrame = fakeEvent({ url: 'app://wengao/index.html' });
    contents.emit('will-frame-navigate', ownFrame);
    assert.equal(ownFrame.defaultPrevented, false);
    assert.deepEqual(opened, []);
  });

  it('denies every new window; allowlisted URLs go to the browser', () => {
    const { contents, opened } = setup();
    assert.deepEqual(contents.openHandler?.({ url: 'https://www.gov.cn/' }), { action: 'deny' });
    assert.deepEqual(contents.openHandler?.({ url: 'app://wengao/index.html' }), { action: 'deny' });
    assert.deepEqual(contents.openHandler?.({ url: 'javascript:alert(1)' }), { action: 'deny' });
    assert.deepEqual(opened, ['https://www.gov.cn/']);
  });

  it('refuses <webview>', () => {
    const { contents } = setup();
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach, {}, {});
    assert.equal(attach.defaultPrevented, true);
  });
});

describe('hardenSession', () => {
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  const ses = new Proxy({}, { get: (_t, name: string) => (fn: (...args: never[]) => unknown) => void (handlers[name] = fn) });
  hardenSession(ses as HardenableSession);
  const request = (permission: string, requestingUrl: string): boolean | undefined => {
    let granted: boolean | undefined;
    (handlers.setPermissionRequestHandler as (...a: unknown[]) => void)({}, permission, (g: boolean) => (granted = g), { requestingUrl });
    return granted;
  };
  const check = (permission: string, origin: string) => (handlers.setPermissionCheckHandler as (...a: unknown[]) => boolean)(null, permission, origin, {});

  it('denies every permission request and check, also to the app itself', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'midiSysex', 'hid', 'unknown']) {
      assert.equal(request(permission, 'app://wengao/index.html'), false, permission);
      assert.equal(check(permission, 'app://wengao'), false, permission);
    }
  });

  it('lets only the app page write text to the clipboard (never read it)', () => {
    assert.equal(request('clipboard-sanitized-write', 'app://wengao/index.html'), true);
    assert.equal(check('clipboard-sanitized-write', 'app://wengao'), true);
    assert.equal(request('clipboard-sanitized-write', 'https://evil.example/'), false);
    assert.equal(check('clipboard-sanitized-write', 'https://evil.example'), false);
    assert.equal(request('clipboard-read', 'app://wengao/index.html'), false);
  });

  it('denies devices and screen capture', () => {
    assert.equal((handlers.setDevicePermissionHandler as (...a: unknown[]) => boolean)({ deviceType: 'usb' }), false);
    let streams: unknown = 'unset';
    (handlers.setDisplayMediaRequestHandler as (...a: unknown[]) => void)({}, (s: unknown) => (streams = s));
    assert.equal(streams, null);
  });
});
