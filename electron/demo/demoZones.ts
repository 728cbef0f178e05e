import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { featureCollection, union } from '@turf/turf';
import { ZoneFieldsSchema, type ZoneFields } from '../../shared/domain/zone';
import { bufferGeometry } from '../../shared/geo/analysis/bufferGeometry';
import type { BasemapData } from '../../shared/geo/basemapTypes';
import { buildSidc } from '../../shared/taxonomy/symbolCode';
import { DEMO_NOTE } from './demoFacts';

/**
 * The demo case's zones, from public reporting (issue: deployment zones). Shapes are built from
 * the basemap with the same functions the analyst uses (union of municipalities, buffer of the
 * boundary clipped to one side), so they follow the borders exactly. Every zone says it is
 * illustrative and cites its source; none claims positions that were never published.
 */
export interface DemoZone {
  /** Stable key: the zone id is derived from it. */
  key: string;
  fields: ZoneFields;
}

type Area = Polygon | MultiPolygon;
type Basemap = Required<BasemapData>;

function kosovoSerbiaBoundary(basemap: Basemap) {
  const boundary = basemap.borders.features.find((f) => f.properties.a === 'SRB' && f.properties.b === 'XKX');
  if (!boundary) throw new Error('The basemap has no Kosovo–Serbia boundary; rebuild it');
  return boundary.geometry;
}

function country(basemap: Basemap, iso3: string): Area {
  const found = basemap.countries.features.find((f) => f.properties.iso3 === iso3);
  if (!found) throw new Error(`The basemap has no country ${iso3}; rebuild it`);
  return found.geometry;
}

function buffered(basemap: Basemap, km: number, side: string): Area {
  const result = bufferGeometry(kosovoSerbiaBoundary(basemap), km, country(basemap, side));
  if (!result.ok) throw new Error(`Demo zone: ${result.message}`);
  return result.geometry;
}

function northernMunicipalities(basemap: Basemap): Area {
  const names = ['Leposavić', 'Zvečan', 'Zubin Potok', 'Kosovska Mitrovica'];
  const parts = basemap.admin.features.filter((f) => f.properties.iso3 === 'XKX' && names.includes(f.properties.name)) as Feature<Area>[];
  if (parts.length !== names.length) throw new Error('The basemap lacks one of the northern municipalities; rebuild it');
  const merged = union(featureCollection(parts));
  if (!merged) throw new Error('The northern municipalities could not be merged');
  return merged.geometry;
}

const note = (text: string) => `${DEMO_NOTE} ${text}`;

export function demoZones(basemap: Basemap): DemoZone[] {
  const zones: DemoZone[] = [
    {
      key: 'zone-kfor-north-2023',
      fields: {
        name: 'KFOR presence in the northern municipalities (2023)',
        kind: 'deployment',
        force: 'KFOR',
        unit: 'KFOR contingents, reinforced after May 2023',
        affiliation: 'friend',
        sidc: buildSidc({ affiliation: 'friend', unitType: '180400', echelon: '00', planned: false }),
        strength: 'KFOR as a whole about 4,500 after the 2023 reinforcements; the share in the north was not published',
        status: 'active',
        valid_from: '2023-05-29',
        valid_to: '',
        source: 'NATO / KFOR statements, May–October 2023; seed article (Reaction, Nov 2023)',
        source_url: 'https://jfcnaples.nato.int/kfor',
        reliability: 'B',
        credibility: 2,
        notes: note(
          'After the riot at Zvečan on 29 May 2023 NATO sent about 700 more troops, and more after the Banjska attack in September; KFOR guarded municipal buildings and patrolled in the north. Drawn as the four northern municipalities (Leposavić, Zvečan, Zubin Potok, and North Mitrovica within Kosovska Mitrovica in the basemap’s pre-2008 division): KFOR’s positions themselves are not public.',
        ),
        geometry: northernMunicipalities(basemap) as ZoneFields['geometry'],
        circle: null,
      },
    },
    {
      key: 'zone-serbian-buildup-2023-09',
      fields: {
        name: 'Serbian force build-up near the boundary (late Sept. 2023)',
        kind: 'deployment',
        force: 'Military Forces of Serbia',
        unit: 'Artillery, tanks and mechanised infantry units, as reported',
        affiliation: 'unknown',
        sidc: buildSidc({ affiliation: 'unknown', unitType: '121102', echelon: '00', planned: false }),
        strength: 'Not published',
        status: 'withdrawn',
        valid_from: '2023-09-29',
        valid_to: '2023-10-01',
        source: 'US National Security Council spokesperson, 29 September 2023; Financial Times interview with Aleksandar Vučić, 1 October 2023',
        source_url: '',
        reliability: 'B',
        credibility: 3,
        notes: note(
          'Washington described an unprecedented staging of Serbian artillery, tanks and mechanised infantry along the boundary with Kosovo after the Banjska attack; Serbia announced a drawdown on 1 October, which was not independently verified. Positions were never published: the area is a schematic 15 km band on Serbia’s side of the boundary, made with the buffer tool. Affiliation left unknown: the demo takes no side.',
        ),
        geometry: buffered(basemap, 15, 'SRB') as ZoneFields['geometry'],
        circle: null,
      },
    },
    {
      key: 'zone-ground-safety-zone-1999',
      fields: {
        name: 'Ground Safety Zone, 5 km (1999–2001, historical)',
        kind: 'buffer',
        force: 'KFOR / Yugoslav Army',
        unit: '',
        affiliation: 'neutral',
        sidc: '',
        strength: '',
        status: 'withdrawn',
        valid_from: '1999-06-09',
        valid_to: '2001-05-24',
        source: 'Military Technical Agreement between KFOR and the governments of the FRY and Serbia, 9 June 1999; NATO statements, March–May 2001',
        source_url: 'https://www.nato.int/kosovo/docu/a990609a.htm',
        reliability: 'A',
        credibility: 1,
        notes: note(
          'The agreement set a Ground Safety Zone 5 km deep beyond Kosovo’s boundary, into the rest of the FRY, which Yugoslav forces could not enter without KFOR’s consent. NATO allowed their phased return in 2001; the last sector, in the Preševo valley, on 24 May 2001. Built with the buffer tool: 5 km around the Kosovo–Serbia boundary, only the part in Serbia. The zone also ran along Kosovo’s boundary with Montenegro (then part of the FRY); that stretch is not drawn here.',
        ),
        geometry: buffered(basemap, 5, 'SRB') as ZoneFields['geometry'],
        circle: null,
      },
    },
  ];
  // Validated like any zone, so a basemap change that broke a shape fails loudly here.
  return zones.map((z) => ({ key: z.key, fields: ZoneFieldsSchema.parse(z.fields) }));
}
