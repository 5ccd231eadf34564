import { readFile } from 'node:fs/promises';
import {
  createSharpEngine,
  imageDirectories,
  OriginalStore,
  ThumbnailService,
} from '@inkwell/assets/thumbnails';
import { type SeedContent } from '@inkwell/prisma';
import { demoCategories, demoPosts, type DemoPost } from '@inkwell/prisma/demo-content';
import { migrateAndSeed } from '@inkwell/test-stack/database';
import { photoLikeJpeg } from '../shared/photo-like-jpeg.js';

const DAY_MS = 86_400_000;

/**
 * A blog of `postCount` posts: the demo content, then published copies of its posts (same
 * Markdown and comments, so a page costs what a real one does) under new slugs, each a day
 * older than the one before.
 */
export function blogContent(postCount: number): SeedContent {
  const oldest = Math.min(
    ...demoPosts.flatMap((post) => (post.publishedAt ? [Date.parse(post.publishedAt)] : [])),
  );
  const copies: DemoPost[] = Array.from(
    { length: Math.max(0, postCount - demoPosts.length) },
    (_, index) => {
      const original = demoPosts[index % demoPosts.length]!;
      const number = index + 1;
      return {
        ...original,
        slug: `${original.slug}-${number}`,
        title: `${original.title} (${number})`,
        status: 'PUBLISHED',
        publishedAt: new Date(oldest - number * DAY_MS).toISOString(),
      };
    },
  );
  return { categories: demoCategories, posts: [...demoPosts, ...copies].slice(0, postCount) };
}

/**
 * Migrates the embedded database in `dataDir` and seeds a blog of `postCount` posts through the
 * seed the API's first start runs; with 35 (the demo content) the API's own seed would write
 * the same.
 */
export async function seedBlog(dataDir: string, postCount: number): Promise<void> {
  await migrateAndSeed({ dataDir }, blogContent(postCount));
}

/**
 * Stores a photo-like 1600x1000 JPEG as an uploaded original in `dataDir` (where the API's
 * image store keeps them) and returns its content hash, for thumbnail URLs.
 */
export async function storeBenchImage(
  dataDir: string,
  thumbnailWidth: number,
): Promise<{ hash: string; thumbnail: Buffer }> {
  const jpeg = await photoLikeJpeg(1600, 1000);
  const directories = imageDirectories(dataDir);
  const originals = new OriginalStore(directories.originals);
  const stored = await originals.save(jpeg, 'bench.jpg', { maxBytes: 10_000_000 });
  // Made ahead, as the API makes it (same directory, same defaults): the site lists its static
  // files at start, so the benchmark's static copy must exist before the site does.
  const thumbnails = new ThumbnailService({
    originals,
    cacheDir: directories.thumbnails,
    engine: createSharpEngine(),
  });
  const made = await thumbnails.get(stored.hash, { width: thumbnailWidth, format: 'webp' });
  return { hash: stored.hash, thumbnail: await readFile(made.path) };
}
