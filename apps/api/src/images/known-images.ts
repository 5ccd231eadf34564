import { type PrismaClient } from '@inkwell/prisma';
import { type KnownImages } from '../markdown/render-markdown.js';
import { imageHashesIn } from './image-paths.js';

/** The sizes of the uploads `markdown` shows, so they render as responsive pictures. */
export async function loadKnownImages(
  prisma: Pick<PrismaClient, 'image'>,
  markdown: string,
): Promise<KnownImages> {
  const hashes = imageHashesIn(markdown);
  if (hashes.length === 0) return new Map();
  const images = await prisma.image.findMany({
    where: { hash: { in: hashes } },
    select: { hash: true, width: true, height: true },
  });
  return new Map(images.map((image) => [image.hash, image]));
}
