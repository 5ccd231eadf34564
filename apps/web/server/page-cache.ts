import { type NextFunction, type Request, type Response } from 'express';

/**
 * A micro-cache of rendered pages, in front of Remix. Readers' pages are the same for everyone
 * and say so (`Cache-Control: public`), so under load one render answers every request for the
 * same URL for a second or two, as a caching proxy would; a matching If-None-Match gets a 304.
 * Any request that may write (a form post, an admin action) empties it, so this server never
 * shows its own writes late. Pages a CDN may keep (`s-maxage`, with the API's purge hook) are
 * not stored: a CDN refetching right after a purge must get the page of now, and the CDN is
 * then the shared cache.
 */
export interface PageCacheOptions {
  /** How long a page is reused; 0 turns the cache off. */
  seconds: number;
  /** Pages kept at most; the least recently used go first. */
  maxEntries?: number;
  now?: () => number;
}

interface CachedPage {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  storedAt: number;
}

export interface PageCache {
  middleware(req: Request, res: Response, next: NextFunction): void;
  clear(): void;
  readonly size: number;
}

/** Headers the compression middleware sets again when the cached body is sent. */
const NOT_REPLAYED = new Set([
  'content-encoding',
  'content-length',
  'transfer-encoding',
  'x-page-cache',
]);
const BYPASSED_PREFIXES = ['/admin', '/realtime', '/images'];

function isCacheableRequest(req: Request): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    !req.headers.cookie &&
    !req.headers.authorization &&
    // Remix data requests carry loader data for revalidation (live comments): always fresh.
    !req.path.endsWith('.data') &&
    !('_data' in req.query) &&
    !BYPASSED_PREFIXES.some((prefix) => req.path === prefix || req.path.startsWith(`${prefix}/`))
  );
}

/** Whether this cache may reuse a response: public, for no one in particular, kept by no CDN. */
function isReusable(res: Response): boolean {
  const cacheControl = String(res.getHeader('cache-control') ?? '');
  return (
    /(?:^|,)\s*public(?:,|$)/.test(cacheControl) &&
    !/(?:^|,)\s*s-maxage=/.test(cacheControl) &&
    !res.getHeader('set-cookie')
  );
}

export function createPageCache(options: PageCacheOptions): PageCache {
  const ttlMs = options.seconds * 1000;
  const maxEntries = options.maxEntries ?? 500;
  const now = options.now ?? Date.now;
  const pages = new Map<string, CachedPage>();

  const replay = (req: Request, res: Response, page: CachedPage) => {
    res.status(page.status);
    for (const [name, value] of Object.entries(page.headers)) res.setHeader(name, value);
    res.setHeader('X-Page-Cache', 'HIT');
    // Express compares If-None-Match with the ETag just set.
    if (req.fresh) res.status(304).end();
    else res.end(req.method === 'HEAD' ? undefined : page.body);
  };

  const record = (key: string, res: Response) => {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(
        Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(
              chunk as string,
              typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
            ),
      );
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      if (res.statusCode === 200 && isReusable(res)) {
        const headers: CachedPage['headers'] = {};
        for (const [name, value] of Object.entries(res.getHeaders())) {
          if (!NOT_REPLAYED.has(name) && value !== undefined) {
            headers[name] = Array.isArray(value) ? value : String(value);
          }
        }
        pages.set(key, {
          status: 200,
          headers,
          body: Buffer.concat(chunks),
          storedAt: now(),
        });
        if (pages.size > maxEntries) pages.delete(pages.keys().next().value!);
      }
      return end(chunk, ...rest);
    }) as Response['end'];
    res.setHeader('X-Page-Cache', 'MISS');
  };

  return {
    middleware(req, res, next) {
      if (ttlMs <= 0) return next();
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        // A write may change any page: forget them all once it is done.
        res.on('finish', () => pages.clear());
        return next();
      }
      if (!isCacheableRequest(req)) return next();
      const key = req.originalUrl;
      const page = pages.get(key);
      if (page && now() - page.storedAt < ttlMs) {
        pages.delete(key);
        pages.set(key, page);
        return replay(req, res, page);
      }
      if (req.method === 'GET') record(key, res);
      next();
    },
    clear: () => pages.clear(),
    get size() {
      return pages.size;
    },
  };
}
