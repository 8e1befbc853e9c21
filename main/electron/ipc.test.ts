import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CallResult } from '../common/contract';
import type { FrameLike } from './ipc';
import { CALL_CHANNEL, createCallHandler, EVENT_CHANNEL, isTrustedSender, registerCallChannel, sendEvent, UNTRUSTED_RESULT } from './ipc';
import { CALL_CHANNEL as PRELOAD_CALL_CHANNEL, EVENT_CHANNEL as PRELOAD_EVENT_CHANNEL } from '../preload/bridge';

/** A fake WebFrameMain. */
function frame(over: Partial<{ url: string; processId: number; routingId: number; destroyed: boolean; parent: FrameLike | null }> = {}): FrameLike {
  const { destroyed = false, ...rest } = over;
  return { url: 'app://wengao/index.html', processId: 4, routingId: 1, parent: null, isDestroyed: () => destroyed, ...rest };
}

describe('isTrustedSender', () => {
  const main = frame();

  it('trusts our window main frame on the app origin (also after in-app navigation)', () => {
    assert.equal(isTrustedSender(main, main), true);
    assert.equal(isTrustedSender(frame({ url: 'app://wengao/index.html?doc=1#x' }), main), true);
  });

  it('rejects other origins, file:// and devtools', () => {
    for (const url of ['https://evil.example/', 'file:///C:/index.html', 'devtools://devtools/bundled/devtools_app.html', 'app://other/index.html', 'about:blank', 'data:text/html,x', '']) {
      assert.equal(isTrustedSender(frame({ url }), main), false, url);
    }
  });

  it('rejects a subframe, even one on the app origin', () => {
    assert.equal(isTrustedSender(frame({ parent: main, routingId: 7 }), main), false);
    assert.equal(isTrustedSender(frame({ parent: main }), main), false);
  });

  it('rejects another window or process (a different frame that looks the same)', () => {
    assert.equal(isTrustedSender(frame({ processId: 9 }), main), false);
    assert.equal(isTrustedSender(frame({ routingId: 2 }), main), false);
  });

  it('rejects a missing or destroyed frame, and any frame while we have no window', () => {
    assert.equal(isTrustedSender(null, main), false);
    assert.equal(isTrustedSender(undefined, main), false);
    assert.equal(isTrustedSender(frame({ destroyed: true }), main), false);
    assert.equal(isTrustedSender(main, null), false);
    assert.equal(isTrustedSender(main, frame({ destroyed: true })), false);
  });

  it('rejects a frame whose properties throw (destroyed mid-check)', () => {
    const throwing = { ...frame(), get url(): string { throw new Error('Render frame was disposed'); } } as FrameLike;
    assert.equal(isTrustedSender(throwing, main), false);
  });
});

describe('app:call handler', () => {
  const main = frame();
  const calls: [string, unknown][] = [];
  const ok: CallResult = { ok: true, value: 'done' };
  const logs: string[] = [];
  const handler = createCallHandler({
    dispatch: async (method, input) => {
      calls.push([method, input]);
      return ok;
    },
    getMainFrame: () => main,
    log: (m) => logs.push(m),
  });

  it('dispatches calls from the trusted page', async () => {
    assert.deepEqual(await handler({ senderFrame: main as never }, 'documents.list', { trashed: false }), ok);
    assert.deepEqual(calls.at(-1), ['documents.list', { trashed: false }]);
  });

  it('answers UNSUPPORTED without dispatching, and logs, for untrusted senders', async () => {
    const before = calls.length;
    const result = await handler({ senderFrame: frame({ url: 'https://evil.example/' }) as never }, 'documents.deleteForever', { id: 'x' });
    assert.deepEqual(result, UNTRUSTED_RESULT);
    assert.equal(result.ok === false && result.error.code, 'UNSUPPORTED');
    assert.equal(await handler({ senderFrame: null }, 'documents.list', {}).then((r) => r.ok), false);
    assert.equal(calls.length, before);
    assert.ok(logs.some((m) => m.includes('documents.deleteForever') && m.includes('evil.example')));
  });

  it('rejects a non-string method name', async () => {
    const result = await handler({ senderFrame: main as never }, { toString: () => 'documents.list' }, {});
    assert.equal(result.ok === false && result.error.code, 'INVALID_INPUT');
  });

  it('registers exactly one channel, the one the preload invokes', () => {
    const channels: string[] = [];
    const remove = registerCallChannel({
      ipcMain: { handle: (channel: string) => void channels.push(channel), removeHandler: (channel: string) => void channels.splice(channels.indexOf(channel), 1) },
      dispatch: async () => ok,
      getMainFrame: () => main,
    });
    assert.deepEqual(channels, [CALL_CHANNEL]);
    remove();
    assert.deepEqual(channels, []);
    assert.equal(CALL_CHANNEL, PRELOAD_CALL_CHANNEL);
    assert.equal(EVENT_CHANNEL, PRELOAD_EVENT_CHANNEL);
  });
});

describe('sendEvent', () => {
  it('sends validated contract events on app:event, and nothing to a destroyed window', () => {
    const sent: unknown[][] = [];
    const target = { destroyed: false, isDestroyed() { return this.destroyed; }, send: (...args: unknown[]) => void sent.push(args) };
    assert.equal(sendEvent(target, 'app.didRequestCommand', { command: 'saveNow' }), true);
    assert.deepEqual(sent, [[EVENT_CHANNEL, 'app.didRequestCommand', { command: 'saveNow' }]]);
    assert.throws(() => sendEvent(target, 'app.didRequestCommand', { command: 'format-disk' as never }));
    target.destroyed = true;
    assert.equal(sendEvent(target, 'app.didRequestCommand', { command: 'saveNow' }), false);
    assert.equal(sendEvent(null, 'app.didRequestCommand', { command: 'saveNow' }), false);
    assert.equal(sent.length, 1);
  });
});
