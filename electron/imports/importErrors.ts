import { ApiError } from '../../shared/api/errors';

/**
 * Why a file cannot be imported, as a kind (for tests and the UI) and one sentence naming the
 * file and the problem (for the analyst). The kinds follow the list of hostile and
 * broken files; `inspectCaseFile` supplies the SQLite and GeoPackage ones.
 */
export type ImportProblem =
  | 'not_found'
  | 'not_a_file'
  | 'symlink'
  | 'unreadable'
  | 'being_written'
  | 'too_large'
  | 'same_file'
  | 'not_sqlite'
  | 'corrupt'
  | 'not_gpkg'
  | 'not_faultline'
  | 'newer_schema'
  | 'not_a_case_table'
  | 'invalid_rows'
  | 'foreign_schema_objects'
  | 'computed_columns'
  | 'changed_since_preview'
  | 'cancelled'
  | 'unsupported_format'
  | 'zip_bomb';

export class ImportFileError extends ApiError {
  constructor(
    readonly problem: ImportProblem,
    message: string,
  ) {
    super(problem === 'not_found' ? 'not_found' : problem === 'unreadable' ? 'io' : 'bad_file', message);
  }
}
