// The renderer's one way out: a typed client of the contract over IPC or HTTP, the app's events,
// and what the current transport can and cannot do.
import { createClient } from '@common/client';
import type { Client, Transport } from '@common/client';
import { events } from '@common/contract';
import type { EventName, EventPayload } from '@common/contract';
import { transportText } from './errors';
import { createBridgeTransport, createFailingTransport, createHttpTransport, takeToken } from './transport';

/** Which transport the page talks through. */
export type TransportKind = 'ipc' | 'http' | 'none';

/** The client and what it runs over. */
export interface Api {
  client: Client;
  kind: TransportKind;
  /** Subscribes to an app event (IPC only; HTTP has no push channel). Returns the unsubscribe. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Marks the page as unloading so the last saves are sent with fetch keepalive. */
  setUnloading(unloading: boolean): void;
}

/** Builds the Api for this window: the bridge if the preload installed one, else HTTP. */
export function createApi(win: Window = window): Api {
  let unloading = false;
  const bridge = win.bridge;
  let transport: Transport;
  let kind: TransportKind;
  if (bridge) {
    transport = createBridgeTransport(bridge);
    kind = 'ipc';
  } else {
    const token = takeToken(win.location, win.sessionStorage, win.history);
    if (token) {
      transport = createHttpTransport({
        baseUrl: new URL('/api/', win.location.href).href,
        token,
        isUnloading: () => unloading,
      });
      kind = 'http';
    } else {
      transport = createFailingTransport(transportText.noTransport);
      kind = 'none';
    }
  }
  return {
    client: createClient(transport),
    kind,
    on(event, listener) {
      if (!bridge) return () => undefined;
      const schema = events[event];
      return bridge.on(event, (payload) => {
        const parsed = schema.safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof event>);
      });
    },
    setUnloading(value) {
      unloading = value;
    },
  };
}
