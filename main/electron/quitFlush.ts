// Before the window closes or the app quits, the renderer must flush its pending saves (text typed
// in the last autosave interval). The shell sends 'app.willQuit' on 'app:event' and waits for the
// renderer's acknowledgement call 'shell.readyToQuit' on 'app:call', at most FLUSH_TIMEOUT_MS.
import type { CallResult } from '../common/contract';
import type { Dispatch } from '../common/dispatcher';

/** Event asking the renderer to flush pending saves now (payload: {}). */
export const WILL_QUIT_EVENT = 'app.willQuit';
/** Call with which the renderer reports that its pending saves are flushed (input: {}). */
export const QUIT_ACK_METHOD = 'shell.readyToQuit';
/** Longest wait for the renderer's acknowledgement, in milliseconds. */
export const FLUSH_TIMEOUT_MS = 3000;

/** How a flush request ended. */
export type FlushOutcome = 'acked' | 'timeout' | 'no-window';

/** Asks the renderer to flush and resolves when it acknowledges, or on timeout. */
export interface FlushCoordinator {
  /** Requests a flush; concurrent requests share one wait. Never rejects. */
  flush(): Promise<FlushOutcome>;
  /** Records the renderer's acknowledgement; false when no flush was pending. */
  ack(): boolean;
}

/** Dependencies of the coordinator (timers injectable for tests). */
export interface FlushDeps {
  /** Sends the will-quit event; false when there is no live window to ask. */
  send(): boolean;
  timeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** Builds the flush coordinator. */
export function createFlushCoordinator(deps: FlushDeps): FlushCoordinator {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let pending: { promise: Promise<FlushOutcome>; settle: (outcome: FlushOutcome) => void } | null = null;

  return {
    flush() {
      if (pending) return pending.promise;
      let sent: boolean;
      try {
        sent = deps.send();
      } catch {
        sent = false;
      }
      if (!sent) return Promise.resolve('no-window');
      let settle!: (outcome: FlushOutcome) => void;
      const promise = new Promise<FlushOutcome>((resolve) => {
        const timer = setTimer(() => settle('timeout'), deps.timeoutMs ?? FLUSH_TIMEOUT_MS);
        settle = (outcome) => {
          clearTimer(timer);
          pending = null;
          resolve(outcome);
        };
      });
      pending = { promise, settle };
      return promise;
    },
    ack() {
      if (!pending) return false;
      pending.settle('acked');
      return true;
    },
  };
}

/**
 * Wraps the dispatcher so QUIT_ACK_METHOD reaches the coordinator. It is a shell-only method the
 * HTTP transport never serves; intercepting it here keeps it working whether or not the contract
 * lists it yet.
 */
export function withQuitAck(dispatch: Dispatch, coordinator: Pick<FlushCoordinator, 'ack'>): Dispatch {
  return async (method, input): Promise<CallResult> => {
    if (method === QUIT_ACK_METHOD) {
      coordinator.ack();
      return { ok: true, value: { ok: true } };
    }
    return dispatch(method, input);
  };
}
