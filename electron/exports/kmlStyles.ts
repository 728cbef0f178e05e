import { AFFILIATIONS, ZONE_STATUSES, type Affiliation, type ZoneStatus } from '../../shared/domain/zone';
import { EVENT_TYPES, EVENT_TYPE_STYLE, type EventType } from '../../shared/taxonomy/acled';
import { AFFILIATION_STYLE } from '../../shared/taxonomy/affiliation';

/**
 * KML styles: incident icons in the event type's colour (as on the map) and zones in their
 * APP-6 affiliation colours. KML colours are `aabbggrr` hex, not `#rrggbb`.
 */
export function kmlColor(hex: string, alpha = 0xff): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const a = alpha.toString(16).padStart(2, '0');
  return `${a}${m[3]}${m[2]}${m[1]}`.toLowerCase();
}

/** A file-name-safe slug of an event type: `Explosions/Remote violence` → `explosions-remote-violence`. */
export function eventTypeSlug(eventType: EventType): string {
  return eventType.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export const incidentStyleId = (eventType: EventType) => `incident-${eventTypeSlug(eventType)}`;
export const zoneStyleId = (affiliation: Affiliation, status: ZoneStatus) => `zone-${affiliation}-${status}`;

/**
 * KML has no dashed lines, so status is told by weight, as far as it can be: an active zone
 * filled and outlined, a planned one outlined with a faint fill, a withdrawn one faded.
 */
const ZONE_STATUS_LOOK: Record<ZoneStatus, { lineAlpha: number; width: number; fillAlpha: number }> = {
  active: { lineAlpha: 0xff, width: 2.5, fillAlpha: 0x66 },
  planned: { lineAlpha: 0xff, width: 1.5, fillAlpha: 0x22 },
  withdrawn: { lineAlpha: 0x80, width: 1.5, fillAlpha: 0x14 },
};

export interface KmlStyleSpec {
  id: string;
  icon?: { href: string; color: string; scale: number };
  line?: { color: string; width: number };
  poly?: { color: string };
  /** 0 hides the name next to the icon (hundreds of names are unreadable); shown on click. */
  labelScale: number;
}

/**
 * Every style the document uses. `iconHref` says where an event type's icon is: inside a KMZ,
 * our own coloured disc (then no tint); in a plain KML, Google Earth's standard white circle,
 * tinted with the colour.
 */
export function kmlStyles(iconHref: (eventType: EventType) => { href: string; tinted: boolean }): KmlStyleSpec[] {
  const incidents = EVENT_TYPES.map((type): KmlStyleSpec => {
    const { href, tinted } = iconHref(type);
    return {
      id: incidentStyleId(type),
      icon: { href, color: tinted ? kmlColor(EVENT_TYPE_STYLE[type].color) : 'ffffffff', scale: 0.9 },
      labelScale: 0,
    };
  });
  const zones = (Object.keys(AFFILIATIONS) as Affiliation[]).flatMap((affiliation) =>
    (Object.keys(ZONE_STATUSES) as ZoneStatus[]).map((status): KmlStyleSpec => {
      const look = ZONE_STATUS_LOOK[status];
      return {
        id: zoneStyleId(affiliation, status),
        line: { color: kmlColor(AFFILIATION_STYLE[affiliation].stroke, look.lineAlpha), width: look.width },
        poly: { color: kmlColor(AFFILIATION_STYLE[affiliation].fill, look.fillAlpha) },
        labelScale: status === 'withdrawn' ? 0.8 : 1,
      };
    }),
  );
  return [...incidents, ...zones];
}
