import { strToU8, zipSync } from 'fflate';
import { EVENT_TYPES, EVENT_TYPE_STYLE } from '../../shared/taxonomy/acled';
import type { CaseRecords } from './caseRecords';
import { caseToKml } from './kmlExport';
import { eventTypeSlug } from './kmlStyles';
import { pngDisc } from './pngDisc';

/**
 * A KMZ: the KML as `doc.kml` (the first entry, which Google Earth reads) and one icon per
 * event type under `icons/`, so the file shows the same colours with no network at all.
 */
export function caseToKmz(records: CaseRecords): Uint8Array {
  const icons: Record<string, Uint8Array> = {};
  for (const type of EVENT_TYPES) icons[`${eventTypeSlug(type)}.png`] = pngDisc(EVENT_TYPE_STYLE[type].color);
  const kml = caseToKml(records, { iconHref: (type) => ({ href: `icons/${eventTypeSlug(type)}.png`, tinted: false }) });
  return zipSync({ 'doc.kml': strToU8(kml), icons }, { level: 6 });
}
