// Keyboard movement in lists (the 常用语 panel, the typeahead picker, menus).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clampActive, moveActive } from './listNav';

test('↑↓ move through the list and wrap; Home/End jump; other keys do not move', () => {
  assert.equal(moveActive(-1, 'ArrowDown', 3), 0);
  assert.equal(moveActive(0, 'ArrowDown', 3), 1);
  assert.equal(moveActive(2, 'ArrowDown', 3), 0);
  assert.equal(moveActive(0, 'ArrowUp', 3), 2);
  assert.equal(moveActive(-1, 'ArrowUp', 3), 2);
  assert.equal(moveActive(1, 'Home', 3), 0);
  assert.equal(moveActive(0, 'End', 3), 2);
  assert.equal(moveActive(0, 'Enter', 3), null);
  assert.equal(moveActive(0, 'ArrowDown', 0), null);
  assert.equal(clampActive(5, 3), 0);
  assert.equal(clampActive(1, 3), 1);
  assert.equal(clampActive(0, 0), -1);
});
