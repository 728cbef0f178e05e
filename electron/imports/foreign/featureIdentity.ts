import { createHash } from 'node:crypto';
import { contentHash } from '../contentHash';
import type { ForeignDataset, ForeignFeature, ForeignLayer } from './foreignLayer';

/**
 * What makes a feature of a file from another tool "the same feature" as one imported before,
 * so that importing the same file again changes nothing, an updated export of the same source
 * updates what changed, and another file is never mistaken for one imported before.
 *
 * An id says which feature it is only where it is meant to hold beyond one file:
 *   - ACLED's `event_id_cnty` (e.g. XKX1001), unique across ACLED and kept by every export:
 *     an updated export (revised fatalities) updates the incident;
 *   - an id that is a UUID (Faultline's own exports, ArcGIS GlobalIDs, QGIS uuid fields),
 *     unique by construction.
 * Anything else a file numbers its features with (GeoJSON's 0, 1, 2; KML placemark ids; a
 * GeoPackage's fid) only says which feature of that file it is: two files number theirs the
 * same way, and two exports named `points.geojson` may come from anywhere. Such a feature is
 * identified by its content (attributes and geometry): the same file imported again adds
 * nothing, another file adds its own features, and a feature changed in a new export of the
 * same data arrives as a new row, the earlier one staying as it was. Nothing is overwritten
 * on a guess.
 *
 * The row id is derived from the key (rowIdFromKey), so it is the same in every case that
 * imports the feature.
 */

const UUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

export interface FeatureKey {
  key: string;
  /** Whether the key is the source's own id (an update of the feature can arrive under it). */
  byId: boolean;
}

export function featureKey(dataset: ForeignDataset, layer: ForeignLayer, f: ForeignFeature): FeatureKey {
  if (typeof f.id === 'string' && f.id.startsWith('acled:')) return { key: f.id, byId: true };
  const uuid = typeof f.id === 'string' ? UUID.exec(f.id.trim()) : null;
  if (uuid) return { key: `uuid:${uuid[1]!.toLowerCase()}`, byId: true };
  return { key: `${dataset.format}:${layer.name}:${contentHash({ fields: f.properties, admin: f.geometry, deleted: false })}`, byId: false };
}

/**
 * A reference overlay is the same overlay when it comes from a file of the same name and layer
 * with the same features (by content, in order): another file of that name makes another
 * overlay, and so does a new export with other shapes (the earlier overlay stays until the
 * analyst removes it).
 */
export function overlayKey(dataset: ForeignDataset, layer: ForeignLayer): string {
  const hash = createHash('sha256');
  for (const f of layer.features) hash.update(contentHash({ fields: f.properties, admin: f.geometry, deleted: false }));
  return `overlay:${dataset.fileName}:${layer.id}:${hash.digest('base64url').slice(0, 22)}`;
}
