import { z } from 'zod';
import { isoDateTime, MAX_SLUG_LENGTH } from './fields.js';

/**
 * Top-level paths the site itself serves: a static page (`/<slug>`) may not take one. Slugs
 * have no dots, so `feed.xml` or `robots.txt` can never collide; their stems are kept anyway.
 */
export const RESERVED_PAGE_SLUGS: readonly string[] = [
  'admin',
  'api',
  'assets',
  'authors',
  'build',
  'category',
  'favicon',
  'feed',
  'images',
  'posts',
  'preview',
  'realtime',
  'robots',
  'search',
  'sitemap',
];

export function isReservedPageSlug(slug: string): boolean {
  return RESERVED_PAGE_SLUGS.includes(slug) || slug.startsWith('__');
}

/** A page as the site's navigation lists it. */
export const pageLinkView = z.object({ id: z.number().int(), slug: z.string(), title: z.string() });
export type PageLinkView = z.infer<typeof pageLinkView>;

/** GET /api/pages: published pages in the navigation's order. */
export const pageListView = z.object({ items: z.array(pageLinkView) });
export type PageListView = z.infer<typeof pageListView>;

/** GET /api/pages/{slug}. */
export const pageDetailView = z.object({
  page: z.object({
    id: z.number().int(),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    publishedAt: isoDateTime,
    updatedAt: isoDateTime,
    html: z.string(),
  }),
});
export type PageDetailView = z.infer<typeof pageDetailView>;

export const pageSlugParams = z.object({ slug: z.string().min(1).max(MAX_SLUG_LENGTH) });
