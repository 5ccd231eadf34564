import { z } from 'zod';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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

export const MAX_PAGE_SIZE = 50;

/** Query string of GET /api/posts. */
export const listPostsQuerySchema = z.object({
  category: z
    .string()
    .optional()
    .transform((value) =>
      value === undefined
        ? []
        : [
            ...new Set(
              value
                .split(',')
                .map((slug) => slug.trim().toLowerCase())
                .filter(Boolean),
            ),
          ],
    )
    .pipe(
      z
        .array(
          z
            .string()
            .max(100)
            .regex(SLUG_PATTERN, 'category must be category slugs separated by commas'),
        )
        .max(10, 'category accepts at most 10 slugs'),
    ),
  page: positiveInt('page', 100_000).optional().default(1),
  pageSize: positiveInt('pageSize', MAX_PAGE_SIZE).optional().default(10),
});

export type ListPostsQuery = z.output<typeof listPostsQuerySchema>;
