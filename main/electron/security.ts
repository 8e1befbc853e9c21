// The Electron security checklist applied to every session and web contents: strict CSP, every
// permission denied, navigation pinned to the app origin, no new windows, no <webview>, and
// external links opened in the system browser only when they pass an allowlist.
import type { Event, HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { isAppUrl } from './appOrigin';

/** Content-Security-Policy sent with every app:// response. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Longest external URL we hand to the OS, in characters. */
const MAX_EXTERNAL_URL_CHARS = 2048;

/**
 * True when url may be opened in the system browser / mail client: https with a host and no
 * embedded credentials, or mailto. Everything else (http, file, javascript, data, custom
 * protocols that launch other programs, smb/UNC shares) is refused.
 */
export function isAllowedExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_CHARS) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:') return parsed.hostname !== '' && !parsed.username && !parsed.password;
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0 && !/[\r\n]/.test(decodeSafely(url));
  return false;
}

/** decodeURIComponent that never throws (malformed input is returned as is). */
function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** What to do with a navigation of an app page. */
export type NavigationDecision = 'allow' | 'open-external' | 'block';

/** Navigation inside the app origin is allowed; allowlisted links go to the browser; the rest is blocked. */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  return isAllowedExternalUrl(url) ? 'open-external' : 'block';
}

/** The session methods hardenSession uses. */
export type HardenableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setDisplayMediaRequestHandler'
>;

/**
 * The one permission the app's own page gets: writing plain text to the clipboard
 * (navigator.clipboard.writeText, e.g. "copy the data folder path"). Reading the clipboard stays
 * denied; paste goes through the editor's paste event and the menu's paste role, which need none.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}

/**
 * Denies every permission request and check (camera, microphone, notifications, geolocation,
 * clipboard-read, …) except isPermissionAllowed, every device (HID, serial, USB) and screen capture.
 */
export function hardenSession(ses: HardenableSession, log: (message: string) => void = () => undefined): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission, details.requestingUrl);
    if (!allowed) log(`已拒绝权限请求：${permission}（${details.requestingUrl}）`);
    callback(allowed);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
}

/** What hardenWebContents needs besides the web contents. */
export interface HardenDeps {
  /** Opens a URL with the OS (shell.openExternal); only called with allowlisted URLs. */
  openExternal(url: string): Promise<void> | void;
  log?: (message: string) => void;
}

/** The web contents methods hardenWebContents uses. */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Pins a web contents to the app origin: blocks navigation and redirects elsewhere (opening
 * allowlisted links externally instead), denies every window.open, and refuses <webview>.
 * Apply to every web contents (app.on('web-contents-created')), not only the main window.
 */
export function hardenWebContents(contents: HardenableContents, deps: HardenDeps): void {
  const log = deps.log ?? (() => undefined);
  const openExternal = (url: string): void => {
    Promise.resolve(deps.openExternal(url)).catch((error: unknown) => log(`无法打开外部链接：${String(error)}`));
  };

  contents.on('will-navigate', (event: Event, url: string) => {
    const decision = decideNavigation(url);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') openExternal(url);
    else log(`已阻止跳转：${url}`);
  });
  // Covers subframes too (will-navigate fires for the main frame only); never opens anything.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      log(`已阻止框架跳转：${event.url}`);
    }
  });
  contents.on('will-redirect', (event: Event, url: string) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      log(`已阻止重定向：${url}`);
    }
  });
  contents.on('will-attach-webview', (event: Event) => {
    event.preventDefault();
    log('已阻止 <webview>');
  });
  contents.setWindowOpenHandler((details: HandlerDetails): WindowOpenHandlerResponse => {
    if (isAllowedExternalUrl(details.url)) openExternal(details.url);
    else log(`已阻止新窗口：${details.url}`);
    return { action: 'deny' };
  });
}
