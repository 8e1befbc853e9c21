// The main window's options: every security flag pinned, and the saved size/position restored
// only when it is still visible on one of the current displays (monitors get unplugged).
import type { BrowserWindowConstructorOptions } from 'electron';

/** A rectangle in screen DIP (device-independent pixels). */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What window-state.json stores: the normal (restored) bounds and whether it was maximized. */
export interface SavedWindowState {
  bounds: Bounds;
  maximized: boolean;
}

/** Size of a fresh window, in DIP; shrunk to fit a smaller work area. */
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 860 } as const;
/** Smallest window the layout (library + editor) still works in, in DIP. */
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;
/** Paper-like background shown before the renderer paints (avoids a white/black flash). */
export const WINDOW_BACKGROUND = '#f6f6f4';
/** Window title (the renderer may set the document title later). */
export const WINDOW_TITLE = '文稿';

/** How much of the window (DIP) must lie on a display, including its title bar, to count as visible. */
const MIN_VISIBLE = 100;

/** Overlap of two rectangles; zero width/height when they do not overlap. */
function overlap(a: Bounds, b: Bounds): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/** True for a rectangle of finite numbers with a positive size. */
function isSaneBounds(b: Bounds): boolean {
  return [b.x, b.y, b.width, b.height].every(Number.isFinite) && b.width > 0 && b.height > 0;
}

/**
 * The work area the saved bounds are usable on, or null: the window must overlap it by at least
 * 100×100 DIP and its top edge (the title bar, which the user drags) must lie within it.
 */
export function findVisibleWorkArea(bounds: Bounds, workAreas: readonly Bounds[]): Bounds | null {
  if (!isSaneBounds(bounds)) return null;
  for (const area of workAreas) {
    const o = overlap(bounds, area);
    const titleBarOnArea = bounds.y >= area.y && bounds.y <= area.y + area.height - MIN_VISIBLE;
    if (o.width >= Math.min(MIN_VISIBLE, bounds.width) && o.height >= Math.min(MIN_VISIBLE, bounds.height) && titleBarOnArea) {
      return area;
    }
  }
  return null;
}

/** A default-size window centred on the work area. */
export function centredBounds(area: Bounds): Bounds {
  const width = Math.min(DEFAULT_WINDOW_SIZE.width, area.width);
  const height = Math.min(DEFAULT_WINDOW_SIZE.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/** The bounds to open with: the saved ones if visible (clamped to that display), else centred. */
export function initialBounds(saved: SavedWindowState | null, workAreas: readonly Bounds[]): Bounds | null {
  const primary = workAreas[0];
  if (!primary) return null;
  if (saved) {
    const area = findVisibleWorkArea(saved.bounds, workAreas);
    if (area) {
      const width = Math.round(Math.min(Math.max(saved.bounds.width, MIN_WINDOW_SIZE.width), area.width));
      const height = Math.round(Math.min(Math.max(saved.bounds.height, MIN_WINDOW_SIZE.height), area.height));
      // Pull the window back inside the display when the larger size or a partial overlap spills over.
      const x = Math.round(Math.min(Math.max(saved.bounds.x, area.x), area.x + area.width - width));
      const y = Math.round(Math.min(Math.max(saved.bounds.y, area.y), area.y + area.height - height));
      return { x, y, width, height };
    }
  }
  return centredBounds(primary);
}

/** Inputs of windowOptions. */
export interface WindowOptionsInput {
  /** The saved state, or null on first start or when the file was unreadable. */
  saved: SavedWindowState | null;
  /** Work areas of the current displays, primary first. */
  workAreas: readonly Bounds[];
  /** Absolute path of the built preload script (CommonJS). */
  preloadPath: string;
  /** Window icon (Linux/Windows in development; packaged apps use the executable's icon). */
  icon?: string;
}

/** BrowserWindow options plus whether to maximize after creation (there is no constructor flag). */
export interface WindowPlan {
  options: BrowserWindowConstructorOptions;
  maximize: boolean;
}

/** Builds the main window's options: secure web preferences and restored or centred bounds. */
export function windowOptions(input: WindowOptionsInput): WindowPlan {
  const bounds = initialBounds(input.saved, input.workAreas);
  const options: BrowserWindowConstructorOptions = {
    ...(bounds ?? { width: DEFAULT_WINDOW_SIZE.width, height: DEFAULT_WINDOW_SIZE.height, center: true }),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: WINDOW_TITLE,
    backgroundColor: WINDOW_BACKGROUND,
    // Shown on ready-to-show, so the user never sees an empty frame.
    show: false,
    ...(input.icon ? { icon: input.icon } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Chromium's spellchecker flags most Chinese text; proofreading is the app's own feature.
      spellcheck: false,
      safeDialogs: true,
    },
  };
  return { options, maximize: Boolean(input.saved?.maximized) && bounds !== null };
}
