import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { DirListing } from '../../shared/api/contract';
import { CASE_EXTENSION } from '../../shared/domain/case';
import { ApiError } from '../../shared/api/errors';

const MAX_ENTRIES = 2000;

/**
 * Lists the sub-folders and case files of a folder for the web host's in-app file chooser
 * (a browser page cannot show a native dialog for files on the machine it is served from).
 * Hidden entries are left out; nothing is read but names and types.
 */
/** Files File ▸ Import Data reads (besides GeoPackages, which are listed as cases). */
const DATA_EXTENSIONS = ['.geojson', '.json', '.kml', '.kmz', '.gpx', '.csv'];

export function browseFolder(dir: string | undefined, data = false): DirListing {
  const home = homedir();
  const target = resolve(dir ?? home);
  let names: string[];
  try {
    if (!statSync(target).isDirectory()) throw new ApiError('invalid', `${target} is not a folder`);
    names = readdirSync(target);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError('io', `Cannot read the folder ${target}: ${(err as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
  const entries: DirListing['entries'] = [];
  for (const name of names.sort((a, b) => a.localeCompare(b))) {
    if (name.startsWith('.')) continue;
    const path = join(target, name);
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      continue; // dangling link or no permission: not offered
    }
    if (isDir) entries.push({ name, path, kind: 'dir' });
    else if (name.toLowerCase().endsWith(CASE_EXTENSION)) entries.push({ name, path, kind: 'case' });
    else if (data && DATA_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e))) entries.push({ name, path, kind: 'data' });
    if (entries.length >= MAX_ENTRIES) break;
  }
  entries.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'dir' ? -1 : 1));
  const parent = dirname(target);
  return { dir: target, parent: parent === target ? null : parent, home, entries };
}
