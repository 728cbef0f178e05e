import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Feature, Geometry } from 'geojson';
import { ImportFileError } from '../importErrors';
import { FOREIGN_LIMITS, cleanProperties, fieldsOf, type ForeignDataset, type ForeignFeature, type ForeignLayer } from './foreignLayer';

/**
 * KML (Google Earth) and GPX (GPS devices), parsed by @xmldom/xmldom and converted by
 * @tmcw/togeojson. xmldom does not expand DTD entities and never fetches external ones, so
 * "billion laughs" and XXE documents are inert; an entity it does not know is kept as text.
 */

function parse(text: string, fileName: string, what: string) {
  const fatal: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, message: string) => {
      if (level === 'fatalError') fatal.push(message);
    },
  }).parseFromString(text.replace(/^\uFEFF/, ''), 'text/xml');
  if (fatal.length || !doc.documentElement) {
    throw new ImportFileError('unsupported_format', `“${fileName}” is not readable ${what} (${(fatal[0] ?? 'no document').split('\n')[0]!.slice(0, 200)}).`);
  }
  return doc;
}

function toForeign(features: Feature[]): ForeignFeature[] {
  if (features.length > FOREIGN_LIMITS.features) throw new ImportFileError('too_large', `The file has ${features.length.toLocaleString('en')} features; Faultline imports up to ${FOREIGN_LIMITS.features.toLocaleString('en')} at a time.`);
  return features.map((f) => {
    const { styleUrl: _style, styleHash: _hash, styleMapHash: _map, stroke: _s, 'stroke-opacity': _so, 'stroke-width': _sw, fill: _f, 'fill-opacity': _fo, icon: _i, ...props } = (f.properties ?? {}) as Record<string, unknown>;
    return { geometry: (f.geometry as Geometry | null) ?? null, properties: cleanProperties(props), id: typeof f.id === 'string' || typeof f.id === 'number' ? f.id : undefined };
  });
}

function layer(id: string, name: string, features: ForeignFeature[]): ForeignLayer {
  return { id, name, features, fields: fieldsOf(features) };
}

export function readKml(text: string, fileName: string, format: 'kml' | 'kmz' = 'kml'): ForeignDataset {
  const doc = parse(text, fileName, 'KML');
  if (doc.documentElement!.nodeName.toLowerCase() !== 'kml') throw new ImportFileError('unsupported_format', `“${fileName}” is XML but not KML.`);
  const features = toForeign(kml(doc as never).features as Feature[]);
  const name = fileName.replace(/\.km[lz]$/i, '');
  return { fileName, format, layers: [layer('placemarks', name, features)], warnings: [], acled: false };
}

export function readGpx(text: string, fileName: string): ForeignDataset {
  const doc = parse(text, fileName, 'GPX');
  if (doc.documentElement!.nodeName.toLowerCase() !== 'gpx') throw new ImportFileError('unsupported_format', `“${fileName}” is XML but not GPX.`);
  const all = kindOf(gpx(doc as never).features as Feature[]);
  const layers = [
    layer('waypoints', 'Waypoints', toForeign(all.waypoints)),
    layer('tracks', 'Tracks', toForeign(all.tracks)),
    layer('routes', 'Routes', toForeign(all.routes)),
  ].filter((l) => l.features.length > 0);
  return { fileName, format: 'gpx', layers, warnings: [], acled: false };
}

/** GPX holds waypoints (points), tracks and routes (lines); togeojson marks which is which. */
function kindOf(features: Feature[]) {
  const out = { waypoints: [] as Feature[], tracks: [] as Feature[], routes: [] as Feature[] };
  for (const f of features) {
    const type = (f.properties as { _gpxType?: string } | null)?._gpxType;
    if (f.geometry?.type === 'Point') out.waypoints.push(f);
    else if (type === 'rte') out.routes.push(f);
    else out.tracks.push(f);
  }
  return out;
}
