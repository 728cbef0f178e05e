import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

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

/** The one Content-Security-Policy of every response: our own origin only, no remote content. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.topojson': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pbf': 'application/x-protobuf',
};

/** MIME type by extension; unknown files are opaque bytes (and `nosniff` keeps them so). */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

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
