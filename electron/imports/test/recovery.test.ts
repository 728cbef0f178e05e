import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { openCase } from '../../store/caseStore';
import { recoverCase } from '../recovery';
import { corruptedCase, truncatedCase } from './hostileCorpus';
import { AUTHOR, fileBytesHash, tempDir } from './mergeHelpers';

describe('a damaged case', () => {
  it('is refused on open with a code that offers recovery, and is never changed', () => {
    const dir = tempDir();
    const file = corruptedCase(dir);
    const bytes = fileBytesHash(file);
    let error: unknown;
    try {
      openCase(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('damaged');
    expect(fileBytesHash(file)).toBe(bytes);
  });

  it('with damaged pages: what can be read is copied into a new case, with ids and provenance', () => {
    const dir = tempDir();
    const file = corruptedCase(dir);
    const bytes = fileBytesHash(file);
    const target = path.join(dir, 'recovered.gpkg');
    const result = recoverCase(file, target, AUTHOR);
    expect(result.info.name).toBe('Colleague’s case (recovered)');
    expect(result.recovered.incidents).toBeGreaterThan(0);
    expect(result.recovered.incidents + result.lost).toBeGreaterThanOrEqual(100);
    expect(result.recovered.incidents).toBeLessThan(400);
    expect(fileBytesHash(file)).toBe(bytes);
    const store = openCase(target);
    const [first] = store.listIncidents({});
    expect(first!.provenance.author).toBe('Bo');
    expect(store.info().counts.incidents).toBe(result.recovered.incidents);
    store.close();
    expect(fs.existsSync(target)).toBe(true);
  });

  it('cut off where its list of tables was: says nothing can be read, and creates nothing', () => {
    const dir = tempDir();
    const file = truncatedCase(dir);
    const target = path.join(dir, 'recovered.gpkg');
    expect(() => recoverCase(file, target, AUTHOR)).toThrow('“cut-off.gpkg” is too damaged to read anything from (the part that lists its tables is damaged or missing).');
    expect(fs.existsSync(target)).toBe(false);
  });
});
