/**
 * Every way an upload or a thumbnail request can be refused. Each code maps to one HTTP status
 * so the API turns the error into a 4xx answer in one exception filter.
 */
export type AssetErrorCode =
  | 'not-an-image'
  | 'corrupt-image'
  | 'too-many-pixels'
  | 'file-too-large'
  | 'unsupported-format'
  | 'width-not-allowed'
  | 'invalid-name'
  | 'invalid-hash'
  | 'invalid-text'
  | 'not-found';

const STATUS_BY_CODE: Record<AssetErrorCode, number> = {
  'not-an-image': 415,
  'corrupt-image': 422,
  'too-many-pixels': 413,
  'file-too-large': 413,
  'unsupported-format': 415,
  'width-not-allowed': 400,
  'invalid-name': 400,
  'invalid-hash': 400,
  'invalid-text': 400,
  'not-found': 404,
};

export class AssetValidationError extends Error {
  override readonly name = 'AssetValidationError';
  /** The HTTP status the API answers with. */
  readonly status: number;

  constructor(
    readonly code: AssetErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS_BY_CODE[code];
  }
}

export function isAssetValidationError(error: unknown): error is AssetValidationError {
  return error instanceof AssetValidationError;
}
