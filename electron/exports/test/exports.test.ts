import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync, strFromU8 } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { coordinateText } from '../../../shared/exports/exportFormats';
import { openCaseReadOnly } from '../../store/caseStore';
import { tempDir } from '../../store/test/helpers';
import { readCaseRecords } from '../caseRecords';
import { ACLED_COLUMNS, CSV_COLUMNS } from '../csvExport';
import { zoneKmlTime } from '../kmlTime';
import { writeExport } from '../writeExport';
import { ogrRead } from './ogr';
import { HOSTILE_NOTES, HOSTILE_TITLE, writeSampleCase } from './sampleCase';

function exportSample(format: 'geojson' | 'kml' | 'kmz' | 'csv') {
  const dir = tempDir();
  const sample = writeSampleCase(dir);
  const out = path.join(dir, `export.${format}`);
  const records = openCaseReadOnly(sample.file, readCaseRecords);
  const result = writeExport(records, format, out);
  return { ...sample, out, result, records };
}

describe('GeoJSON export', () => {
  it('GDAL reads every live incident and zone with its attributes', () => {
    const { out, result, ids, zoneIds } = exportSample('geojson');
    expect(result).toMatchObject({ incidents: 3, zones: 2 });
    const [layer] = ogrRead(out);
    expect(layer!.features).toHaveLength(5);
    const byId = new Map(layer!.features.map((f) => [f.fields.id, f]));
    expect([...byId.keys()].sort()).toEqual([...ids, ...zoneIds].sort());
    const hostile = byId.get(ids[2]!)!;
    expect(hostile.fields.title).toBe(HOSTILE_TITLE);
    expect(hostile.fields.feature_type).toBe('incident');
    expect(hostile.fields.admin2).toBe('Leposavić');
    expect(hostile.fields.reliability).toBe('B');
    const zone = byId.get(zoneIds[0]!)!;
    expect(zone.fields).toMatchObject({ feature_type: 'zone', name: 'KFOR presence, Zvečan', affiliation: 'friend', sidc: 'SFGPUCI----E' });
    expect(zone.geometry).toMatch(/^POLYGON/);
    expect(byId.get(zoneIds[1]!)!.geometry).toMatch(/^LINESTRING/);
  });

  it('is RFC 7946: WGS84 lon/lat, coordinates never rounded, outer rings counter-clockwise', () => {
    const { out, ids } = exportSample('geojson');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.type).toBe('FeatureCollection');
    expect(json.crs).toBeUndefined();
    const banjska = json.features.find((f: { id: string }) => f.id === ids[1]);
    expect(banjska.geometry.coordinates).toEqual([20.7597123, 42.9783456]);
    expect(banjska.properties.tags).toEqual([]);
    const square = json.features.find((f: { properties: { feature_type: string }; geometry: { type: string } }) => f.properties.feature_type === 'zone' && f.geometry.type === 'Polygon');
    const ring: [number, number][] = square.geometry.coordinates[0];
    let twiceArea = 0;
    for (let i = 0; i < ring.length - 1; i++) twiceArea += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
    expect(twiceArea).toBeGreaterThan(0); // counter-clockwise
  });
});

describe('CSV export', () => {
  it('has ACLED’s column names first and round-trips through a CSV parser with the same values', () => {
    const { out, records } = exportSample('csv');
    const text = readFileSync(out, 'utf8');
    // RFC 4180 and the tools that read CSV as data want no byte-order mark.
    expect(text.startsWith('event_id_cnty,')).toBe(true);
    expect(text).toContain('\r\n');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(CSV_COLUMNS);
    expect(parsed.meta.fields!.slice(0, ACLED_COLUMNS.length)).toEqual([...ACLED_COLUMNS]);
    expect(parsed.data).toHaveLength(3);
    for (const [i, incident] of records.incidents.entries()) {
      const row = parsed.data[i]!;
      const f = incident.fields;
      expect(row.event_id_cnty).toBe(incident.id);
      expect(row.faultline_title).toBe(f.title);
      expect(row.notes).toBe(f.notes);
      expect(row.event_date).toBe(f.occurred_at.slice(0, 10));
      expect(row.faultline_occurred_at).toBe(f.occurred_at);
      expect(row.location).toBe(f.location_name);
      expect(row.tags).toBe(f.tags.join('; '));
      expect(Number(row.latitude)).toBe(f.lat);
      expect(Number(row.longitude)).toBe(f.lon);
      expect(row.latitude!.split('.')[1]!.length).toBeGreaterThanOrEqual(6);
      expect(Number(row.fatalities)).toBe(f.fatalities);
      expect(row.admin2).toBe(incident.admin.admin2);
    }
    const hostile = parsed.data.find((r) => r.faultline_title === HOSTILE_TITLE)!;
    expect(hostile.notes).toBe(HOSTILE_NOTES);
    expect(hostile.tags).toBe('=cmd; north');
  });

  it('begins with a byte-order mark for Excel when asked, and reads the same', () => {
    const { out, records } = exportSample('csv');
    const excel = out.replace(/\.csv$/, '-excel.csv');
    writeExport(records, 'csv', excel, { byteOrderMark: true });
    const withMark = readFileSync(excel, 'utf8');
    expect(withMark.charCodeAt(0)).toBe(0xfeff);
    expect(withMark.slice(1)).toBe(readFileSync(out, 'utf8'));
    expect(Papa.parse(withMark, { header: true }).meta.fields).toEqual(CSV_COLUMNS);
  });

  it('GDAL reads it too, with the same number of rows', () => {
    const { out } = exportSample('csv');
    const [layer] = ogrRead(out);
    expect(layer!.features).toHaveLength(3);
    expect(layer!.features.map((f) => f.fields.faultline_title)).toContain('Banjska monastery attack');
  });

  it('writes coordinates with at least six decimals and never rounds them', () => {
    expect(coordinateText(20.8361)).toBe('20.836100');
    expect(coordinateText(20)).toBe('20.000000');
    expect(coordinateText(20.7597123)).toBe('20.7597123');
    expect(coordinateText(-0.0000001)).toBe('-0.000000100000');
  });
});

describe('KML and KMZ export', () => {
  it('GDAL reads the placemarks with names and attributes, in folders for incidents and zones', () => {
    const { out, ids, zoneIds } = exportSample('kml');
    const layers = ogrRead(out);
    const all = layers.flatMap((l) => l.features);
    expect(all).toHaveLength(5);
    // LIBKML calls the placemark name `Name`; ExtendedData become fields of their own.
    const names = all.map((f) => f.fields.Name);
    expect(names).toContain(HOSTILE_TITLE);
    expect(names).toContain('KFOR presence, Zvečan');
    const ogrIds = all.map((f) => f.fields.id);
    expect(ogrIds.sort()).toEqual([...ids, ...zoneIds].sort());
    const hostile = all.find((f) => f.fields.Name === HOSTILE_TITLE)!;
    expect(hostile.fields.event_type).toBe('Protests');
    expect(hostile.fields.timestamp).toBe('2023/05/26 00:00:00');
    expect(hostile.fields.location_name).toBe('Лепосавић');
    expect(hostile.geometry).toMatch(/^POINT/);
    expect(all.find((f) => f.fields.Name === 'Supply route <b>')!.geometry).toMatch(/^LINESTRING/);
    expect(layers.map((l) => l.name)).toEqual(expect.arrayContaining(['Incidents', 'Riots', 'Protests', 'Battles', 'Zones']));
  });

  it('styles placemarks by event type and zones by affiliation, with TimeStamp and TimeSpan', () => {
    const { out, ids, zoneIds } = exportSample('kml');
    const doc = new DOMParser().parseFromString(readFileSync(out, 'utf8'), 'text/xml');
    const placemark = (id: string) => {
      const list = doc.getElementsByTagName('Placemark');
      for (let i = 0; i < list.length; i++) if ([`incident-${id}`, `zone-${id}`].includes(list[i]!.getAttribute('id')!)) return list[i]!;
      throw new Error(`no placemark ${id}`);
    };
    const text = (el: ReturnType<typeof placemark>, tag: string) => el.getElementsByTagName(tag)[0]?.textContent ?? null;
    expect(text(placemark(ids[0]!), 'styleUrl')).toBe('#incident-riots');
    expect(text(placemark(ids[0]!), 'when')).toBe('2023-05-29');
    // Known to within a week: a span of that uncertainty around the day.
    expect(text(placemark(ids[1]!), 'begin')).toBe('2023-09-21');
    expect(text(placemark(ids[1]!), 'end')).toBe('2023-09-27');
    expect(text(placemark(zoneIds[0]!), 'styleUrl')).toBe('#zone-friend-active');
    expect(text(placemark(zoneIds[1]!), 'styleUrl')).toBe('#zone-hostile-planned');
    expect(text(placemark(zoneIds[0]!), 'begin')).toBe('2023-05-29');
    expect(text(placemark(zoneIds[0]!), 'end')).toBeNull();
    const styles = doc.getElementsByTagName('Style');
    const styleIds = Array.from({ length: styles.length }, (_, i) => styles[i]!.getAttribute('id'));
    expect(styleIds).toContain('incident-explosions-remote-violence');
    expect(styleIds).toContain('zone-hostile-active');
    // Planned and withdrawn zones look different from active ones (KML has no dashes: weight).
    const look = (id: string) => {
      const style = styles[styleIds.indexOf(id)]!;
      return [style.getElementsByTagName('LineStyle')[0]!.textContent, style.getElementsByTagName('PolyStyle')[0]!.textContent];
    };
    expect(new Set([look('zone-friend-active'), look('zone-friend-planned'), look('zone-friend-withdrawn')].map(String)).size).toBe(3);
    // Riots are #E69F00: KML writes colours as aabbggrr.
    const riots = styles[styleIds.indexOf('incident-riots')]!;
    expect(riots.getElementsByTagName('color')[0]!.textContent).toBe('ff009fe6');
    // Schema order inside a Placemark: description, time, styleUrl, ExtendedData, geometry.
    const order = Array.from({ length: placemark(ids[0]!).childNodes.length }, (_, i) => placemark(ids[0]!).childNodes[i]!)
      .filter((n) => n.nodeType === 1)
      .map((n) => n.nodeName);
    expect(order).toEqual(['name', 'description', 'TimeStamp', 'styleUrl', 'ExtendedData', 'Point']);
  });

  it('gives placemarks valid XML ids, and lets lines and areas follow the ground', () => {
    const { out } = exportSample('kml');
    const doc = new DOMParser().parseFromString(readFileSync(out, 'utf8'), 'text/xml');
    const all = (tag: string) => Array.from({ length: doc.getElementsByTagName(tag).length }, (_, i) => doc.getElementsByTagName(tag)[i]!);
    // An XML id (NCName) starts with a letter or an underscore; a UUID may start with a digit.
    const ids = all('Placemark').map((p) => p.getAttribute('id')!);
    expect(ids).toHaveLength(5);
    for (const id of ids) expect(id).toMatch(/^(incident|zone)-[0-9a-f-]{36}$/);
    for (const shape of [...all('LineString'), ...all('Polygon')]) {
      const first = Array.from({ length: shape.childNodes.length }, (_, i) => shape.childNodes[i]!).find((n) => n.nodeType === 1);
      expect(first?.nodeName).toBe('tessellate');
      expect(first?.textContent).toBe('1');
    }
    expect(all('LineString').length + all('Polygon').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a zone valid to the end of its last day', () => {
    const time = (valid_from: string, valid_to: string) => zoneKmlTime({ fields: { valid_from, valid_to } } as Parameters<typeof zoneKmlTime>[0]);
    expect(time('1999-06-09', '2001-05-24')).toEqual({ begin: '1999-06-09', end: '2001-05-24T23:59:59' });
    expect(time('', '2023-10-01T18:30')).toEqual({ end: '2023-10-01T18:30:00' });
    expect(time('', '')).toBeNull();
  });

  it('keeps hostile text inert: the description is HTML whose values are escaped text', () => {
    const { out, ids } = exportSample('kml');
    const raw = readFileSync(out, 'utf8');
    expect(raw).not.toMatch(/<script|<img/i);
    const doc = new DOMParser().parseFromString(raw, 'text/xml');
    const list = doc.getElementsByTagName('Placemark');
    const hostile = Array.from({ length: list.length }, (_, i) => list[i]!).find((p) => p.getAttribute('id') === `incident-${ids[2]}`)!;
    // What Google Earth gets after reading the XML is HTML; in it the payloads are text.
    const html = hostile.getElementsByTagName('description')[0]!.textContent!;
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hostile.getElementsByTagName('name')[0]!.textContent).toBe(HOSTILE_TITLE);
  });

  it('packs the KML and its icons into a KMZ that GDAL reads', () => {
    const { out } = exportSample('kmz');
    const entries = unzipSync(readFileSync(out));
    const names = Object.keys(entries);
    expect(names[0]).toBe('doc.kml');
    expect(names).toContain('icons/riots.png');
    expect([...entries['icons/riots.png']!.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const kml = strFromU8(entries['doc.kml']!);
    expect(kml).toContain('<href>icons/riots.png</href>');
    expect(kml).not.toContain('maps.google.com');
    expect(ogrRead(out).flatMap((l) => l.features)).toHaveLength(5);
  });
});
