// Remembers the main window's size, position and maximized state in <dataDir>/window-state.json.
// Written atomically (temp file + rename); a missing or corrupt file just means "use defaults".
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { BrowserWindow } from 'electron';
import type { SavedWindowState } from './windowOptions';

/** File name of the window state inside the data folder. */
export const WINDOW_STATE_FILE = 'window-state.json';

const coordinate = z.number().finite().min(-100_000).max(100_000);
const size = z.number().finite().min(1).max(100_000);
const stateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: size, height: size }),
  maximized: z.boolean(),
});

/** Reads the saved window state; null when absent, unreadable or malformed (never throws). */
export function loadWindowState(dataDir: string): SavedWindowState | null {
  let raw: string;
  try {
    raw = fs.readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = stateSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Saves the window state atomically: a reader (or a crash mid-write) sees the old file or the new
 * one, never half of one. Failures are reported, not thrown: losing the window size is harmless.
 */
export function saveWindowState(dataDir: string, state: SavedWindowState, log: (message: string) => void = () => undefined): boolean {
  const target = path.join(dataDir, WINDOW_STATE_FILE);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeFileSync(fd, JSON.stringify(stateSchema.parse(state), null, 2));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
    return true;
  } catch (error) {
    log(`无法保存窗口位置：${String(error)}`);
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // the temp file may not exist; nothing else to clean up
    }
    return false;
  }
}

/** The state to save for a window: its normal (un-maximized) bounds and whether it is maximized. */
export function captureWindowState(win: Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized' | 'isFullScreen'>): SavedWindowState {
  return { bounds: win.getNormalBounds(), maximized: win.isMaximized() || win.isFullScreen() };
}
