import { type PrismaClient } from '@inkwell/prisma';
import { type SeriesNavView } from '@inkwell/contract';
import { publishedWhere } from './published.js';

type SeriesReader = Pick<PrismaClient, 'series'>;

interface SeriesPart {
  id: number;
  slug: string;
  title: string;
  seriesPart: number | null;
}

/** A series with its published parts in part order (a part without a number last). */
function readPublishedParts(prisma: SeriesReader, seriesId: number, now: Date) {
  return prisma.series.findUnique({
    where: { id: seriesId },
    select: {
      slug: true,
      name: true,
      posts: {
        where: publishedWhere(now),
        orderBy: [{ seriesPart: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
        select: { id: true, slug: true, title: true, seriesPart: true },
      },
    },
  });
}

function navOf(
  series: { slug: string; name: string; posts: SeriesPart[] },
  postId: number,
): SeriesNavView | null {
  const position = series.posts.findIndex((part) => part.id === postId);
  if (position === -1) return null;
  return {
    slug: series.slug,
    name: series.name,
    position: position + 1,
    parts: series.posts.map(({ slug, title }) => ({ slug, title })),
  };
}

/**
 * The series box of a post page: the series' published parts in part order, and where the post
 * stands among them. Unpublished parts are left out, so readers count only what they can read.
 */
export async function loadSeriesNav(
  prisma: SeriesReader,
  postId: number,
  seriesId: number | null,
  now: Date,
): Promise<SeriesNavView | null> {
  if (seriesId === null) return null;
  const series = await readPublishedParts(prisma, seriesId, now);
  return series ? navOf(series, postId) : null;
}

/**
 * The series box of a preview: the post (as its draft has it) at its place among the published
 * parts, as readers will see the series once it is published.
 */
export async function loadPreviewSeriesNav(
  prisma: SeriesReader,
  post: SeriesPart,
  seriesId: number | null,
  now: Date,
): Promise<SeriesNavView | null> {
  if (seriesId === null) return null;
  const series = await readPublishedParts(prisma, seriesId, now);
  if (!series) return null;
  const place = (part: SeriesPart) => part.seriesPart ?? Number.POSITIVE_INFINITY;
  const posts = [...series.posts.filter((part) => part.id !== post.id), post].sort(
    (a, b) => place(a) - place(b) || a.id - b.id,
  );
  return navOf({ ...series, posts }, post.id);
}
