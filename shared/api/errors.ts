import type { FieldProblem } from '../domain/incident';

export type ApiErrorCode =
  | 'invalid' // arguments failed validation; `problems` says which field and why
  | 'not_found'
  | 'no_case' // an operation needs an open case and none is open
  | 'bad_file' // a file is not what it should be (not SQLite, not a GeoPackage, newer schema...)
  | 'damaged' // a case file failed its integrity check: what can be read may be recovered into a new case
  | 'io' // the file system refused (permissions, disk full, missing folder)
  | 'forbidden' // sender or token rejected
  | 'busy' // another long operation (an import) is running; try again when it is done
  | 'internal';

/** The one error shape that crosses the API boundary, whichever host carries it. */
export interface ApiErrorData {
  code: ApiErrorCode;
  message: string;
  problems?: FieldProblem[];
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly problems: FieldProblem[] | undefined;

  constructor(code: ApiErrorCode, message: string, problems?: FieldProblem[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.problems = problems;
  }

  toData(): ApiErrorData {
    return this.problems ? { code: this.code, message: this.message, problems: this.problems } : { code: this.code, message: this.message };
  }

  static fromData(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message, data.problems);
  }
}

export function isApiErrorData(value: unknown): value is ApiErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiErrorData).code === 'string' &&
    typeof (value as ApiErrorData).message === 'string'
  );
}
