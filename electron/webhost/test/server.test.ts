import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourcesDir } from '../../paths';
import { startWebHost, type WebHost } from '../server';

let host: WebHost;
let dir: string;

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${host.port}`, ...options.headers } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += String(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (method: string, args: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, ...headers },
    body: JSON.stringify(args),
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'faultline-webhost-'));
  const renderer = join(dir, 'renderer');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve');
  host = await startWebHost({ userDataDir: join(dir, 'user'), resourcesDir: resourcesDir(), rendererDir: renderer, log: () => {} });
});

afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('web host', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token in the fragment', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=`));
  });

  it('serves the page with a strict Content-Security-Policy', async () => {
    const res = await send('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses path traversal out of the served folders', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/resources/../../secret.txt', '/resources/%2e%2e%2fpackage.json']) {
      expect((await send(path)).status).toBe(404);
    }
  });

  it('requires the token on every API call', async () => {
    const none = await send('/api/app.info', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    const wrong = await call('app.info', {}, { Authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    const events = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port: host.port, path: '/api/events?token=wrong', headers: { Host: `127.0.0.1:${host.port}` } }, (res) => {
        resolve(res.statusCode ?? 0);
        res.destroy();
      }).end();
    });
    expect(events).toBe(401);
  });

  it('refuses other Host headers (DNS rebinding) and other origins', async () => {
    expect((await send('/', { headers: { Host: 'evil.example:80' } })).status).toBe(421);
    expect((await call('app.info', {}, { Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('answers valid calls and reports invalid ones as data', async () => {
    const info = JSON.parse((await call('app.info', {})).body);
    expect(info).toMatchObject({ ok: true, value: { host: 'web', nativeDialogs: false } });
    const current = JSON.parse((await call('case.current', {})).body);
    expect(current.value.name).toBe('Western Balkans 2023 (demo)');
    const bad = JSON.parse((await call('incidents.get', { id: 'not-a-uuid' })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const notJson = await send('/api/app.info', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` }, body: '{nope' });
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('fills country and admin areas from the basemap when saving', async () => {
    const fields = {
      title: 'Test incident', occurred_at: '2023-06-01', time_precision: 1, event_type: 'Riots', sub_event_type: 'Mob violence',
      actor1: '', actor2: '', fatalities: 0, injured: 0, location_name: '', geo_precision: 1, source: '', source_url: '',
      reliability: 'F', credibility: 6, notes: '', tags: [], lon: 20.84028, lat: 42.9075,
    };
    const saved = JSON.parse((await call('incidents.save', { fields })).body);
    expect(saved.value.admin).toEqual({ country: 'Kosovo', admin1: 'Mitrovica', admin2: 'Zvečan' });
  });
});

describe('web host uploads (files dropped on the page)', () => {
  const upload = (name: string, body: string, headers: Record<string, string> = {}) =>
    send(`/api/upload?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${host.token}`, ...headers },
      body,
    });

  it('needs the token and a file body, like every API call', async () => {
    expect((await upload('a.gpkg', 'x', { Authorization: 'Bearer nope' })).status).toBe(401);
    expect((await upload('a.gpkg', 'x', { 'Content-Type': 'application/json' })).status).toBe(415);
    expect((await upload('a.gpkg', 'x', { Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('writes the bytes into a private folder, under a cleaned-up name', async () => {
    const { readFileSync, statSync } = await import('node:fs');
    const { dirname, basename } = await import('node:path');
    const res = JSON.parse((await upload('../../etc/..\\evil\u0001name.gpkg', 'case bytes')).body);
    expect(res.ok).toBe(true);
    const path = res.value.path as string;
    expect(basename(path)).toBe('evil_name.gpkg');
    expect(readFileSync(path, 'utf8')).toBe('case bytes');
    if (process.platform !== 'win32') expect(statSync(dirname(dirname(path))).mode & 0o077).toBe(0);
  });
});

describe('web host upload limit', () => {
  it('stops a file larger than the limit and keeps nothing of it', async () => {
    const small = await startWebHost({ userDataDir: join(dir, 'user-small'), resourcesDir: resourcesDir(), rendererDir: join(dir, 'renderer'), log: () => {}, maxUploadBytes: 1000 });
    try {
      const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: small.port, path: '/api/upload?name=big.gpkg', method: 'POST', headers: { Host: `127.0.0.1:${small.port}`, 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${small.token}` } },
          (r) => {
            let body = '';
            r.on('data', (d) => (body += String(d)));
            r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        req.end('x'.repeat(5000));
      });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body).error.message).toBe('“big.gpkg” is larger than Faultline imports.');
    } finally {
      await small.close();
    }
  });
});
