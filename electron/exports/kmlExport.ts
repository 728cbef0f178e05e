import { foldersToKML } from '@placemarkio/tokml';
import { DOMParser, XMLSerializer, type Element as XmlElement } from '@xmldom/xmldom';
import type { Geometry } from 'geojson';
import { EVENT_TYPES, type EventType } from '../../shared/taxonomy/acled';
import { EVENT_TYPE_STYLE } from '../../shared/taxonomy/acled';
import { incidentAttributes, zoneAttributes, type CaseRecords } from './caseRecords';
import { incidentDescription, zoneDescription } from './kmlDescription';
import { incidentStyleId, kmlStyles, zoneStyleId, type KmlStyleSpec } from './kmlStyles';
import { incidentKmlTime, zoneKmlTime, type KmlTime } from './kmlTime';

const KML_NS = 'http://www.opengis.net/kml/2.2';

/** Google Earth's own white circle icon, which it tints with the style's colour. */
export const STANDARD_ICON = 'https://maps.google.com/mapfiles/kml/shapes/placemark_circle.png';

type KmlRoot = Parameters<typeof foldersToKML>[0];
type KmlChild = KmlRoot['children'][number];

export interface KmlOptions {
  /** Where each event type's icon is; defaults to the standard icon, tinted. */
  iconHref?: (eventType: EventType) => { href: string; tinted: boolean };
}

/**
 * A placemark's XML id: a UUID may begin with a digit, which an XML id (an NCName) may not, so
 * the kind goes first. The row's own id is in ExtendedData as `id`, unchanged.
 */
export const placemarkId = (kind: 'incident' | 'zone', id: string) => `${kind}-${id}`;

/** ExtendedData values are text: lists joined, absent values left out. */
function extendedData(attributes: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    out[key] = Array.isArray(value) ? value.join('; ') : String(value);
  }
  return out;
}

/**
 * A case as KML 2.2 that Google Earth opens: a folder of incidents (one sub-folder per event
 * type, so each can be switched on and off) and a folder of zones, shared styles by event type
 * and affiliation, descriptions with the attributes, ExtendedData with every attribute (GDAL
 * reads those as fields), and TimeStamp / TimeSpan for the time slider.
 *
 * tokml writes the folders, placemarks, geometry and ExtendedData, escaping all text; it has no
 * notion of styles or time, so those are added to its document with an XML DOM (xmldom), which
 * escapes as well. No KML is built by string concatenation.
 */
export function caseToKml(records: CaseRecords, options: KmlOptions = {}): string {
  const iconHref = options.iconHref ?? (() => ({ href: STANDARD_ICON, tinted: true }));
  const extras = new Map<string, { styleUrl: string; time: KmlTime }>();

  const incidentFolders: KmlChild[] = EVENT_TYPES.map((type) => {
    const members = records.incidents.filter((i) => i.fields.event_type === type);
    return { type, members };
  })
    .filter((g) => g.members.length > 0)
    .map(({ type, members }) => ({
      type: 'folder',
      meta: { name: EVENT_TYPE_STYLE[type].label },
      children: members.map((incident) => {
        extras.set(placemarkId('incident', incident.id), { styleUrl: `#${incidentStyleId(type)}`, time: incidentKmlTime(incident) });
        return {
          type: 'Feature',
          id: placemarkId('incident', incident.id),
          geometry: { type: 'Point', coordinates: [incident.fields.lon, incident.fields.lat] },
          properties: {
            name: incident.fields.title,
            description: { '@type': 'html', value: incidentDescription(incident) },
            ...extendedData(incidentAttributes(incident)),
          },
        };
      }),
    })) as KmlChild[];

  const zones = records.zones.map((zone) => {
    extras.set(placemarkId('zone', zone.id), { styleUrl: `#${zoneStyleId(zone.fields.affiliation, zone.fields.status)}`, time: zoneKmlTime(zone) });
    return {
      type: 'Feature',
      id: placemarkId('zone', zone.id),
      geometry: zone.fields.geometry as Geometry,
      properties: {
        name: zone.fields.name,
        description: { '@type': 'html', value: zoneDescription(zone) },
        ...extendedData(zoneAttributes(zone)),
      },
    };
  });

  const root = {
    type: 'root',
    children: [
      { type: 'folder', meta: { name: 'Incidents', open: 1 }, children: incidentFolders },
      { type: 'folder', meta: { name: 'Zones', open: 1 }, children: zones },
    ],
  } as KmlRoot;

  const doc = new DOMParser().parseFromString(foldersToKML(root), 'text/xml');
  const documentElement = doc.getElementsByTagNameNS(KML_NS, 'Document')[0];
  if (!documentElement) throw new Error('The KML writer produced no Document');
  const make = (name: string, text?: string): XmlElement => {
    const element = doc.createElementNS(KML_NS, name);
    if (text !== undefined) element.appendChild(doc.createTextNode(text));
    return element;
  };
  const add = (parent: XmlElement, name: string, text?: string): XmlElement => parent.appendChild(make(name, text)) as XmlElement;

  // Document: name first, then the shared styles (KML wants styles before features).
  const first = documentElement.firstChild;
  documentElement.insertBefore(make('name', records.info.name), first);
  for (const spec of kmlStyles(iconHref)) documentElement.insertBefore(styleElement(spec, make, add), first);

  // Placemarks: TimeStamp/TimeSpan and styleUrl go after the description and before
  // ExtendedData, the order the KML 2.2 schema gives them.
  const placemarks = doc.getElementsByTagNameNS(KML_NS, 'Placemark');
  for (let i = 0; i < placemarks.length; i++) {
    const placemark = placemarks[i]!;
    const extra = extras.get(placemark.getAttribute('id') ?? '');
    if (!extra) continue;
    const before = placemark.getElementsByTagNameNS(KML_NS, 'ExtendedData')[0] ?? null;
    const insert = (el: XmlElement) => placemark.insertBefore(el, before);
    if (extra.time && 'when' in extra.time) {
      const stamp = make('TimeStamp');
      add(stamp, 'when', extra.time.when);
      insert(stamp);
    } else if (extra.time) {
      const span = make('TimeSpan');
      if (extra.time.begin) add(span, 'begin', extra.time.begin);
      if (extra.time.end) add(span, 'end', extra.time.end);
      insert(span);
    }
    insert(make('styleUrl', extra.styleUrl));
  }

  // Lines and areas follow the ground between their vertices (over hills, in Google Earth)
  // instead of running straight through them: tessellate, the first child the schema allows
  // after extrude.
  for (const tag of ['LineString', 'Polygon']) {
    const shapes = doc.getElementsByTagNameNS(KML_NS, tag);
    for (let i = 0; i < shapes.length; i++) {
      const shape = shapes[i]!;
      if (shape.getElementsByTagNameNS(KML_NS, 'tessellate').length) continue;
      const extrude = shape.getElementsByTagNameNS(KML_NS, 'extrude')[0];
      shape.insertBefore(make('tessellate', '1'), extrude ? extrude.nextSibling : shape.firstChild);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}

function styleElement(
  spec: KmlStyleSpec,
  make: (name: string, text?: string) => XmlElement,
  add: (parent: XmlElement, name: string, text?: string) => XmlElement,
): XmlElement {
  const style = make('Style');
  style.setAttribute('id', spec.id);
  if (spec.icon) {
    const icon = add(style, 'IconStyle');
    add(icon, 'color', spec.icon.color);
    add(icon, 'scale', String(spec.icon.scale));
    add(add(icon, 'Icon'), 'href', spec.icon.href);
    // The icon is a disc: its centre is the point.
    const hotSpot = add(icon, 'hotSpot');
    for (const [k, v] of [['x', '0.5'], ['y', '0.5'], ['xunits', 'fraction'], ['yunits', 'fraction']]) hotSpot.setAttribute(k!, v!);
  }
  add(add(style, 'LabelStyle'), 'scale', String(spec.labelScale));
  if (spec.line) {
    const line = add(style, 'LineStyle');
    add(line, 'color', spec.line.color);
    add(line, 'width', String(spec.line.width));
  }
  if (spec.poly) add(add(style, 'PolyStyle'), 'color', spec.poly.color);
  return style;
}
