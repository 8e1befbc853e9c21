// Tests the preload's bridge factory with a fake ipcRenderer (the real preload needs Electron).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createBridge } from '../preload/bridge';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc';

function fakeIpc() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const invoked: unknown[][] = [];
  return {
    invoked,
    listeners,
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, value: null };
    },
    on(channel: string, fn: (...args: unknown[]) => void) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(fn);
      return this;
    },
    removeListener(channel: string, fn: (...args: unknown[]) => void) {
      listeners.get(channel)?.delete(fn);
      return this;
    },
    emit(channel: string, ...args: unknown[]) {
      for (const fn of listeners.get(channel) ?? []) fn(...args);
    },
  };
}

describe('preload bridge', () => {
  it('exposes exactly call and on', () => {
    assert.deepEqual(Object.keys(createBridge(fakeIpc() as never)).sort(), ['call', 'on']);
  });

  it('call invokes app:call with method and input', async () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc as never);
    assert.deepEqual(await bridge.call('documents.get', { id: 'a' }), { ok: true, value: null });
    assert.deepEqual(ipc.invoked, [[CALL_CHANNEL, 'documents.get', { id: 'a' }]]);
  });

  it('on delivers only the named event, only the payload (never the IPC event with its sender), and unsubscribes', () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc as never);
    const received: unknown[][] = [];
    const off = bridge.on('app.didRequestCommand', (...args: unknown[]) => received.push(args));
    const ipcEvent = { sender: { send() {} }, senderId: 0 };
    ipc.emit(EVENT_CHANNEL, ipcEvent, 'documents.didChange', { ids: ['a'] });
    ipc.emit(EVENT_CHANNEL, ipcEvent, 'app.didRequestCommand', { command: 'find' });
    assert.deepEqual(received, [[{ command: 'find' }]]);
    off();
    ipc.emit(EVENT_CHANNEL, ipcEvent, 'app.didRequestCommand', { command: 'find' });
    assert.equal(received.length, 1);
    assert.equal(ipc.listeners.get(EVENT_CHANNEL)?.size, 0);
  });
});
