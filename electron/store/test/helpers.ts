import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { newIncidentFields, type AdminArea, type IncidentFields } from '../../../shared/domain/incident';

/** Temp folders made by a test file, removed after each test. */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-store-'));
  dirs.push(dir);
  return dir;
}

export const ZVECAN: AdminArea = { country: 'Kosovo', admin1: 'Mitrovica', admin2: 'Zvečan' };

/** Incident fields for tests: a riot in Zvečan on 29 May 2023 unless overridden. */
export function sampleFields(overrides: Partial<IncidentFields> = {}): IncidentFields {
  return {
    ...newIncidentFields(20.8361, 42.9075, '2023-05-29'),
    title: 'Clashes outside the municipal building',
    event_type: 'Riots',
    sub_event_type: 'Mob violence',
    actor1: 'Rioters (Serbia)',
    actor2: 'KFOR',
    injured: 93,
    location_name: 'Zvečan',
    source: 'KFOR press release',
    source_url: 'https://jfcnaples.nato.int/kfor',
    reliability: 'B',
    credibility: 2,
    notes: 'Illustrative test data.',
    tags: ['KFOR', 'north Kosovo'],
    ...overrides,
  };
}

export const AUTHOR = 'Ana Analyst';
