// Picks how the renderer reaches the app: Electron's preload bridge (window.bridge) when present,
// else loopback HTTP with the token from the page address (browser mode, end-to-end tests).
import type { CallResult } from '@common/contract';
import type { Transport } from '@common/client';
import { errorCodes } from '@common/errors';
import { transportText } from './errors';

/** What the Electron preload exposes (see main/preload). */
export interface Bridge {
  /** Calls one contract method. */
  call(method: string, input: unknown): Promise<CallResult>;
  /** Subscribes to an app event; returns the unsubscribe function. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    /** Present only inside the Electron shell. */
    bridge?: Bridge;
  }
}

/** sessionStorage key of the browser-mode token (survives reloads of the tab, not new tabs). */
export const TOKEN_STORAGE_KEY = 'wengao.token';

/** Bodies up to this size may use fetch keepalive (the browser caps keepalive bodies at 64 KiB). */
const KEEPALIVE_MAX_BYTES = 60_000;

/** Reads the token from `#token=…`, stores it for reloads and removes it from the address bar. */
export function takeToken(loc: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(loc.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    try {
      storage.setItem(TOKEN_STORAGE_KEY, token);
      history.replaceState(history.state, '', loc.pathname + loc.search);
    } catch {
      // Storage can be disabled; the token still works for this page load.
    }
    return token;
  }
  try {
    return storage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

function failure(code: (typeof errorCodes)[number], message: string): CallResult {
  return { ok: false, error: { code, message } };
}

/** True when a parsed body is a CallResult. */
export function isCallResult(value: unknown): value is CallResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (v.ok === true) return 'value' in v;
  return (
    v.ok === false &&
    typeof v.error === 'object' &&
    v.error !== null &&
    (errorCodes as readonly unknown[]).includes(v.error.code) &&
    typeof v.error.message === 'string'
  );
}

/** Options of the HTTP transport. */
export interface HttpTransportOptions {
  /** Base address of the API, e.g. `http://127.0.0.1:4312/api/`. */
  baseUrl: string;
  token: string;
  /** fetch to use (tests pass a fake). */
  fetchImpl?: typeof fetch;
  /** When true, small requests are sent with keepalive so they outlive the page (unload). */
  isUnloading?: () => boolean;
}

/** Builds the HTTP transport: `POST <base><method>` with the bearer token, CallResult JSON back. */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const doFetch = options.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  return async (method, input) => {
    const body = JSON.stringify(input ?? {});
    const keepalive = (options.isUnloading?.() ?? false) && body.length * 3 < KEEPALIVE_MAX_BYTES;
    let response: Response;
    try {
      response = await doFetch(options.baseUrl + encodeURIComponent(method), {
        method: 'POST',
        headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json' },
        body,
        keepalive,
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      return failure('IO', transportText.unreachable);
    }
    if (response.status === 401 || response.status === 403) {
      return failure('UNSUPPORTED', transportText.badToken);
    }
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      return failure('INTERNAL', transportText.badAnswer);
    }
    return isCallResult(parsed) ? parsed : failure('INTERNAL', transportText.badAnswer);
  };
}

/** Builds the IPC transport over the preload bridge. */
export function createBridgeTransport(bridge: Bridge): Transport {
  return async (method, input) => {
    try {
      const result = await bridge.call(method, input);
      return isCallResult(result) ? result : failure('INTERNAL', transportText.badAnswer);
    } catch {
      return failure('INTERNAL', transportText.badAnswer);
    }
  };
}

/** A transport that fails every call with one message (no bridge and no token). */
export function createFailingTransport(message: string): Transport {
  return async () => failure('UNSUPPORTED', message);
}
