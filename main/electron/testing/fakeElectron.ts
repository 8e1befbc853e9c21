// A recording stand-in for the 'electron' module, just enough for index.test.ts to run the main
// process composition under plain Node (the Electron binary cannot run in CI). Test-only.
import { EventEmitter } from 'node:events';

/** What the fake recorded, shared with the test through globalThis. */
export interface FakeElectronState {
  appPath: string;
  order: string[];
  paths: Record<string, string>;
  privileged: unknown[];
  protocolHandlers: Map<string, (request: { url: string; method: string }) => Promise<Response>>;
  ipcHandlers: Map<string, (event: unknown, ...args: unknown[]) => unknown>;
  windows: FakeWindow[];
  menu: unknown;
  openedPaths: string[];
  external: string[];
  errorBoxes: string[];
  session: Record<string, unknown>;
  readyResolve: () => void;
  exitCode: number | null;
}

const state: FakeElectronState = ((globalThis as { __wengaoFakeElectron?: FakeElectronState }).__wengaoFakeElectron ??= {
  appPath: process.cwd(),
  order: [],
  paths: {},
  privileged: [],
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  windows: [],
  menu: null,
  openedPaths: [],
  external: [],
  errorBoxes: [],
  session: {},
  readyResolve: () => undefined,
  exitCode: null,
});

/** The fake state (for tests). */
export function fakeState(): FakeElectronState {
  return state;
}

let isReady = false;
const ready = new Promise<void>((resolve) => {
  state.readyResolve = () => {
    isReady = true;
    resolve();
  };
});

class FakeApp extends EventEmitter {
  isPackaged = false;
  setPath(name: string, value: string) {
    state.order.push(`setPath:${name}`);
    state.paths[name] = value;
  }
  getAppPath() {
    return state.appPath;
  }
  getPath(name: string) {
    return state.paths[name] ?? `/fake/${name}`;
  }
  getVersion() {
    return '0.1.0';
  }
  isReady() {
    return isReady;
  }
  whenReady() {
    return ready;
  }
  requestSingleInstanceLock() {
    state.order.push('requestSingleInstanceLock');
    return true;
  }
  quit() {
    state.order.push('quit');
  }
  exit(code = 0) {
    state.exitCode = code;
  }
}

/** The fake's main frame. */
export interface FakeFrame {
  url: string;
  processId: number;
  routingId: number;
  parent: null;
  isDestroyed(): boolean;
}

class FakeWebContents extends EventEmitter {
  sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  mainFrame: FakeFrame = { url: 'app://wengao/index.html', processId: 3, routingId: 1, parent: null, isDestroyed: () => false };
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  isDestroyed() {
    return false;
  }
  isCrashed() {
    return false;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
    this.windowOpenHandler = handler;
  }
  reload() {}
}

/** A fake BrowserWindow that records its options and close calls. */
export class FakeWindow extends EventEmitter {
  webContents = new FakeWebContents();
  loadedUrl = '';
  closeCalls = 0;
  destroyed = false;
  constructor(public options: Record<string, unknown>) {
    super();
    state.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  maximize() {}
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isVisible() {
    return true;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMaximized() {
    return false;
  }
  isFullScreen() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1200, height: 800 };
  }
  /** Like Electron: emits 'close'; unless prevented, the window is destroyed and 'closed' fires. */
  close() {
    this.closeCalls++;
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      this.destroyed = true;
      this.emit('closed');
    }
    return prevented;
  }
}

// Kept on globalThis too, so the test and index.ts see one app even if the module loads twice.
export const app: FakeApp = ((globalThis as { __wengaoFakeApp?: FakeApp }).__wengaoFakeApp ??= new FakeApp());
export const BrowserWindow = FakeWindow;
export const dialog = {
  showErrorBox: (title: string, content: string) => void state.errorBoxes.push(`${title}\n${content}`),
  showMessageBox: async () => ({ response: 1, checkboxChecked: false }),
};
export const ipcMain = {
  handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => void state.ipcHandlers.set(channel, fn),
  removeHandler: (channel: string) => void state.ipcHandlers.delete(channel),
};
export const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu: (menu: unknown) => void (state.menu = menu),
};
export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => {
    state.order.push('registerSchemesAsPrivileged');
    state.privileged.push(...schemes);
  },
  handle: (scheme: string, fn: (request: { url: string; method: string }) => Promise<Response>) => void state.protocolHandlers.set(scheme, fn),
};
export const screen = {
  getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
  getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
};
export const session = {
  defaultSession: new Proxy(
    {},
    { get: (_target, name: string) => (handler: unknown) => void (state.session[name] = handler) },
  ),
};
export const shell = {
  openPath: async (target: string) => {
    state.openedPaths.push(target);
    return '';
  },
  openExternal: async (url: string) => void state.external.push(url),
};
