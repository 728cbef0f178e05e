import { isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY, mimeTypeFor } from '../http/contentPolicy';

export { CONTENT_SECURITY_POLICY, mimeTypeFor };

/**
 * The app's own origin. Everything the window shows comes from here: `app://faultline/` is
 * dist/renderer, `app://faultline/resources/` is the resources folder (basemap, icons).
 * Nothing in this file touches Electron, so the URL rules are plain functions.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'faultline';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;
const RESOURCES_PREFIX = '/resources/';

/** Whether a URL is a page or file of our own origin (and not a look-alike host). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

export interface AppRoots {
  /** dist/renderer: index.html, app.js, app.css. */
  renderer: string;
  /** resources: basemap/, icons/. */
  resources: string;
}

export type AppFileLookup =
  | { ok: true; file: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps an `app://faultline/...` URL to a file inside one of the roots, refusing anything that
 * would leave its root: `..` segments (also percent-encoded, which the URL parser does not
 * normalise), encoded separators, absolute paths and drive letters, NUL bytes.
 */
export function resolveAppFile(url: string, roots: AppRoots): AppFileLookup {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) {
    return { ok: false, status: 404, reason: `unknown host ${parsed.host}` };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  }
  if (pathname.includes('\0')) return { ok: false, status: 400, reason: 'NUL in path' };
  if (pathname === '') pathname = '/';
  if (pathname.endsWith('/')) pathname += 'index.html';

  const inResources = pathname.startsWith(RESOURCES_PREFIX);
  const root = resolve(inResources ? roots.resources : roots.renderer);
  const relativePath = inResources ? pathname.slice(RESOURCES_PREFIX.length) : pathname.slice(1);
  const file = resolve(root, relativePath);
  const inside = relative(root, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return { ok: false, status: 403, reason: 'outside the app folders' };
  }
  return { ok: true, file };
}
