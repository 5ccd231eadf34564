import { createHash } from 'node:crypto';
import { buildCacheKey, cacheMemoize } from '@inkwell/cache';

/**
 * A public read's answer, ready to send: the JSON bytes, their ETag and the cache tags of what
 * they show. Cached as it is, so a hit writes stored bytes with a stored ETag: no
 * serialisation, no hashing.
 */
export class PublicJson {
  constructor(
    readonly body: Buffer,
    readonly etag: string,
    readonly tags: readonly string[],
  ) {}
}

/** The weak ETag Express gives a body (`W/"<length>-<sha1>"`), so cached and fresh answers agree. */
export function weakEtag(body: Buffer): string {
  const hash = createHash('sha1').update(body).digest('base64').slice(0, 27);
  return `W/"${body.byteLength.toString(16)}-${hash}"`;
}

/** Serialises a view once, as Express's `res.json` would, and names its tags. */
export function toPublicJson(value: unknown, tags: readonly string[]): PublicJson {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  return new PublicJson(body, weakEtag(body), [...new Set(tags)]);
}

/** What the cache keeps of a `PublicJson`: a plain record, as entries decode to plain records. */
interface StoredPublicJson {
  body: Uint8Array;
  etag: string;
  tags: readonly string[];
}

function fromStored({ body, etag, tags }: StoredPublicJson): PublicJson {
  // The decoder may hand out a view into the entry: reuse its memory, do not copy it.
  return new PublicJson(Buffer.from(body.buffer, body.byteOffset, body.byteLength), etag, tags);
}

export interface PublicReadCacheOptions<P extends unknown[], T> {
  /** First part of the cache keys (and the label of the cache counters). */
  prefix: string;
  /**
   * Raised when what is stored changes shape or content for the same inputs (a new renderer):
   * keys then differ, so entries an older release stored are never read. Counters keep `prefix`.
   */
  version?: number;
  /** Tags the entry is stored under, from the arguments: a write dropping one drops the entry. */
  tags: (...args: P) => readonly string[];
  /** Tags named to CDNs (`Surrogate-Key`, `Cache-Tag`), from the result. Default: `tags`. */
  headerTags?: (result: T) => readonly string[];
}

/**
 * Memoizes a public read as its serialised answer (see `PublicJson`): one cache lookup per hit,
 * the generation checks and tag invalidation of `cacheMemoize` unchanged. Errors are not cached.
 */
export function cachePublicRead<P extends unknown[], T>(
  ttlSeconds: number,
  options: PublicReadCacheOptions<NoInfer<P>, NoInfer<T>>,
  read: (...args: P) => Promise<T>,
): (...args: P) => Promise<PublicJson> {
  const { prefix, version } = options;
  const memoized = cacheMemoize(ttlSeconds, {
    prefix,
    tags: options.tags,
    ...(version === undefined
      ? {}
      : { keyGenerator: (...args: unknown[]) => buildCacheKey(`${prefix}@v${version}`, args) }),
  })(async (...args: P): Promise<StoredPublicJson> => {
    const result = await read(...args);
    return toPublicJson(result, options.headerTags?.(result) ?? options.tags(...args));
  });
  return async (...args: P) => fromStored(await memoized(...args));
}
