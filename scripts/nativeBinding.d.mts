// Types of nativeBinding.mjs (plain JavaScript so `node scripts/start.mjs` runs without a compiler).

/** One Electron build of the addon: Electron version and process.platform / process.arch names. */
export interface NativeTarget {
  electronVersion: string;
  platform: string;
  arch: string;
}

export declare const ADDON_FILE: 'better_sqlite3.node';
export declare const BUILD_INFO_FILE: 'build-info.json';
export declare const DEFAULT_HEADERS_URL: string;
export declare const NATIVE_BINDING_ENV: 'WENGAO_NATIVE_BINDING';
export declare function nativeTargetKey(target: NativeTarget): string;
export declare function electronNativeDir(root: string, target: NativeTarget): string;
export declare function electronNativeBinding(root: string, target: NativeTarget): string;
export declare function isCacheFresh(info: unknown, target: NativeTarget, betterSqlite3Version: string): boolean;
export declare function builderOs(platform: string): 'win' | 'mac' | 'linux';
export declare function platformOfBuilderOs(os: string): 'win32' | 'darwin' | 'linux';
export declare function distStagingDir(root: string, platform: string, arch: string): string;
export declare function electronExecutable(platform: string): string;
export declare function resolveElectronBinary(input: {
  electronDir: string;
  platform: string;
  env: Readonly<Record<string, string | undefined>>;
  pathTxt?: string | null;
}): string;
export declare function cleanBuildEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string>;
export declare function prebuildInstallArgs(target: NativeTarget): string[];
export declare function nodeGypArgs(target: NativeTarget, headersUrl?: string): string[];
export declare function canCompileHere(target: NativeTarget, host: { platform: string; arch: string }): boolean;
export declare function distPlatforms(argv: readonly string[], hostPlatform: string): string[];
export declare function configuredArchs(config: unknown, platform: string, hostArch: string): string[];
export declare const messages: {
  electronNotInstalled(): string;
  electronMissing(binary: string): string;
  nativeBuildFailed(target: NativeTarget, attempts: { method: string; reason: string }[], logFile: string): string;
};
