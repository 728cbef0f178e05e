import { existsSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, resolve } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { CASE_EXTENSION } from '../../shared/domain/case';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/exports/exportFormats';

/** The kinds of file Faultline reads or writes, by extension, as a sentence names them. */
const FILE_KINDS: Record<string, string> = {
  [CASE_EXTENSION]: 'a case file',
  '.pdf': 'a PDF',
  ...Object.fromEntries(Object.values(EXPORT_FORMATS).map((f) => [f.extension, `a ${f.label.split(' ')[0]} file`])),
};

/**
 * Where an export or a report may be written: an absolute path with the right extension (added
 * when the name has none), never a name that says it is another kind of file (`--out demo.gpkg`
 * for a report is a slip, not a wish for demo.gpkg.pdf), never a case file (a slip in a file
 * name must not destroy a case), never the open case, and an existing file only when the user
 * agreed to replace it.
 */
export function checkOutputPath(path: string, extension: string, options: { overwrite?: boolean; openCase?: string | null } = {}): string {
  if (!isAbsolute(path)) throw new ApiError('invalid', `Give the full path of the file to write (${path} is relative).`);
  const given = extname(path).toLowerCase();
  if (given !== extension && FILE_KINDS[given]) {
    throw new ApiError('invalid', `${basename(path)} is named as ${FILE_KINDS[given]}; this writes ${FILE_KINDS[extension] ?? extension}: give a name ending in ${extension}.`);
  }
  const target = resolve(path.toLowerCase().endsWith(extension) ? path : path + extension);
  if (target.toLowerCase().endsWith(CASE_EXTENSION) || (options.openCase && resolve(options.openCase) === target)) {
    throw new ApiError('invalid', 'Faultline does not write exports or reports over a case file.');
  }
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) throw new ApiError('invalid', `${target} is a folder.`);
    if (!options.overwrite) {
      throw new ApiError('invalid', `${basename(target)} already exists.`, [{ field: 'overwrite', message: `${basename(target)} already exists; replace it?` }]);
    }
  }
  return target;
}

export function exportTarget(path: string, format: ExportFormat, options: { overwrite?: boolean; openCase?: string | null } = {}): string {
  return checkOutputPath(path, EXPORT_FORMATS[format].extension, options);
}
