import { MAX_ID } from '@inkwell/contract';
import { NotFoundError } from './not-found.js';

/** A numeric id from the URL; anything else cannot name a row, so it is a 404, not a 400. */
export function parseId(value: string, what: string): number {
  const id = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(id) || id < 1 || id > MAX_ID) {
    throw new NotFoundError(`No ${what} has the id "${value.slice(0, 40)}"`);
  }
  return id;
}
