import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fayeBrowserClientPath } from './faye.js';

let integrity: string | undefined;

/**
 * Subresource Integrity value (`sha384-…`) of the Faye browser client the adapter serves at
 * `<mount>/client.js`. Pass it to the browser helper when the API is on another origin, so a
 * tampered script is refused by the browser. Computed once per process from the installed file.
 */
export function fayeClientIntegrity(): string {
  integrity ??= `sha384-${createHash('sha384').update(readFileSync(fayeBrowserClientPath)).digest('base64')}`;
  return integrity;
}
