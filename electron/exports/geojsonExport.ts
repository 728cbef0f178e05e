import { rewind } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { incidentAttributes, zoneAttributes, type CaseRecords } from './caseRecords';

/**
 * A case as one RFC 7946 FeatureCollection: incidents (points) then zones (areas and lines),
 * each with every attribute, told apart by `feature_type`. Coordinates are written as stored
 * (never rounded); polygons are wound as RFC 7946 §3.1.6 asks (outer rings counter-clockwise).
 * The case's name and id travel as a foreign member, which readers that do not know it ignore.
 */
export function caseToGeoJSON(records: CaseRecords): FeatureCollection {
  const incidents: Feature[] = records.incidents.map((incident) => ({
    type: 'Feature',
    id: incident.id,
    geometry: { type: 'Point', coordinates: [incident.fields.lon, incident.fields.lat] },
    properties: { feature_type: 'incident', ...incidentAttributes(incident) },
  }));
  const zones: Feature[] = records.zones.map((zone) => ({
    type: 'Feature',
    id: zone.id,
    geometry: rewind(zone.fields.geometry as Geometry, { reverse: false }) as Geometry,
    properties: { feature_type: 'zone', ...zoneAttributes(zone) },
  }));
  return {
    type: 'FeatureCollection',
    faultline_case: { id: records.info.id, name: records.info.name },
    features: [...incidents, ...zones],
  } as FeatureCollection;
}

export function geoJSONText(records: CaseRecords): string {
  return JSON.stringify(caseToGeoJSON(records), null, 1) + '\n';
}
