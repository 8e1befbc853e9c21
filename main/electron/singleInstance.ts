// One running 文稿 per data folder: two processes writing one database (and one window-state
// file) is how text gets lost. A second launch focuses the existing window and exits.
import type { App, BrowserWindow } from 'electron';

/**
 * Takes the single-instance lock. Returns false (after asking the app to quit) when another
 * instance holds it; otherwise returns true and calls onSecondInstance for each later launch.
 */
export function claimSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => onSecondInstance());
  return true;
}

/** Brings a window to the front: restored if minimized, shown if hidden, focused. */
export function focusWindow(win: Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'isVisible' | 'show' | 'focus'> | null): boolean {
  if (!win || win.isDestroyed()) return false;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
  return true;
}
