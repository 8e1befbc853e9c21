// The IPC transport: exactly two channels. 'app:call' (renderer → main, invoke) carries every
// contract call, answered only when the sender is the app's own top-level page; 'app:event'
// (main → renderer) pushes events. The preload mirrors these channel names.
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import type { CallResult, EventName, EventPayload } from '../common/contract';
import { events } from '../common/contract';
import type { Dispatch } from '../common/dispatcher';
import { isAppUrl } from './appOrigin';

/** Renderer → main: ipcRenderer.invoke(CALL_CHANNEL, method, input) → CallResult. */
export const CALL_CHANNEL = 'app:call';
/** Main → renderer: webContents.send(EVENT_CHANNEL, eventName, payload). */
export const EVENT_CHANNEL = 'app:event';

/** The parts of a WebFrameMain the sender check reads (fakes in tests implement just these). */
export type FrameLike = Pick<WebFrameMain, 'url' | 'processId' | 'routingId' | 'isDestroyed'> & {
  readonly parent: FrameLike | null;
};

/**
 * True when frame is our window's main frame showing an app:// page: not null or destroyed, a
 * top-level frame (no parent), the same frame as expected (process id + routing id) and an
 * app-origin URL. Rejects other origins, file://, devtools, iframes and other windows.
 */
export function isTrustedSender(frame: FrameLike | null | undefined, expected: FrameLike | null | undefined): boolean {
  if (!frame || !expected) return false;
  try {
    if (frame.isDestroyed() || expected.isDestroyed()) return false;
    if (frame.parent !== null) return false;
    if (frame.processId !== expected.processId || frame.routingId !== expected.routingId) return false;
    return isAppUrl(frame.url);
  } catch {
    // Reading properties of a frame that went away mid-check throws; treat it as untrusted.
    return false;
  }
}

/** Answer to a call from an untrusted sender (the caller learns nothing else). */
export const UNTRUSTED_RESULT: CallResult = {
  ok: false,
  error: { code: 'UNSUPPORTED', message: '请求来自不受信任的页面，已拒绝。' },
};

/** Dependencies of the call channel. */
export interface CallChannelDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dispatch: Dispatch;
  /** Our window's main frame, or null while there is no window. */
  getMainFrame(): FrameLike | null;
  log?: (message: string) => void;
}

/** The handler behind 'app:call', exported for tests. */
export function createCallHandler(deps: Omit<CallChannelDeps, 'ipcMain'>) {
  return async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, method: unknown, input: unknown): Promise<CallResult> => {
    let frame: FrameLike | null;
    try {
      frame = event.senderFrame as FrameLike | null;
    } catch {
      frame = null;
    }
    if (!isTrustedSender(frame, deps.getMainFrame())) {
      deps.log?.(`已拒绝来自不受信任页面的调用：${typeof method === 'string' ? method : '?'}（${safeUrl(frame)}）`);
      return UNTRUSTED_RESULT;
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'INVALID_INPUT', message: '调用的功能名称无效。' } };
    }
    return deps.dispatch(method, input);
  };
}

/** A frame's URL for logs, without throwing. */
function safeUrl(frame: FrameLike | null): string {
  try {
    return frame ? frame.url : '无来源';
  } catch {
    return '已销毁的页面';
  }
}

/** Registers the 'app:call' handler; returns a function that removes it. */
export function registerCallChannel(deps: CallChannelDeps): () => void {
  const handler = createCallHandler(deps);
  deps.ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown) => handler(event, method, input));
  return () => deps.ipcMain.removeHandler(CALL_CHANNEL);
}

/** Something events can be sent to (a WebContents). */
export interface EventSink {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** Sends a raw event on 'app:event'; false when there is no live target. */
export function sendRawEvent(target: EventSink | null | undefined, name: string, payload: unknown): boolean {
  if (!target || target.isDestroyed()) return false;
  target.send(EVENT_CHANNEL, name, payload);
  return true;
}

/** Sends a contract event (payload validated against its schema); false when there is no live target. */
export function sendEvent<E extends EventName>(target: EventSink | null | undefined, name: E, payload: EventPayload<E>): boolean {
  return sendRawEvent(target, name, events[name].parse(payload));
}
