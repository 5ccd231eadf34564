import { AssetValidationError } from './errors.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A hash becomes part of a file path, so anything but 64 lowercase hex digits is refused. */
export function assertContentHash(hash: string): void {
  if (!SHA256_HEX.test(hash)) {
    throw new AssetValidationError('invalid-hash', 'Image id must be 64 lowercase hex digits.');
  }
}

/**
 * An uploaded file name is only kept as a label, but it is still refused when it tries to name
 * a path (separators, `..`, control characters) so that no caller is tempted to join it to one.
 */
export function assertUploadName(filename: string): void {
  const problem =
    filename.length === 0
      ? 'is empty'
      : filename.length > 255
        ? 'is longer than 255 characters'
        : /[/\\]/.test(filename)
          ? 'contains a path separator'
          : filename === '.' || filename === '..'
            ? 'is a relative path'
            : // eslint-disable-next-line no-control-regex
              /[\u0000-\u001f]/.test(filename)
              ? 'contains control characters'
              : undefined;
  if (problem) {
    throw new AssetValidationError(
      'invalid-name',
      `File name ${JSON.stringify(filename)} ${problem}.`,
    );
  }
}
