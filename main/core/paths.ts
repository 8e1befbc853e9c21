// Where the desktop app keeps its data. The CLI and browser mode default to the same folder, so
// every entry point sees the same documents.
import os from 'node:os';
import path from 'node:path';

/** Name of the app's folder inside the per-user application data folder. */
export const APP_FOLDER = 'Wengao';

/** What defaultDataDir reads from the environment (injectable for tests). */
export interface PlatformInfo {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  homedir: string;
}

/**
 * The per-user data folder `<appData>/Wengao`: %APPDATA% on Windows, ~/Library/Application Support
 * on macOS, $XDG_CONFIG_HOME or ~/.config elsewhere — the folder Electron's app.getPath('appData')
 * names, so the desktop app, the CLI and browser mode agree without Electron.
 */
export function defaultDataDir(info: PlatformInfo = { platform: process.platform, env: process.env, homedir: os.homedir() }): string {
  const { platform, env, homedir } = info;
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(env.USERPROFILE || homedir, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_FOLDER);
  }
  if (platform === 'darwin') return path.posix.join(homedir, 'Library', 'Application Support', APP_FOLDER);
  const config = env.XDG_CONFIG_HOME && path.posix.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.posix.join(homedir, '.config');
  return path.posix.join(config, APP_FOLDER);
}
