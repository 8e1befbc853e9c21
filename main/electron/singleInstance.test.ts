import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimSingleInstance, focusWindow } from './singleInstance';

function fakeApp(gotLock: boolean) {
  const handlers = new Map<string, () => void>();
  let quit = 0;
  const app = {
    requestSingleInstanceLock: () => gotLock,
    quit: () => void quit++,
    on: (event: string, fn: () => void) => {
      handlers.set(event, fn);
      return app;
    },
  };
  return { app, handlers, quits: () => quit };
}

describe('single instance', () => {
  it('a second launch quits at once', () => {
    const { app, quits, handlers } = fakeApp(false);
    assert.equal(claimSingleInstance(app as never, () => undefined), false);
    assert.equal(quits(), 1);
    assert.equal(handlers.size, 0);
  });

  it('the first instance focuses its window when launched again', () => {
    const { app, handlers } = fakeApp(true);
    const calls: string[] = [];
    const win = {
      isDestroyed: () => false,
      isMinimized: () => true,
      restore: () => void calls.push('restore'),
      isVisible: () => false,
      show: () => void calls.push('show'),
      focus: () => void calls.push('focus'),
    };
    assert.equal(claimSingleInstance(app as never, () => focusWindow(win)), true);
    handlers.get('second-instance')?.();
    assert.deepEqual(calls, ['restore', 'show', 'focus']);
  });

  it('focusWindow reports when there is no window to focus', () => {
    assert.equal(focusWindow(null), false);
    assert.equal(focusWindow({ isDestroyed: () => true } as never), false);
  });
});
