// A stand-in for main/core (createCore + defaultDataDir) used by index.test.ts. Test-only.
import type { Dispatch, Handlers } from '../../common/dispatcher';

/** What the fake core recorded. */
export interface FakeCoreState {
  dataDir: string;
  options: Record<string, unknown> | null;
  closed: number;
}

const state: FakeCoreState = ((globalThis as { __wengaoFakeCore?: FakeCoreState }).__wengaoFakeCore ??= { dataDir: '', options: null, closed: 0 });

/** The fake state (for tests). */
export function fakeCoreState(): FakeCoreState {
  return state;
}

/** Fake of main/core/paths.ts. */
export function defaultDataDir(): string {
  return state.dataDir;
}

/** Fake of main/core/createCore.ts's Core. */
export interface Core {
  dispatch: Dispatch;
  handlers: Partial<Handlers>;
  dataDir: string;
  status(): unknown;
  close(): void;
}

/** Fake of main/core/createCore.ts. */
export function createCore(options: { dataDir: string; resourcesDir: string; nativeBinding?: string; transport?: string; version?: string; onError?: (where: string, error: unknown) => void }): Core {
  state.options = options;
  return {
    dispatch: async () => ({ ok: true, value: null }),
    handlers: { 'app.info': () => ({ version: options.version ?? '', dataDir: options.dataDir, transport: 'ipc' as const }) },
    dataDir: options.dataDir,
    status: () => null,
    close: () => void state.closed++,
  };
}
