// Writing resources/basemap/ (build time only): file texts, hashes, the manifest.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import { BASEMAP_FILES } from '../../electron/basemap/basemapFiles';

export { BASEMAP_FILES };

export const MANIFEST_FILE = 'manifest.json';

/** A FeatureCollection with one feature per line: small diffs, easy to grep, same bytes every run. */
export function featureCollectionText(features: readonly Feature[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/** A JSON array with one element per line. */
export function jsonLinesArrayText(items: readonly unknown[]): string {
  return `[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]\n`;
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function sha256OfFile(path: string): string {
  return sha256(readFileSync(path));
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

export interface ManifestFile {
  name: string;
  bytes: number;
  /** Features of a GeoJSON file, entries of places.json. */
  features: number;
  sha256: string;
}

export interface ManifestSource {
  package: string;
  version: string;
  licence: string;
  usedFor: string[];
}

export interface BasemapManifest {
  generator: string;
  /** Hash of every input: source data files, their package.json, and the build's own code. */
  inputsSha256: string;
  bbox: readonly number[];
  attribution: string;
  sources: ManifestSource[];
  files: ManifestFile[];
  notes: string[];
}

/**
 * True when `manifest.json` says the outputs were built from these very inputs and every
 * output file still has the recorded hash (so a hand-edited or deleted file triggers a rebuild).
 */
export function basemapIsUpToDate(dir: string, inputsSha256: string): boolean {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return false;
  let manifest: BasemapManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BasemapManifest;
  } catch {
    return false;
  }
  if (manifest.inputsSha256 !== inputsSha256) return false;
  const names = new Set(manifest.files.map((f) => f.name));
  if (!Object.values(BASEMAP_FILES).every((name) => names.has(name))) return false;
  return manifest.files.every((f) => existsSync(join(dir, f.name)) && sha256OfFile(join(dir, f.name)) === f.sha256);
}
