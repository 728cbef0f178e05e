import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/api/dispatch';
import { createServices } from '../../services/createServices';
import { resourcesDir } from '../../paths';
import { tempDir } from '../../store/test/helpers';
import { writeSampleCase } from './sampleCase';

function servicesOn(caseFile: string, dir: string) {
  const services = createServices({ userDataDir: path.join(dir, 'user'), resourcesDir: resourcesDir(), hooks: { kind: 'web', emit: () => {} } });
  return { services, call: (name: string, args: unknown) => dispatch(services.handlers, name, args), open: () => dispatch(services.handlers, 'case.open', { path: caseFile }) };
}

describe('exports.write through the API', () => {
  it('writes the open case, adds the extension, and asks before replacing a file', async () => {
    const dir = tempDir();
    const { file } = writeSampleCase(dir);
    const { services, call, open } = servicesOn(file, dir);
    expect((await open()).ok).toBe(true);
    const first = await call('exports.write', { format: 'kml', path: path.join(dir, 'north') });
    expect(first).toMatchObject({ ok: true, value: { path: path.join(dir, 'north.kml'), incidents: 3, zones: 2 } });
    const again = await call('exports.write', { format: 'kml', path: path.join(dir, 'north.kml') });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid', problems: [{ field: 'overwrite' }] } });
    expect(await call('exports.write', { format: 'kml', path: path.join(dir, 'north.kml'), overwrite: true })).toMatchObject({ ok: true });
    expect(await call('exports.write', { format: 'pdf', path: path.join(dir, 'x') })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await call('exports.write', { format: 'csv', path: 'relative.csv' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/full path/) } });
    expect(existsSync(path.join(dir, 'relative.csv'))).toBe(false);
    services.dispose();
  });
});
