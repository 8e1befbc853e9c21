// Word/WPS block shortcuts map to the right block types (by physical key, so layouts do not matter).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockTypeForKey, historyForKey } from './ShortcutsPlugin';

const key = (code: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>>) => ({
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

test('Ctrl+Alt+1/2/3/4 headings, Ctrl+Alt+0 and Ctrl+Shift+N 正文', () => {
  assert.equal(blockTypeForKey(key('Digit1', { ctrlKey: true, altKey: true })), 'h1');
  assert.equal(blockTypeForKey(key('Numpad2', { ctrlKey: true, altKey: true })), 'h2');
  assert.equal(blockTypeForKey(key('Digit3', { metaKey: true, altKey: true })), 'h3');
  assert.equal(blockTypeForKey(key('Digit4', { ctrlKey: true, altKey: true })), 'h4');
  assert.equal(blockTypeForKey(key('Digit0', { ctrlKey: true, altKey: true })), 'paragraph');
  assert.equal(blockTypeForKey(key('KeyN', { ctrlKey: true, shiftKey: true })), 'paragraph');
});

test('other combinations are left alone', () => {
  assert.equal(blockTypeForKey(key('Digit1', { ctrlKey: true })), null);
  assert.equal(blockTypeForKey(key('Digit1', { altKey: true })), null);
  assert.equal(blockTypeForKey(key('Digit5', { ctrlKey: true, altKey: true })), null);
  assert.equal(blockTypeForKey(key('KeyN', { ctrlKey: true })), null);
  assert.equal(blockTypeForKey(key('Digit1', { ctrlKey: true, altKey: true, shiftKey: true })), null);
});

test('Ctrl+Z undoes; Ctrl+Y and Ctrl+Shift+Z redo; other keys are not history keys', () => {
  assert.equal(historyForKey(key('KeyZ', { ctrlKey: true })), 'undo');
  assert.equal(historyForKey(key('KeyZ', { metaKey: true })), 'undo');
  assert.equal(historyForKey(key('KeyY', { ctrlKey: true })), 'redo');
  assert.equal(historyForKey(key('KeyZ', { ctrlKey: true, shiftKey: true })), 'redo');
  assert.equal(historyForKey(key('KeyZ', {})), null);
  assert.equal(historyForKey(key('KeyZ', { ctrlKey: true, altKey: true })), null);
  assert.equal(historyForKey(key('KeyY', { ctrlKey: true, shiftKey: true })), null);
});
