// Runs the real main-process composition (index.ts) under plain Node against a recording fake of
// the 'electron' module and of core, since the Electron binary cannot run here. It checks the
// wiring the unit tests cannot: start-up order, the secure window, IPC end to end, the menu, and
// the close → flush → ack → close handshake.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import type { CallResult } from '../common/contract';
import { fakeCoreState } from './testing/fakeCore';
import { app as fakeApp, fakeState } from './testing/fakeElectron';

const here = import.meta.dirname;
const fakeElectronPath = path.join(here, 'testing', 'fakeElectron.ts');
const fakeCorePath = path.join(here, 'testing', 'fakeCore.ts');

type Resolver = (request: string, parent: unknown, ...rest: unknown[]) => string;
const loader = Module as unknown as { _resolveFilename: Resolver };
const originalResolve = loader._resolveFilename;

const electron = fakeState();
const core = fakeCoreState();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wengao-main-'));
const dataDir = path.join(tmp, 'data');

/** Waits until pending promise callbacks (and one macrotask) have run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function call(senderFrame: unknown, method: string, input: unknown = {}): Promise<CallResult> {
  const handler = electron.ipcHandlers.get('app:call');
  assert.ok(handler, 'app:call is registered');
  return handler({ senderFrame }, method, input) as Promise<CallResult>;
}

describe('main process composition (fake Electron)', () => {
  before(async () => {
    loader._resolveFilename = function (this: unknown, request, parent, ...rest) {
      if (request === 'electron') return fakeElectronPath;
      if (/(^|[\\/])core[\\/](createCore|paths)$/.test(request)) return fakeCorePath;
      return originalResolve.call(this, request, parent, ...rest);
    };
    electron.appPath = tmp;
    core.dataDir = dataDir;
    fs.mkdirSync(path.join(tmp, 'out', 'renderer'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'out', 'renderer', 'index.html'), '<!doctype html><title>文稿</title>');
    process.env.WENGAO_NATIVE_BINDING = path.join(tmp, 'better_sqlite3.node');
    await import('./index');
  });
  after(() => {
    loader._resolveFilename = originalResolve;
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('before ready: shares the data folder, then takes the single-instance lock, and registers app:// as privileged', () => {
    assert.equal(electron.paths.userData, dataDir);
    assert.equal(electron.paths.sessionData, path.join(dataDir, 'chromium'));
    const order = electron.order;
    assert.ok(order.indexOf('setPath:userData') < order.indexOf('requestSingleInstanceLock'), order.join(' → '));
    assert.deepEqual(electron.privileged, [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    assert.equal(electron.windows.length, 0, 'no window before ready');
  });

  it('on ready: hardens the session, serves app://, opens core with the Electron addon, one secure window', async () => {
    electron.readyResolve();
    await settle();
    for (const handler of ['setPermissionRequestHandler', 'setPermissionCheckHandler', 'setDevicePermissionHandler', 'setDisplayMediaRequestHandler']) {
      assert.equal(typeof electron.session[handler], 'function', handler);
    }
    const { onError, ...coreOptions } = core.options ?? {};
    assert.equal(typeof onError, 'function', 'core errors are logged');
    assert.deepEqual(coreOptions, {
      dataDir,
      resourcesDir: path.join(tmp, 'resources'),
      nativeBinding: path.join(tmp, 'better_sqlite3.node'),
      transport: 'ipc',
      version: '0.1.0',
    });
    assert.equal(electron.windows.length, 1);
    const win = electron.windows[0];
    assert.ok(win);
    const prefs = win.options.webPreferences as Record<string, unknown>;
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.ok(String(prefs.preload).endsWith(path.join('preload', 'index.js')));
    assert.equal(win.loadedUrl, 'app://wengao/index.html');
    assert.ok(win.webContents.windowOpenHandler, 'web contents hardened');
    assert.ok(electron.menu, 'menu set');

    const serve = electron.protocolHandlers.get('app');
    assert.ok(serve);
    const page = await serve({ url: 'app://wengao/index.html', method: 'GET' });
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  });

  it('answers app:call from its own page (core and shell methods) and refuses other senders', async () => {
    const win = electron.windows[0];
    assert.ok(win);
    const frame = win.webContents.mainFrame;
    assert.deepEqual(await call(frame, 'app.info'), { ok: true, value: { version: '0.1.0', dataDir, transport: 'ipc' } });
    assert.deepEqual(await call(frame, 'shell.openDataFolder'), { ok: true, value: { ok: true } });
    assert.deepEqual(electron.openedPaths, [dataDir]);
    const foreign = { ...frame, url: 'https://evil.example/' };
    const refused = await call(foreign, 'shell.openDataFolder');
    assert.equal(refused.ok === false && refused.error.code, 'UNSUPPORTED');
    assert.equal(electron.openedPaths.length, 1);
  });

  it('menu commands reach the renderer as app.didRequestCommand', () => {
    const win = electron.windows[0];
    assert.ok(win);
    const template = (electron.menu as { template: MenuItemConstructorOptions[] }).template;
    const file = template.find((m) => m.label === '文件');
    const newItem = (file?.submenu as MenuItemConstructorOptions[]).find((i) => i.label === '新建');
    (newItem?.click as () => void)();
    assert.deepEqual(win.webContents.sent.at(-1), ['app:event', 'app.didRequestCommand', { command: 'newDocument' }]);
  });

  it('closing the window asks the renderer to flush, saves the window state, and closes after the ack', async () => {
    const win = electron.windows[0];
    assert.ok(win);
    assert.equal(win.close(), true, 'the first close is held');
    assert.equal(win.isDestroyed(), false);
    assert.deepEqual(win.webContents.sent.at(-1), ['app:event', 'app.willQuit', {}]);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dataDir, 'window-state.json'), 'utf8')), {
      bounds: { x: 10, y: 20, width: 1200, height: 800 },
      maximized: false,
    });

    assert.deepEqual(await call(win.webContents.mainFrame, 'shell.readyToQuit'), { ok: true, value: { ok: true } });
    await settle();
    assert.equal(win.closeCalls, 2);
    assert.equal(win.isDestroyed(), true);
  });

  it('closes the database once when the app quits', () => {
    fakeApp.emit('will-quit');
    fakeApp.emit('will-quit');
    assert.equal(core.closed, 1);
    assert.equal(electron.errorBoxes.length, 0, 'no startup error was shown');
  });
});
