import { z } from 'zod';

/** Lowercase letters and digits separated by single dashes: every post and category slug. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 100;
/** The largest page of the public post list (and of the site's posts-per-page setting). */
export const MAX_PAGE_SIZE = 50;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;
/** PostgreSQL's int4: the largest id a row can have. */
export const MAX_ID = 2_147_483_647;

/** An ISO 8601 timestamp as the API writes dates (`Date#toISOString`). */
export const isoDateTime = z.iso.datetime();

/** A whole number from the query string, `name` naming it in the messages. */
export const positiveInt = (name: string, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, `${name} must be at least 1`)
        .max(max, `${name} must be at most ${max}`),
    );

const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(1, `must be at least 1`).max(max, `must be at most ${max}`));

/** `page` and `pageSize` query fields shared by the admin lists. */
export function paginationFields(defaultPageSize: number, maxPageSize = 100) {
  return {
    page: wholeNumber(100_000).optional().default(1),
    pageSize: wholeNumber(maxPageSize).optional().default(defaultPageSize),
  };
}

/** A numeric id in the query string (`?post=12`): anything else is a 400 naming the field. */
export const queryId = (what: string) =>
  z
    .string()
    .regex(/^\d{1,10}$/, `must be a ${what} id`)
    .transform(Number)
    .pipe(z.number().min(1, `must be a ${what} id`).max(MAX_ID, `must be a ${what} id`));

/** A numeric id inside a JSON body. */
export const bodyId = () =>
  z
    .number({ error: 'must be an id' })
    .int('must be an id')
    .min(1, 'must be an id')
    .max(MAX_ID, 'must be an id');

/** A post or category slug as the public URLs accept it. */
export const slugField = z
  .string({ error: 'must be text' })
  .trim()
  .toLowerCase()
  .min(1, 'must not be empty')
  .max(MAX_SLUG_LENGTH, `must be at most ${MAX_SLUG_LENGTH} characters`)
  .regex(SLUG_PATTERN, 'must be lowercase letters and digits separated by single dashes');

/** A password someone typed: the same bounds as `npm run user:create`. */
export const newPasswordField = z
  .string({ error: 'must be text' })
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

/** Path parameters: what the URL template names (the API answers 404 for anything else). */
export const slugParams = z.object({ slug: z.string().min(1) });
export const idParams = z.object({ id: z.number().int().min(1).max(MAX_ID) });

/** One page of a list, as every paginated answer has it. */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    pages: z.number().int(),
  });

/** People named in answers: a post's author, an image's uploader. */
export const personRef = z.object({ id: z.number().int(), name: z.string() });
export const categoryRef = z.object({ slug: z.string(), name: z.string() });
/** A post's byline: the author page is `/authors/<slug>` (null: an account with no page). */
export const authorRef = z.object({ slug: z.string().nullable(), name: z.string() });
export type AuthorRef = z.infer<typeof authorRef>;
export type CategoryRef = z.infer<typeof categoryRef>;
