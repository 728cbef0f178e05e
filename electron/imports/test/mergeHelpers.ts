import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { INCIDENT_COLUMNS } from '../../store/incidentRows';
import { ZONE_COLUMNS } from '../../store/zoneRows';
import { createCase, openCase, type GpkgCaseStore } from '../../store/caseStore';
import { applyCaseImport, prepareCaseImport, type AppliedImport } from '../caseImport';
import type { MergeControl } from '../mergeEngine';
import { AUTHOR, ZVECAN, sampleFields, tempDir } from '../../store/test/helpers';

export { AUTHOR, ZVECAN, sampleFields, tempDir };

export const ANA_CASE = '11111111-1111-4111-8111-111111111111';
export const BO_CASE = '22222222-2222-4222-8222-222222222222';

/** A new case file with `n` incidents titled "Incident 1"... */
export function caseWith(dir: string, name: string, n: number, opts: { id?: string; author?: string } = {}): { file: string; ids: string[] } {
  const file = path.join(dir, `${name}.gpkg`);
  const store = createCase(file, { name, author: opts.author ?? AUTHOR, id: opts.id });
  let ids: string[] = [];
  if (n > 50) {
    ids = store.saveIncidentsBulk(Array.from({ length: n }, (_, i) => ({ fields: sampleFields({ title: `Incident ${i + 1}`, lon: 20 + i / 100000 }), admin: ZVECAN })), opts.author ?? AUTHOR).ids;
  } else {
    for (let i = 0; i < n; i++) {
      ids.push(store.saveIncident({ fields: sampleFields({ title: `Incident ${i + 1}`, lon: 20 + i / 100 }) }, ZVECAN, opts.author ?? AUTHOR).id);
    }
  }
  store.close();
  return { file, ids };
}

/** Opens a case, runs `fn`, closes it. */
export function edit<T>(file: string, fn: (store: GpkgCaseStore) => T): T {
  const store = openCase(file);
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

/**
 * Imports `other` into the case `target` while the case is open, as in the app (so its file is
 * in WAL mode and a test can compare its bytes before and after).
 */
export async function importInto(
  target: GpkgCaseStore,
  other: string,
  options: { author?: string; importValidPart?: boolean; snapshotDir?: string | null; control?: MergeControl } = {},
): Promise<AppliedImport> {
  const t = { path: target.path, caseId: target.caseId };
  const prepared = await prepareCaseImport(other, t);
  if (prepared.kind !== 'case') throw new Error(prepared.message);
  try {
    return await applyCaseImport(prepared.prepared, t, { author: options.author ?? AUTHOR, importValidPart: options.importValidPart, snapshotDir: options.snapshotDir ?? null }, options.control);
  } finally {
    prepared.prepared.dispose();
  }
}

/** Every row of incidents and zones (tombstones too), all columns but fid, in id order. */
export function caseContent(file: string): { incidents: Record<string, unknown>[]; zones: Record<string, unknown>[] } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      incidents: db.prepare(`SELECT ${INCIDENT_COLUMNS.join(', ')} FROM incidents ORDER BY id`).all() as Record<string, unknown>[],
      zones: db.prepare(`SELECT ${ZONE_COLUMNS.join(', ')} FROM zones ORDER BY id`).all() as Record<string, unknown>[],
    };
  } finally {
    db.close();
  }
}

export function contentDigest(file: string): string {
  const content = caseContent(file);
  const text = JSON.stringify(content, (_k, v) => (v && typeof v === 'object' && v.type === 'Buffer' ? Buffer.from(v.data).toString('hex') : v));
  return createHash('sha256').update(text).digest('hex');
}

/** The bytes of a case file and of its WAL (an open case's changes live there until a checkpoint). */
export function fileBytesHash(file: string): string {
  const hash = createHash('sha256').update(fs.readFileSync(file));
  if (fs.existsSync(`${file}-wal`)) hash.update(fs.readFileSync(`${file}-wal`));
  return hash.digest('hex');
}

/** Runs `fn` with the case open, as the app holds it. */
export async function withCase<T>(file: string, fn: (store: GpkgCaseStore) => Promise<T>): Promise<T> {
  const store = openCase(file);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

export function rows<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
