import type { CaseInfo } from '../../shared/domain/case';
import type { Incident } from '../../shared/domain/incident';
import type { Zone } from '../../shared/domain/zone';
import type { CaseReader } from '../store/caseStore';

/** What an export writes: the live incidents (by date) and zones (by name) of one case. */
export interface CaseRecords {
  info: CaseInfo;
  incidents: Incident[];
  zones: Zone[];
}

export function readCaseRecords(reader: CaseReader): CaseRecords {
  return { info: reader.info(), incidents: reader.listIncidents({}), zones: reader.listZones() };
}

/** The attributes of an incident as flat columns (GeoJSON properties, KML ExtendedData). */
export function incidentAttributes(incident: Incident): Record<string, string | number | string[]> {
  const f = incident.fields;
  return {
    id: incident.id,
    title: f.title,
    occurred_at: f.occurred_at,
    time_precision: f.time_precision,
    event_type: f.event_type,
    sub_event_type: f.sub_event_type,
    actor1: f.actor1,
    actor2: f.actor2,
    fatalities: f.fatalities,
    injured: f.injured,
    location_name: f.location_name,
    geo_precision: f.geo_precision,
    country: incident.admin.country,
    admin1: incident.admin.admin1,
    admin2: incident.admin.admin2,
    source: f.source,
    source_url: f.source_url,
    reliability: f.reliability,
    credibility: f.credibility,
    notes: f.notes,
    tags: f.tags,
    created_at: incident.provenance.created_at,
    updated_at: incident.provenance.updated_at,
    author: incident.provenance.author,
    origin_case: incident.provenance.origin_case,
  };
}

/** The attributes of a zone as flat columns; a circle keeps its centre and radius. */
export function zoneAttributes(zone: Zone): Record<string, string | number | null> {
  const f = zone.fields;
  return {
    id: zone.id,
    name: f.name,
    kind: f.kind,
    force: f.force,
    unit: f.unit,
    affiliation: f.affiliation,
    sidc: f.sidc,
    strength: f.strength,
    status: f.status,
    valid_from: f.valid_from,
    valid_to: f.valid_to,
    source: f.source,
    source_url: f.source_url,
    reliability: f.reliability,
    credibility: f.credibility,
    notes: f.notes,
    circle_center_lon: f.circle ? f.circle.center[0] : null,
    circle_center_lat: f.circle ? f.circle.center[1] : null,
    circle_radius_m: f.circle ? f.circle.radius_m : null,
    created_at: zone.provenance.created_at,
    updated_at: zone.provenance.updated_at,
    author: zone.provenance.author,
    origin_case: zone.provenance.origin_case,
  };
}
