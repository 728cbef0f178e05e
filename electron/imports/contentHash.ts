import { createHash } from 'node:crypto';
import type { Incident } from '../../shared/domain/incident';
import type { Zone } from '../../shared/domain/zone';

/**
 * The content hash of a row version: what "the same version" means when two case files are
 * merged.
 *
 * Content is everything an analyst (or the basemap lookup) put into the row, plus whether it
 * is deleted: for an incident its fields and admin areas, for a zone its fields (shape
 * included). It leaves out the stamps (created_at, updated_at, author, deleted_at's time),
 * because two analysts who make the same correction, or delete the same incident, have made
 * the same version; the stamps only say who got there first.
 *
 * The hash is taken over a canonical JSON text (object keys sorted, arrays in order, numbers
 * as JavaScript prints them, which round-trips doubles exactly), so a version read from a
 * feature table and the same version read back from an audit log's JSON hash the same.
 */

export type MergeTable = 'incidents' | 'zones';

/** A copy of a plain object with its keys in sorted order (JSON.stringify keeps insertion order). */
function sortedKeys(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = value[key];
  return out;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? sortedKeys(v as Record<string, unknown>) : v)) ?? 'null';
}

/** The content of a row version, as hashed. `admin` is null for zones. */
export interface RowContent {
  fields: unknown;
  admin: unknown;
  deleted: boolean;
}

export function contentHash(content: RowContent): string {
  const text = canonical({ f: content.fields, a: content.admin ?? null, d: content.deleted });
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/** The content hash of an incident or zone as it is (its stamps left out, see above). */
export function versionHash(table: MergeTable, v: Incident | Zone): string {
  return contentHash({ fields: v.fields, admin: table === 'incidents' ? (v as Incident).admin : null, deleted: v.provenance.deleted_at !== null });
}

/**
 * The content of a version stored as JSON in an audit log's before/after (an Incident or a
 * Zone: `{id, fields, admin?, provenance}`), or null when the JSON is not such a version (a
 * bulk entry `{count, ids}`, or something another program wrote).
 */
export function contentOfAuditJson(table: MergeTable, json: string | null): RowContent | null {
  if (json === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const v = value as { fields?: unknown; admin?: unknown; provenance?: { deleted_at?: unknown } };
  if (!v.fields || typeof v.fields !== 'object' || !v.provenance || typeof v.provenance !== 'object') return null;
  if (table === 'incidents' && (!v.admin || typeof v.admin !== 'object')) return null;
  return {
    fields: v.fields,
    admin: table === 'incidents' ? v.admin : null,
    deleted: v.provenance.deleted_at !== null && v.provenance.deleted_at !== undefined,
  };
}
