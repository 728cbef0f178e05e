import { readFile, stat } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, mimeTypeFor, resolveAppFile, type AppRoots } from './appUrl';
import type { Logger } from './log';

/**
 * Registers `app:` as a privileged scheme. Must run before the app is ready. `standard` gives
 * it real origins and relative URLs, `secure` makes it a secure context, `supportFetchAPI`
 * lets the renderer fetch the basemap from it. No `bypassCSP`, no `corsEnabled`: the page is
 * held to its own CSP and needs nothing cross-origin.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * Serves `app://faultline/` from the renderer bundle and `app://faultline/resources/` from the
 * resources folder (the default session's protocol, which the main window uses). Files are
 * read with fs rather than `net.fetch('file://…')`, so no file: request exists for the
 * network filter to have to allow, and reads work the same inside app.asar.
 */
export function serveAppProtocol(roots: AppRoots, log: Logger): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const found = resolveAppFile(request.url, roots);
    if (!found.ok) {
      log(`app protocol: refused ${request.url} (${found.reason})`);
      return plain(found.status, found.status === 404 ? 'Not found' : 'Refused');
    }
    try {
      const info = await stat(found.file);
      if (!info.isFile()) return plain(404, 'Not found');
      const headers = {
        ...SECURITY_HEADERS,
        'Content-Type': mimeTypeFor(found.file),
        'Content-Length': String(info.size),
        'Cache-Control': 'no-cache',
      };
      if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
      const body = await readFile(found.file);
      return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), { status: 200, headers });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return plain(404, 'Not found');
      log(`app protocol: cannot read ${found.file}`, err);
      return plain(500, 'Cannot read the file');
    }
  });
}
