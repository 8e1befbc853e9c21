// Which better-sqlite3 native addon the Electron main process loads. node_modules holds the Node
// build (used by npm test and the CLI); Electron needs its own build, which scripts/start.mjs
// makes under .cache/electron-native/ and electron-builder ships as resources/native/.
import path from 'node:path';

/** File name of the addon inside the packaged app's resources/native folder. */
export const NATIVE_ADDON_FILE = 'better_sqlite3.node';
/** Environment variable scripts/start.mjs uses to pass the development build's path. */
export const NATIVE_BINDING_ENV = 'WENGAO_NATIVE_BINDING';

/** Inputs of resolveNativeBinding. */
export interface NativeBindingInput {
  isPackaged: boolean;
  /** process.resourcesPath of the packaged app. */
  resourcesPath: string;
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * Path of the Electron build of the addon, or undefined to let better-sqlite3 find its own (the
 * Node build, which fails to load in Electron with a clear NODE_MODULE_VERSION error). A packaged
 * app always uses its bundled copy and ignores the environment, so an environment variable can
 * never make an installed app load foreign native code.
 */
export function resolveNativeBinding(input: NativeBindingInput): string | undefined {
  if (input.isPackaged) return path.join(input.resourcesPath, 'native', NATIVE_ADDON_FILE);
  const fromEnv = input.env[NATIVE_BINDING_ENV]?.trim();
  return fromEnv ? path.resolve(fromEnv) : undefined;
}
