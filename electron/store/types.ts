import type { CaseInfo } from '../../shared/domain/case';
import type { AdminArea, Incident, IncidentFields } from '../../shared/domain/incident';
import type { IncidentQuery } from '../../shared/api/contract';
import type { Zone, ZoneFields } from '../../shared/domain/zone';
import type { ZoneQuery } from './zoneRepository';
import type { LocatedIncident } from './locatedIncidents';
import type { AreaTest } from '../../shared/geo/analysis/prepareAreaTest';

/**
 * The case store: one open GeoPackage case file. Implemented by `caseStore.ts` on
 * better-sqlite3. Every method that writes runs in one transaction and keeps the R*Tree index
 * in step. Methods throw `ApiError` (shared/api/errors) with a clear message on failure.
 */
export interface CaseStore {
  readonly path: string;
  info(): CaseInfo;
  listIncidents(query: IncidentQuery): Incident[];
  /** Throws ApiError('not_found') for an unknown id; returns tombstoned rows too. */
  getIncident(id: string): Incident;
  /**
   * Creates (no id, or an id not in the case) or updates an incident. `admin` is derived by
   * the caller from the basemap. Stamps created_at/updated_at/author/origin_case.
   */
  saveIncident(input: { id?: string; fields: IncidentFields }, admin: AdminArea, author: string): Incident;
  /** Tombstones (sets deleted_at); the row stays so a merge can carry the deletion. */
  deleteIncident(id: string, author: string): Incident;
  /** Clears the tombstone (undo of a delete). */
  restoreIncident(id: string, author: string): Incident;
  /**
   * Creates or updates many incidents in one transaction (import, merge, demo, benchmarks).
   * The caller validates the fields first (import checks every row against the schema); the
   * file's CHECK constraints are the backstop. One audit row covers all the creations; each
   * update of an existing incident gets its own audit row with the before state.
   */
  saveIncidentsBulk(inputs: readonly BulkIncidentInput[], author: string): BulkSaveResult;
  /** Ids and points of the live incidents in a box [w, s, e, n], through the R*Tree. */
  locateIncidents(bbox: [number, number, number, number]): LocatedIncident[];
  /** Ids of the live incidents inside an area, through the R*Tree (see locatedIncidents.ts). */
  incidentIdsInArea(area: AreaTest): string[];
  /** Live zones, by name; with a bbox, those whose bounding box meets it (R*Tree). */
  listZones(query?: ZoneQuery): Zone[];
  /** Throws ApiError('not_found') for an unknown id; returns tombstoned zones too. */
  getZone(id: string): Zone;
  /** Creates or updates a zone (validated against ZoneFieldsSchema), audited. */
  saveZone(input: { id?: string; fields: ZoneFields }, author: string): Zone;
  deleteZone(id: string, author: string): Zone;
  restoreZone(id: string, author: string): Zone;
  /** Renames the case (stored in the file, audited under `author`, else the case's creator). */
  setCaseName(name: string, author?: string): CaseInfo;
  /**
   * Folds the WAL into the .gpkg, so the file alone holds every change (a report hashes the
   * file to say which data it came from). Nothing to do for a read-only or in-memory case.
   * `truncate` (the default) waits for readers and empties the WAL; `passive` folds what it can
   * without waiting for anyone (the idle checkpoint after a change).
   */
  checkpoint(mode?: 'truncate' | 'passive'): void;
  /** Checkpoints the WAL into the .gpkg (so the file alone carries everything) and closes. */
  close(): void;
}

export interface BulkIncidentInput {
  id?: string;
  fields: IncidentFields;
  admin: AdminArea;
}

export interface BulkSaveResult {
  /** The id of each input, in input order (generated where the input had none). */
  ids: string[];
  created: number;
  updated: number;
}

export interface CreateCaseOptions {
  name: string;
  author: string;
  /** Fixed case id (tests, demo); a random UUID otherwise. */
  id?: string;
}
