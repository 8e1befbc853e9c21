import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Bounds, SavedWindowState } from './windowOptions';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, windowOptions } from './windowOptions';

const laptop: Bounds = { x: 0, y: 0, width: 1920, height: 1040 }; // 1080p minus taskbar
const rightMonitor: Bounds = { x: 1920, y: 0, width: 2560, height: 1400 };
const preloadPath = '/app/out/preload/index.js';

const plan = (saved: SavedWindowState | null, workAreas: Bounds[] = [laptop]) => windowOptions({ saved, workAreas, preloadPath });

describe('windowOptions: security', () => {
  it('pins every security-relevant web preference', () => {
    const prefs = plan(null).options.webPreferences;
    assert.ok(prefs);
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.nodeIntegrationInWorker, false);
    assert.equal(prefs.nodeIntegrationInSubFrames, false);
    assert.equal(prefs.webSecurity, true);
    assert.equal(prefs.allowRunningInsecureContent, false);
    assert.equal(prefs.webviewTag, false);
    assert.equal(prefs.experimentalFeatures, false);
    assert.equal(prefs.spellcheck, false);
    assert.equal(prefs.preload, preloadPath);
  });

  it('does not let a saved state or odd displays change the security flags', () => {
    const odd = plan({ bounds: { x: -5000, y: -5000, width: 10, height: 10 }, maximized: true }, []);
    assert.deepEqual(odd.options.webPreferences, plan(null).options.webPreferences);
  });

  it('sets the Chinese title, a minimum size, a background and shows only when ready', () => {
    const { options } = plan(null);
    assert.equal(options.title, '文稿');
    assert.equal(options.minWidth, MIN_WINDOW_SIZE.width);
    assert.equal(options.minHeight, MIN_WINDOW_SIZE.height);
    assert.match(String(options.backgroundColor), /^#[0-9a-f]{6}$/i);
    assert.equal(options.show, false);
  });
});

describe('windowOptions: bounds', () => {
  it('centres the default size on the primary display on first start', () => {
    const { options, maximize } = plan(null);
    assert.equal(options.width, DEFAULT_WINDOW_SIZE.width);
    assert.equal(options.height, DEFAULT_WINDOW_SIZE.height);
    assert.equal(options.x, (1920 - 1280) / 2);
    assert.equal(options.y, (1040 - 860) / 2);
    assert.equal(maximize, false);
  });

  it('restores saved bounds that are visible, including on a second monitor', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1400, height: 1000 }, maximized: false };
    const { options } = plan(saved, [laptop, rightMonitor]);
    assert.deepEqual([options.x, options.y, options.width, options.height], [2100, 100, 1400, 1000]);
  });

  it('centres a default window when the saved monitor is gone (bounds off-screen)', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1400, height: 1000 }, maximized: false };
    const { options } = plan(saved, [laptop]);
    assert.deepEqual([options.x, options.y, options.width, options.height], [320, 90, 1280, 860]);
  });

  it('does not restore a window whose title bar is above the screen or that only peeks in', () => {
    const titleBarAbove = { bounds: { x: 100, y: -400, width: 1200, height: 800 }, maximized: false };
    assert.equal(plan(titleBarAbove).options.x, 320);
    const sliver = { bounds: { x: 1880, y: 100, width: 1200, height: 800 }, maximized: false }; // 40 px visible
    assert.equal(plan(sliver).options.x, 320);
  });

  it('clamps a restored window that is larger than its display, keeping it on screen', () => {
    const saved = { bounds: { x: 10, y: 10, width: 3000, height: 2000 }, maximized: false };
    const { options } = plan(saved);
    assert.deepEqual([options.x, options.y, options.width, options.height], [0, 0, 1920, 1040]);
  });

  it('enforces the minimum size and rejects nonsense numbers', () => {
    const tiny = plan({ bounds: { x: 50, y: 50, width: 200, height: 100 }, maximized: false }).options;
    assert.equal(tiny.width, MIN_WINDOW_SIZE.width);
    assert.equal(tiny.height, MIN_WINDOW_SIZE.height);
    const nan = plan({ bounds: { x: Number.NaN, y: 0, width: 1000, height: 700 }, maximized: false }).options;
    assert.equal(nan.x, 320);
  });

  it('shrinks the default size to a small display', () => {
    const small: Bounds = { x: 0, y: 0, width: 1024, height: 728 };
    const { options } = plan(null, [small]);
    assert.deepEqual([options.x, options.y, options.width, options.height], [0, 0, 1024, 728]);
  });

  it('maximizes again when it was maximized', () => {
    assert.equal(plan({ bounds: { x: 0, y: 0, width: 1280, height: 860 }, maximized: true }).maximize, true);
    // …also when the saved bounds are no longer visible (maximizes on the primary display).
    assert.equal(plan({ bounds: { x: 9000, y: 0, width: 1280, height: 860 }, maximized: true }).maximize, true);
  });
});
