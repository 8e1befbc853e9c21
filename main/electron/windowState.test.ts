import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { captureWindowState, loadWindowState, saveWindowState, WINDOW_STATE_FILE } from './windowState';

describe('windowState', () => {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wengao-window-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const state = { bounds: { x: 10, y: 20, width: 1300, height: 900 }, maximized: true };

  it('round-trips the state and leaves no temp file behind', () => {
    assert.equal(saveWindowState(dir, state), true);
    assert.deepEqual(loadWindowState(dir), state);
    assert.deepEqual(fs.readdirSync(dir), [WINDOW_STATE_FILE]);
  });

  it('creates the data folder when missing', () => {
    const nested = path.join(dir, 'a', 'b');
    assert.equal(saveWindowState(nested, state), true);
    assert.deepEqual(loadWindowState(nested), state);
  });

  it('treats a missing, corrupt, truncated or wrongly shaped file as "no saved state"', () => {
    assert.equal(loadWindowState(dir), null);
    const file = path.join(dir, WINDOW_STATE_FILE);
    for (const content of ['', '\0\0\0\0', '{"bounds":{"x":1', 'null', '[]', '{"bounds":{"x":"1","y":0,"width":800,"height":600},"maximized":false}', '{"bounds":{"x":0,"y":0,"width":-5,"height":600},"maximized":false}', '{"maximized":true}']) {
      fs.writeFileSync(file, content);
      assert.equal(loadWindowState(dir), null, JSON.stringify(content));
    }
  });

  it('overwrites a corrupt file with a good one', () => {
    fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), '{{{{');
    assert.equal(saveWindowState(dir, state), true);
    assert.deepEqual(loadWindowState(dir), state);
  });

  it('reports failure instead of throwing when the folder cannot be written', () => {
    const blocker = path.join(dir, 'file-not-folder');
    fs.writeFileSync(blocker, 'x');
    const messages: string[] = [];
    assert.equal(saveWindowState(blocker, state, (m) => messages.push(m)), false);
    assert.equal(messages.length, 1);
  });

  it('captures the normal bounds, counting full screen as maximized', () => {
    const win = { getNormalBounds: () => ({ x: 1, y: 2, width: 900, height: 700 }), isMaximized: () => false, isFullScreen: () => true };
    assert.deepEqual(captureWindowState(win), { bounds: { x: 1, y: 2, width: 900, height: 700 }, maximized: true });
  });
});
