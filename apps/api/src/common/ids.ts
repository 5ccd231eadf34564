import { z } from 'zod';
import { NotFoundError } from './not-found.js';

const MAX_INT4 = 2_147_483_647;

/** A numeric id from the URL; anything else cannot name a row, so it is a 404, not a 400. */
export function parseId(value: string, what: string): number {
  const id = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(id) || id < 1 || id > MAX_INT4) {
    throw new NotFoundError(`No ${what} has the id "${value.slice(0, 40)}"`);
  }
  return id;
}

/** A numeric id in the query string (`?post=12`): anything else is a 400 naming the field. */
export const queryId = (what: string) =>
  z
    .string()
    .regex(/^\d{1,10}$/, `must be a ${what} id`)
    .transform(Number)
    .pipe(z.number().min(1, `must be a ${what} id`).max(MAX_INT4, `must be a ${what} id`));

/** A numeric id inside a JSON body. */
export const bodyId = () =>
  z
    .number({ error: 'must be an id' })
    .int('must be an id')
    .min(1, 'must be an id')
    .max(MAX_INT4, 'must be an id');
