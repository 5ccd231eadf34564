import { type PrismaClient } from '@inkwell/prisma';
import { type SeriesNavView } from '@inkwell/contract';
import { publishedWhere } from './published.js';

/**
 * The series box of a post page: the series' published parts in part order, and where the post
 * stands among them. Unpublished parts are left out, so readers count only what they can read.
 */
export async function loadSeriesNav(
  prisma: Pick<PrismaClient, 'series'>,
  postId: number,
  seriesId: number | null,
  now: Date,
): Promise<SeriesNavView | null> {
  if (seriesId === null) return null;
  const series = await prisma.series.findUnique({
    where: { id: seriesId },
    select: {
      slug: true,
      name: true,
      posts: {
        where: publishedWhere(now),
        orderBy: [{ seriesPart: 'asc' }, { id: 'asc' }],
        select: { id: true, slug: true, title: true },
      },
    },
  });
  const position = series ? series.posts.findIndex((part) => part.id === postId) : -1;
  if (!series || position === -1) return null;
  return {
    slug: series.slug,
    name: series.name,
    position: position + 1,
    parts: series.posts.map(({ slug, title }) => ({ slug, title })),
  };
}
