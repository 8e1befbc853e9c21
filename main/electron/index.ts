// The Electron main process: composition only. Every decision lives in a small module next to
// this file (tested under plain Node); this file wires them to Electron's objects.
//
// Later concern: better-sqlite3 is synchronous and core runs on this (main) thread. Ordinary
// calls take well under a millisecond, but heavy work (indexing a large archive, .docx import
// and export) must move to a utilityProcess or worker so the window never freezes.
import fs from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { createDispatcher } from '../common/dispatcher';
import { createCore } from '../core/createCore';
import type { Core } from '../core/createCore';
import { defaultDataDir } from '../core/paths';
import { writeFileAtomic } from '../core/export';
import { APP_ENTRY_URL, APP_SCHEME } from './appOrigin';
import { askReloadAfterCrash, showStartupError } from './dialogs';
import { registerCallChannel, sendEvent, sendRawEvent } from './ipc';
import { buildMenuTemplate } from './menu';
import { resolveNativeBinding } from './nativeBinding';
import { createAppProtocolHandler, registerAppScheme } from './protocol';
import { createFlushCoordinator, FLUSH_TIMEOUT_MS, WILL_QUIT_EVENT, withQuitAck } from './quitFlush';
import type { FlushCoordinator } from './quitFlush';
import { hardenSession, hardenWebContents } from './security';
import { createShellHandlers } from './shellHandlers';
import { claimSingleInstance, focusWindow } from './singleInstance';
import { windowOptions } from './windowOptions';
import type { Bounds } from './windowOptions';
import { captureWindowState, loadWindowState, saveWindowState } from './windowState';

/** Logs to stderr (visible when started from a terminal). */
function log(message: string): void {
  console.error(`[文稿] ${message}`);
}

/** An error with its stack, for the log (never shown to the user). */
function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

// The CLI and the app share one data folder. Chromium's own files (cache, local storage) go to
// a subfolder so the folder the user opens from the menu stays readable.
const dataDir = defaultDataDir();
app.setPath('userData', dataDir);
app.setPath('sessionData', path.join(dataDir, 'chromium'));

// Must happen before ready.
registerAppScheme(protocol);

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
let flush: FlushCoordinator | null = null;
let quitting = false;

if (claimSingleInstance(app, onSecondInstance)) {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { openExternal: (url) => shell.openExternal(url), log });
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitting) app.quit();
  });
  app.on('will-quit', closeCore);
  app.on('activate', () => {
    if (app.isReady() && core && !mainWindow) mainWindow = createMainWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log(`启动失败：${describeError(error)}`);
      showStartupError(dialog, error);
      closeCore();
      app.exit(1);
    });
}

/** Runs once the app is ready: session hardening, app:// protocol, core, IPC, menu, window. */
function start(): void {
  hardenSession(session.defaultSession, log);

  const rendererRoot = path.join(app.getAppPath(), 'out', 'renderer');
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: rendererRoot, readFile: (file) => fs.readFile(file), log }));

  const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources');
  const nativeBinding = resolveNativeBinding({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, env: process.env });
  core = createCore({
    dataDir,
    resourcesDir,
    nativeBinding,
    transport: 'ipc',
    version: app.getVersion(),
    onError: (where, error) => log(`${where}：${describeError(error)}`),
  });

  const coordinator = createFlushCoordinator({
    timeoutMs: FLUSH_TIMEOUT_MS,
    send: () => {
      const contents = mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null;
      return Boolean(contents && !contents.isCrashed()) && sendRawEvent(contents, WILL_QUIT_EVENT, {});
    },
  });
  flush = coordinator;

  const shellHandlers = createShellHandlers({
    dataDir,
    openPath: (target) => shell.openPath(target),
    documentsDir: app.getPath('documents'),
    showSaveDialog: async (options) => {
      const result = mainWindow && !mainWindow.isDestroyed() ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    writeFile: (target, data) => writeFileAtomic(target, data),
    printToPdf: async () =>
      mainWindow && !mainWindow.isDestroyed()
        ? await mainWindow.webContents.printToPDF({ preferCSSPageSize: true, printBackground: false, generateDocumentOutline: true })
        : null,
  });
  const dispatch = createDispatcher({
    handlers: { ...core.handlers, ...shellHandlers },
    onInternalError: (method, error) => log(`${method} 出错：${describeError(error)}`),
  });
  registerCallChannel({
    ipcMain,
    dispatch: withQuitAck(dispatch, coordinator),
    getMainFrame: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.mainFrame : null),
    log,
  });

  const template = buildMenuTemplate(
    {
      command: (command) => {
        sendEvent(mainWindow?.webContents, 'app.didRequestCommand', { command });
      },
      openDataFolder: () => {
        void shell.openPath(dataDir).then((failure) => failure && log(`无法打开数据文件夹：${failure}`));
      },
    },
    process.platform,
    { isPackaged: app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));

  mainWindow = createMainWindow();
}

/** Work areas of all displays, primary first. */
function currentWorkAreas(): Bounds[] {
  const primary = screen.getPrimaryDisplay();
  return [primary.workArea, ...screen.getAllDisplays().filter((d) => d.id !== primary.id).map((d) => d.workArea)];
}

/** Creates the main window and wires its close → flush → save state → close sequence. */
function createMainWindow(): BrowserWindow {
  const icon = app.isPackaged ? undefined : path.join(app.getAppPath(), 'build', 'icon.png');
  const plan = windowOptions({
    saved: loadWindowState(dataDir),
    workAreas: currentWorkAreas(),
    preloadPath: path.join(__dirname, '../preload/index.js'),
    ...(icon ? { icon } : {}),
  });
  const win = new BrowserWindow(plan.options);
  if (plan.maximize) win.maximize();
  win.once('ready-to-show', () => win.show());

  // Pending saves are flushed by our own handshake below; a beforeunload handler must never
  // silently keep the window open (in Electron it blocks closing without asking).
  win.webContents.on('will-prevent-unload', (event) => event.preventDefault());
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    log(`渲染进程退出：${details.reason}（${details.exitCode}）`);
    void askReloadAfterCrash(dialog, win, details.reason).then((reload) => {
      if (win.isDestroyed()) return;
      if (reload) win.webContents.reload();
      else app.quit();
    });
  });

  let closeApproved = false;
  win.on('close', (event) => {
    if (closeApproved) return;
    event.preventDefault();
    saveWindowState(dataDir, captureWindowState(win), log);
    void (flush?.flush() ?? Promise.resolve('no-window' as const)).then((outcome) => {
      if (outcome === 'timeout') log(`渲染进程未在 ${FLUSH_TIMEOUT_MS} 毫秒内确认保存，继续关闭。`);
      closeApproved = true;
      if (!win.isDestroyed()) win.close();
    });
  });
  // Windows shutdown/logoff: ask the renderer to flush while we still can, close the database last.
  win.on('query-session-end', () => {
    void flush?.flush();
  });
  win.on('session-end', closeCore);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });

  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => log(`无法加载页面：${String(error)}`));
  return win;
}

/** A second launch: focus our window (or open one on macOS, where it may have been closed). */
function onSecondInstance(): void {
  if (focusWindow(mainWindow)) return;
  if (app.isReady() && core) mainWindow = createMainWindow();
}

/** Closes the database once (checkpoint + close); safe to call repeatedly. */
function closeCore(): void {
  const current = core;
  core = null;
  if (!current) return;
  try {
    current.close();
  } catch (error) {
    log(`关闭数据库出错：${String(error)}`);
  }
}
