import { THUMBNAIL_FORMATS, type ThumbnailFormat } from './formats.js';
import { thumbnailSize } from './thumbnail-size.js';
import { type ThumbnailService } from './thumbnail-service.js';

export interface WarmProgress {
  done: number;
  total: number;
  hash: string;
  width: number;
  format: ThumbnailFormat;
  fromCache: boolean;
}

export interface WarmOptions {
  thumbnails: ThumbnailService;
  /** Default: every width the service offers. */
  widths?: readonly number[];
  /** Default: avif, webp and jpeg. */
  formats?: readonly ThumbnailFormat[];
  onProgress?: (progress: WarmProgress) => void;
}

export interface WarmResult {
  made: number;
  alreadyCached: number;
  failures: { hash: string; error: Error }[];
}

/**
 * Makes every configured thumbnail of the given originals ahead of the first visitor. Widths
 * that clamp to the same size (an original narrower than several offered widths) are made
 * once. One thumbnail at a time: sharp already spreads one image over the cores. An image that
 * fails is reported in `failures` and the rest go on.
 */
export async function warmThumbnails(
  hashes: Iterable<string>,
  options: WarmOptions,
): Promise<WarmResult> {
  const { thumbnails } = options;
  const formats = options.formats ?? THUMBNAIL_FORMATS;
  const result: WarmResult = { made: 0, alreadyCached: 0, failures: [] };
  const jobs: { hash: string; width: number; format: ThumbnailFormat }[] = [];
  for (const hash of hashes) {
    try {
      for (const width of await distinctWidths(thumbnails, hash, options.widths)) {
        for (const format of formats) jobs.push({ hash, width, format });
      }
    } catch (error) {
      result.failures.push({ hash, error: asError(error) });
    }
  }
  let done = 0;
  for (const job of jobs) {
    let fromCache = false;
    try {
      fromCache = (await thumbnails.get(job.hash, job)).fromCache;
      if (fromCache) result.alreadyCached += 1;
      else result.made += 1;
    } catch (error) {
      result.failures.push({ hash: job.hash, error: asError(error) });
    }
    done += 1;
    options.onProgress?.({ ...job, done, total: jobs.length, fromCache });
  }
  return result;
}

/** The requested widths, dropping those that would clamp to an already listed size. */
async function distinctWidths(
  thumbnails: ThumbnailService,
  hash: string,
  widths: readonly number[] = thumbnails.widths,
): Promise<number[]> {
  const original = await thumbnails.describe(hash);
  const seen = new Set<number>();
  return [...widths]
    .sort((a, b) => a - b)
    .filter((width) => {
      const clamped = thumbnailSize(original, width).width;
      if (seen.has(clamped)) return false;
      seen.add(clamped);
      return true;
    });
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
