import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../../shared/api/dispatch';
import type { EventName, EventPayload } from '../../shared/api/contract';
import type { Services } from '../services/host';
import { createServices } from '../services/createServices';
import { CONTENT_SECURITY_POLICY } from '../http/contentPolicy';
import { safeResolve, sendFile } from './staticFiles';
import { UploadTooLarge, Uploads } from './uploads';

export { CONTENT_SECURITY_POLICY };

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface WebHostOptions {
  port?: number;
  /** Case to open first; otherwise the most recent one, else the demo case. */
  casePath?: string;
  userDataDir: string;
  resourcesDir: string;
  rendererDir: string;
  /** Fixed token (tests); a random one per run otherwise. */
  token?: string;
  /** Largest file a page may upload (a file dropped on it); see uploads.ts. */
  maxUploadBytes?: number;
  log?: (message: string, err?: unknown) => void;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  services: Services;
  close(): Promise<void>;
}

/**
 * The web host: the same services as the Electron app, served to a browser on 127.0.0.1.
 * Every API call needs the per-run token (handed to the page in the URL fragment, which
 * browsers never send to servers or in Referer headers); the Host header is checked against
 * DNS rebinding, and the Origin, when present, must be ours.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const log = options.log ?? ((m: string, e?: unknown) => console.error(m, e ?? ''));
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const sseClients = new Set<ServerResponse>();
  const uploads = new Uploads(options.maxUploadBytes);

  function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  }

  const services = createServices({
    userDataDir: options.userDataDir,
    resourcesDir: options.resourcesDir,
    rendererDir: options.rendererDir,
    hooks: { kind: 'web', emit },
    log,
  });
  await services.openInitialCase(options.casePath);

  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  function tokenOk(candidate: string | undefined): boolean {
    if (!candidate) return false;
    const given = Buffer.from(candidate);
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  }

  function reply(res: ServerResponse, status: number, body: unknown): void {
    const json = JSON.stringify(body);
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Length': String(Buffer.byteLength(json)),
    });
    res.end(json);
  }

  function deny(res: ServerResponse, status: number, message: string): void {
    reply(res, status, { ok: false, error: { code: 'forbidden', message } });
  }

  async function readJsonBody(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new Error('too large');
      chunks.push(chunk as Buffer);
    }
    return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams) {
    if (path === '/api/events' && req.method === 'GET') {
      if (!tokenOk(query.get('token') ?? undefined)) return deny(res, 401, 'Missing or wrong token');
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    if (req.method !== 'POST') return deny(res, 405, 'API calls are POST requests');
    const auth = req.headers.authorization;
    if (!tokenOk(auth?.startsWith('Bearer ') ? auth.slice(7) : undefined)) return deny(res, 401, 'Missing or wrong token');
    const origin = req.headers.origin;
    if (origin && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return deny(res, 403, 'Cross-origin calls are refused');
    if (path === '/api/upload') {
      if (req.headers['content-type'] !== 'application/octet-stream') return deny(res, 415, 'Send the file as application/octet-stream');
      const name = query.get('name') ?? '';
      if (!name || name.length > 255) return reply(res, 400, { ok: false, error: { code: 'invalid', message: 'The file needs a name' } });
      try {
        return reply(res, 200, { ok: true, value: { path: await uploads.save(req, name) } });
      } catch (err) {
        if (err instanceof UploadTooLarge) return reply(res, 413, { ok: false, error: { code: 'invalid', message: err.message } });
        throw err;
      }
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return deny(res, 415, 'Send JSON');
    let body: unknown;
    try {
      body = await readJsonBody(req);
    } catch {
      return reply(res, 400, { ok: false, error: { code: 'invalid', message: 'The request is not valid JSON or is too large' } });
    }
    const result = await dispatch(services.handlers, path.slice('/api/'.length), body, (err) => log(`API ${path} failed`, err));
    reply(res, 200, result);
  }

  const server = createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (!allowedHosts().has(host)) {
      res.writeHead(421, SECURITY_HEADERS);
      res.end('Misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const path = url.pathname;
    if (path.startsWith('/api/')) {
      handleApi(req, res, path, url.searchParams).catch((err) => {
        log('Web host request failed', err);
        if (!res.headersSent) reply(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error' } });
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS);
      res.end();
      return;
    }
    const file = path.startsWith('/resources/')
      ? safeResolve(options.resourcesDir, path.slice('/resources/'.length))
      : safeResolve(options.rendererDir, path === '/' ? 'index.html' : path.slice(1));
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    sendFile(res, file, { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  const heartbeat = setInterval(() => {
    for (const client of sseClients) client.write(': keep-alive\n\n');
  }, 25_000);
  heartbeat.unref();

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    services,
    async close() {
      clearInterval(heartbeat);
      for (const client of sseClients) client.end();
      sseClients.clear();
      await new Promise<void>((r) => server.close(() => r()));
      services.dispose();
      uploads.dispose();
    },
  };
}
