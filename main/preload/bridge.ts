// window.bridge: the renderer's only door to the shell. Two narrow functions over the two IPC
// channels; ipcRenderer itself and IPC event objects (which carry `sender`) never reach the page.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { CallResult } from '../common/contract';

/** Must equal CALL_CHANNEL in main/electron/ipc.ts (a test checks). */
export const CALL_CHANNEL = 'app:call';
/** Must equal EVENT_CHANNEL in main/electron/ipc.ts (a test checks). */
export const EVENT_CHANNEL = 'app:event';

/** What the renderer sees as window.bridge. */
export interface Bridge {
  /** Calls a contract method; resolves to its CallResult (never rejects for app errors). */
  call(method: string, input: unknown): Promise<CallResult>;
  /** Subscribes to one event by name; returns the unsubscribe function. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** Builds the bridge over ipcRenderer (injected so a test can use a fake). */
export function createBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Bridge {
  return {
    call: (method, input) => ipc.invoke(CALL_CHANNEL, method, input) as Promise<CallResult>,
    on: (event, listener) => {
      const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
        if (name === event) listener(payload);
      };
      ipc.on(EVENT_CHANNEL, handler);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, handler);
      };
    },
  };
}
