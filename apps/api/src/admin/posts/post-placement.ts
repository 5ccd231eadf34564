import { type AdminPostView } from '@inkwell/contract';
import { type Prisma } from '@inkwell/prisma';
import { thumbnailUrl } from '../../images/image-paths.js';

/*
 * A post's place in a series and its cover, as the editor shows them. Posts and their revisions
 * (a pending draft carries them privately) store them in columns of the same names.
 */

/** Width of the cover's preview in the editor. */
const COVER_PREVIEW_WIDTH = 320;

export const placementSelect = {
  series: { select: { id: true, slug: true, name: true } },
  seriesPart: true,
  coverImage: { select: { id: true, hash: true, width: true, height: true } },
  coverAlt: true,
} satisfies Prisma.PostSelect & Prisma.PostRevisionSelect;

type PlacementRow = Prisma.PostGetPayload<{ select: typeof placementSelect }>;

export function toPlacementView(
  row: PlacementRow,
): Pick<AdminPostView, 'series' | 'cover' | 'coverAlt'> {
  return {
    series: row.series ? { ...row.series, part: row.seriesPart ?? 1 } : null,
    cover: row.coverImage
      ? { ...row.coverImage, url: thumbnailUrl(row.coverImage.hash, COVER_PREVIEW_WIDTH) }
      : null,
    coverAlt: row.coverAlt,
  };
}
