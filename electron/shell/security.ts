import { app, shell, type Session, type WebContents } from 'electron';
import { APP_SCHEME, isAppUrl } from './appUrl';
import type { Logger } from './log';

/**
 * The Electron security baseline of DESIGN.md §9 that is not part of a window's own options:
 * Chromium switches, the session's permission and network policy, and the navigation rules
 * every web contents gets. The app makes zero network requests; everything it shows comes
 * from the `app:` protocol.
 */

/**
 * Chromium switches that stop background traffic. Must run before the app is ready.
 * `disable-http-cache` is an Electron-documented switch; the others are Chromium's own, which
 * Electron passes through (no effect where a version ignores one, never an error).
 */
export function applyOfflineSwitches(): void {
  const switches: Array<[string, string?]> = [
    ['disable-background-networking'],
    ['disable-component-update'],
    ['disable-domain-reliability'],
    ['disable-http-cache'],
    ['no-pings'],
    // No proxy auto-detection (WPAD), which would look up a host on the local network.
    ['no-proxy-server'],
    // Belt and braces behind the request filter: no host name resolves, so even a request
    // that slipped past the filter (a Chromium-internal one) cannot reach a server.
    ['host-resolver-rules', 'MAP * ~NOTFOUND'],
  ];
  for (const [name, value] of switches) {
    if (value === undefined) app.commandLine.appendSwitch(name);
    else app.commandLine.appendSwitch(name, value);
  }
}

/**
 * Schemes a request may use. `data:` and `blob:` never leave the process (the CSP allows them
 * for images); `devtools:` and `chrome-extension:` are what DevTools loads in development.
 */
function allowedSchemes(development: boolean): Set<string> {
  const schemes = [`${APP_SCHEME}:`, 'data:', 'blob:'];
  if (development) schemes.push('devtools:', 'chrome-extension:');
  return new Set(schemes);
}

function schemeOf(url: string): string {
  const colon = url.indexOf(':');
  return colon > 0 ? url.slice(0, colon + 1).toLowerCase() : '';
}

/** Denies every permission and cancels every request that would leave the app. */
export function hardenSession(session: Session, options: { development: boolean; log: Logger }): void {
  const { log } = options;
  const schemes = allowedSchemes(options.development);

  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`Denied a permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // The spellchecker downloads dictionaries; the window's `spellcheck: false` is the main
  // switch, this keeps the session from fetching them for any other contents.
  session.setSpellCheckerEnabled(false);

  session.webRequest.onBeforeRequest((details, callback) => {
    if (schemes.has(schemeOf(details.url))) {
      callback({});
      return;
    }
    log(`Blocked a network request (${details.resourceType}): ${details.url.slice(0, 300)}`);
    callback({ cancel: true });
  });
}

/** How long after a click or key press a window.open() still counts as the user's doing. */
const GESTURE_WINDOW_MS = 1000;
const GESTURE_INPUTS = new Set(['mouseUp', 'keyDown', 'rawKeyDown', 'gestureTap', 'touchEnd']);

/**
 * Opens an http(s) link in the user's browser. Anything else (file:, javascript:, custom
 * protocol handlers of other apps, smb: shares...) is refused: `openExternal` hands the string
 * to the operating system, which would run whatever is registered for the scheme.
 */
export function openExternalLink(url: string, log: Logger): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    log('Refused to open an external link that is not a URL');
    return false;
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || url.length > 2048) {
    log(`Refused to open an external link with scheme ${parsed.protocol}`);
    return false;
  }
  shell.openExternal(parsed.href).catch((err: unknown) => log('Could not open an external link', err));
  return true;
}

/**
 * Navigation rules for every web contents the app creates (windows, DevTools, anything a
 * future feature adds): no webviews, no navigation or redirect away from `app://faultline`,
 * no new windows. A link that asks for a new window opens in the system browser, but only
 * for http(s) and only right after the user clicked or pressed a key in that contents.
 */
export function guardWebContents(log: Logger): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    let lastGesture = 0;
    contents.on('input-event', (_e, input) => {
      if (GESTURE_INPUTS.has(input.type)) lastGesture = Date.now();
    });

    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log('Refused to attach a <webview>');
    });

    const refuseForeign = (kind: string) => (event: { url: string; preventDefault(): void }) => {
      if (isAppUrl(event.url)) return;
      event.preventDefault();
      log(`Refused ${kind} to ${event.url.slice(0, 300)}`);
    };
    contents.on('will-navigate', refuseForeign('navigation'));
    contents.on('will-frame-navigate', refuseForeign('frame navigation'));
    contents.on('will-redirect', refuseForeign('redirect'));

    contents.setWindowOpenHandler(({ url }) => {
      const byUser = Date.now() - lastGesture <= GESTURE_WINDOW_MS;
      if (byUser) openExternalLink(url, log);
      else log(`Refused a window.open without a user gesture: ${url.slice(0, 300)}`);
      return { action: 'deny' };
    });
  });
}
