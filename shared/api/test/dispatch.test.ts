import { describe, expect, it, vi } from 'vitest';
import type { ApiHandlers } from '../contract';
import { dispatch, lookupMethod } from '../dispatch';
import { ApiError } from '../errors';
import { createApiClient } from '../client';

function handlers(overrides: Partial<Record<string, unknown>> = {}): ApiHandlers {
  return {
    geo: { lookup: vi.fn(({ lon, lat }) => ({ country: `${lon},${lat}`, admin1: '', admin2: '' })) },
    incidents: { get: vi.fn(() => { throw new ApiError('not_found', 'No such incident'); }) },
    app: { info: vi.fn(() => { throw new Error('disk on fire'); }) },
    ...overrides,
  } as unknown as ApiHandlers;
}

describe('dispatch', () => {
  it('validates arguments before any handler runs', async () => {
    const h = handlers();
    const result = await dispatch(h, 'geo.lookup', { lon: 500, lat: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(h.geo.lookup).not.toHaveBeenCalled();
  });
  it('refuses extra arguments on strict methods', async () => {
    const result = await dispatch(handlers(), 'geo.lookup', { lon: 20, lat: 42, evil: true });
    expect(result.ok).toBe(false);
  });
  it('calls the handler with parsed arguments', async () => {
    expect(await dispatch(handlers(), 'geo.lookup', { lon: 20.5, lat: 42.5 })).toEqual({ ok: true, value: { country: '20.5,42.5', admin1: '', admin2: '' } });
  });
  it('refuses names outside the contract, including prototype tricks', async () => {
    for (const name of ['nope', 'geo.nope', '__proto__.toString', 'constructor.name', 'geo.__proto__', 'x'.repeat(500)]) {
      expect(lookupMethod(name)).toBeNull();
      expect(await dispatch(handlers(), name, {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });
  it('passes ApiErrors through and hides internal errors behind one sentence', async () => {
    expect(await dispatch(handlers(), 'incidents.get', { id: '0190a0b0-0000-7000-8000-000000000000' })).toEqual({ ok: false, error: { code: 'not_found', message: 'No such incident' } });
    const log = vi.fn();
    const result = await dispatch(handlers(), 'app.info', {}, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('disk on fire');
    expect(log).toHaveBeenCalled();
  });
  it('the client maps every contract method onto the transport', async () => {
    const calls: [string, unknown][] = [];
    const api = createApiClient(async (m, a) => (calls.push([m, a]), 'ok'));
    await api.incidents.list({});
    await api.case.open({ path: '/x.gpkg' });
    expect(calls).toEqual([['incidents.list', {}], ['case.open', { path: '/x.gpkg' }]]);
  });
});
