import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CallResult } from '../common/contract';
import { createFlushCoordinator, QUIT_ACK_METHOD, withQuitAck } from './quitFlush';

/** Manual timers: run() fires every pending timer. */
function manualTimers() {
  const timers = new Map<number, () => void>();
  let next = 0;
  return {
    setTimer: (fn: () => void) => {
      timers.set(++next, fn);
      return next;
    },
    clearTimer: (handle: unknown) => void timers.delete(handle as number),
    run: () => {
      for (const [id, fn] of [...timers]) {
        timers.delete(id);
        fn();
      }
    },
    get pending() {
      return timers.size;
    },
  };
}

describe('flush before quit', () => {
  it('resolves "acked" when the renderer acknowledges, and clears its timer', async () => {
    const timers = manualTimers();
    let sent = 0;
    const c = createFlushCoordinator({ send: () => ++sent > 0, ...timers });
    const done = c.flush();
    assert.equal(sent, 1);
    assert.equal(c.ack(), true);
    assert.equal(await done, 'acked');
    assert.equal(timers.pending, 0);
  });

  it('gives up after the timeout so a hung renderer cannot block quitting', async () => {
    const timers = manualTimers();
    const c = createFlushCoordinator({ send: () => true, ...timers });
    const done = c.flush();
    timers.run();
    assert.equal(await done, 'timeout');
    assert.equal(c.ack(), false, 'a late ack is ignored');
  });

  it('really times out with real timers', async () => {
    const c = createFlushCoordinator({ send: () => true, timeoutMs: 20 });
    assert.equal(await c.flush(), 'timeout');
  });

  it('shares one wait between concurrent requests (close + quit), sending the event once', async () => {
    let sent = 0;
    const c = createFlushCoordinator({ send: () => ++sent > 0, ...manualTimers() });
    const a = c.flush();
    const b = c.flush();
    c.ack();
    assert.deepEqual(await Promise.all([a, b]), ['acked', 'acked']);
    assert.equal(sent, 1);
    // A later request asks again.
    void c.flush();
    assert.equal(sent, 2);
  });

  it('does not wait when there is no window to ask (or sending throws)', async () => {
    assert.equal(await createFlushCoordinator({ send: () => false }).flush(), 'no-window');
    assert.equal(await createFlushCoordinator({ send: () => { throw new Error('destroyed'); } }).flush(), 'no-window');
  });

  it('routes the ack call to the coordinator and everything else to the dispatcher', async () => {
    const seen: string[] = [];
    let acks = 0;
    const dispatch = withQuitAck(async (method): Promise<CallResult> => {
      seen.push(method);
      return { ok: true, value: method };
    }, { ack: () => ++acks > 0 });
    assert.deepEqual(await dispatch(QUIT_ACK_METHOD, {}), { ok: true, value: { ok: true } });
    assert.deepEqual(await dispatch('documents.list', {}), { ok: true, value: 'documents.list' });
    assert.equal(acks, 1);
    assert.deepEqual(seen, ['documents.list']);
  });
});
