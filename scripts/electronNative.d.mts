// Types of electronNative.mjs.
import type { NativeTarget } from './nativeBinding.mjs';

/** Result of one command run. */
export interface RunResult {
  code: number;
  output: string;
}

/** Runs a command with a working folder and environment. */
export type RunCommand = (command: string, args: string[], options: { cwd: string; env: Record<string, string> }) => Promise<RunResult>;

export declare class NativeBuildError extends Error {
  constructor(message: string);
}
export declare function runCommand(...args: Parameters<RunCommand>): ReturnType<RunCommand>;
export declare function lastLine(output: string): string;
export declare function ensureElectronNative(options: {
  root: string;
  target: NativeTarget;
  host?: { platform: string; arch: string };
  run?: RunCommand;
  log?: (message: string) => void;
  env?: Readonly<Record<string, string | undefined>>;
  betterSqlite3Dir?: string;
  prebuildBin?: string | null;
  nodeGypBin?: string | null;
}): Promise<{ path: string; built: boolean; method: string }>;
