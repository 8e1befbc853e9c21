// The app's own origin: the renderer is served from app://wengao/ (see protocol.ts), and every
// trust decision (navigation, IPC sender, window.open) compares against it.

/** The custom scheme the renderer is served from. */
export const APP_SCHEME = 'app';
/** The one host of the custom scheme. */
export const APP_HOST = 'wengao';
/** The app's origin, as Chromium reports it for a standard scheme. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when url is a page or file of the app itself (scheme and host match exactly, no credentials). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // URL.origin is "null" for non-special schemes in WHATWG URL, so compare the parts.
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
}
