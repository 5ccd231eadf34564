import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { type NextFunction, type Request, type Response } from 'express';

/**
 * The site's page cache. Readers' pages are the same for everyone and name the API's cache tags
 * they were built from (`Surrogate-Key`); a page is kept until a write drops one of its tags
 * (`dropTags`, fed by the API's stream of dropped tags), with a long TTL as a safety net. Each
 * page is rendered once and stored compressed (brotli, gzip and identity), so a hit is a map
 * lookup and a write of stored bytes, with its ETag (304 on If-None-Match) and no compression
 * middleware. Concurrent misses for one URL wait for one render. While the stream of drops is
 * down nothing is stored or served (`setLive(false)` clears everything): a page cannot be known
 * fresh then. A render that began before a drop of one of its tags is not stored.
 *
 * With `shared` (Redis, when REDIS_URL is set) pages are stored there too, for every site
 * process: this process's own copies are then a front that spares a hot page the round trip.
 * A page missing from the front is looked for in the shared store before it is rendered. Each
 * process applies the drops its stream announces to both; the shared store checks, when a page
 * is stored, that no process dropped one of its tags since its render began. A shared store
 * that fails or is slow is skipped: the process serves and keeps pages on its own meanwhile.
 */
export interface PageCacheOptions {
  /** How long a page is kept at most if no write drops it; 0 turns the cache off. */
  seconds: number;
  /** Pages kept in this process at most; the least recently used go first. */
  maxEntries?: number;
  /** Bytes kept at most, all three encodings of every page counted. */
  maxBytes?: number;
  /** Pages shared by every site process. */
  shared?: SharedPages;
  /** Where failures of the shared store are told (they never fail a request). */
  onSharedError?: (error: unknown) => void;
  now?: () => number;
  /** Told how each request was met, e.g. to count them; called on the hot path: keep it cheap. */
  observe?: (outcome: PageCacheOutcome) => void;
  /** Where a failure to store a page is reported. */
  logError?: (message: string, error: unknown) => void;
}

/** What a render began with, as the shared store counts: its page is stored only if still so. */
export interface SharedSnapshot {
  epoch: string;
  drops: number;
}

/** The page cache's store shared by every site process (`shared-pages.ts`: Redis). */
export interface SharedPages {
  /** The page stored for a URL, if any, and the snapshot a render begun now compares with. */
  read(url: string): Promise<{ page?: StoredPage; snapshot: SharedSnapshot }>;
  /** Stores a page unless one of its tags was dropped (or the epoch moved on) since `snapshot`. */
  store(url: string, page: StoredPage, snapshot: SharedSnapshot, ttlMs: number): Promise<boolean>;
  /** A write dropped these tags: their pages go, renders under way anywhere are not kept. */
  drop(tags: readonly string[]): Promise<void>;
  /** Drops may have gone unheard: nothing stored so far is read again. */
  forgetAll(): void;
  close(): Promise<void>;
}

/**
 * `hit`: answered from the cache (also after waiting for the render under way); `miss`:
 * cacheable but rendered; `bypass`: not for the cache (a session, an admin page, data
 * requests, the cache off or not live).
 */
export type PageCacheOutcome = 'hit' | 'miss' | 'bypass';

export const DEFAULT_MAX_ENTRIES = 1_000;
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/**
 * Brotli quality of stored pages. Measured on a demo post page (36.5 KB of HTML; gzip: 6,957 B
 * in ~2 ms): quality 6 gave 6,372 B in ~1-4 ms, 9 gave 6,300 B in ~35-50 ms, 10 5,865 B in ~49 ms,
 * 11 5,698 B in ~155 ms. A page is compressed once per write, but one post edit drops every post
 * page (their neighbour links), the requests waiting on a miss wait for its compression, and
 * the machine has two cores: 6 is 8% smaller than gzip at gzip's cost.
 */
export const BROTLI_QUALITY = 6;

type Encoding = 'br' | 'gzip' | 'identity';

export interface StoredPage {
  headers: Record<string, string | string[]>;
  bodies: Record<Encoding, Buffer>;
  tags: readonly string[];
  storedAt: number;
  bytes: number;
}

/** A render of a page no one else is rendering; concurrent requests for it wait for it. */
interface Flight {
  /** When the render began: the TTL counts from then. */
  began: number;
  /** The drop counter when the render began: a later drop of one of its tags makes it stale. */
  startedAt: number;
  /** Which live period it began in: a stream outage since makes it stale too. */
  period: number;
  waiters: Array<() => void>;
  settled: boolean;
  /** What the shared store counted when the render began; unset: kept in this process only. */
  shared?: SharedSnapshot;
  /** The page found or stored, for the requests waiting (this process may not keep it). */
  page?: StoredPage;
  /** A drop or an outage made the render stale: its waiters need a render of their own. */
  stale?: boolean;
}

export interface PageCache {
  /** Before the compression middleware: answers stored pages; holds concurrent misses. */
  serve(req: Request, res: Response, next: NextFunction): void;
  /** Right in front of the renderer: stores what the first miss of a URL renders. */
  record(req: Request, res: Response, next: NextFunction): void;
  /** A write dropped these tags: pages carrying any of them go, renders under way are not kept. */
  dropTags(tags: readonly string[]): void;
  /** Whether every drop reaches this cache now. Either way, what was kept goes. */
  setLive(live: boolean): void;
  /** Lets go of the shared store. */
  close(): Promise<void>;
  readonly size: number;
}

/** Headers sent again for each answer rather than stored with the page (each request has its id). */
const NOT_STORED = new Set([
  'content-encoding',
  'content-length',
  'transfer-encoding',
  'x-page-cache',
  'x-request-id',
]);
/** `/preview`: drafts shown through secret links are never kept, whatever their headers say. */
const BYPASSED_PREFIXES = ['/admin', '/realtime', '/images', '/preview'];
/** Where `serve` hands a render's flight to `record` (res.locals). */
const FLIGHT = 'pageCacheFlight';

/** The bodies a page is stored as, compressed on the thread pool (off the event loop). */
export async function compressPage(identity: Buffer): Promise<Record<Encoding, Buffer>> {
  const [br, gzipped] = await Promise.all([
    promisify(brotliCompress)(identity, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
    promisify(gzip)(identity),
  ]);
  return { br, gzip: gzipped, identity };
}

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

/**
 * The tags a response may be kept under: only a public page for no one in particular, built
 * from tagged reads (it names its tags and has an ETag), can be dropped when it goes stale.
 */
function storableTags(res: Response): string[] | undefined {
  const cacheControl = String(res.getHeader('cache-control') ?? '');
  const tags = String(res.getHeader('surrogate-key') ?? '')
    .split(' ')
    .filter(Boolean);
  const storable =
    res.statusCode === 200 &&
    /(?:^|,)\s*public\s*(?:,|$)/.test(cacheControl) &&
    !/(?:^|,)\s*(?:private|no-store)\b/.test(cacheControl) &&
    !res.getHeader('set-cookie') &&
    res.getHeader('etag') !== undefined &&
    tags.length > 0;
  return storable ? tags : undefined;
}

/** Captures the identity body a response writes, handing every chunk on unchanged. */
function captureBody(res: Response, done: (body: Buffer) => void): void {
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
    const ended = end(chunk, ...rest);
    done(Buffer.concat(chunks));
    return ended;
  }) as Response['end'];
}

export function createPageCache(options: PageCacheOptions): PageCache {
  const ttlMs = options.seconds * 1000;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const now = options.now ?? Date.now;
  const observe = options.observe ?? (() => {});
  const logError =
    options.logError ?? ((message: string, error: unknown) => console.error(message, error));
  /** In least recently used order. */
  const pages = new Map<string, StoredPage>();
  const pagesByTag = new Map<string, Set<string>>();
  const flights = new Map<string, Flight>();
  let bytes = 0;
  let live = false;
  let period = 0;
  /** Counts drops; `droppedAt` keeps each tag's last, while some render may compare with it. */
  let drops = 0;
  const droppedAt = new Map<string, number>();

  const forget = (key: string): void => {
    const page = pages.get(key);
    if (!page) return;
    pages.delete(key);
    bytes -= page.bytes;
    for (const tag of page.tags) {
      const keys = pagesByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) pagesByTag.delete(tag);
    }
  };

  const clear = (): void => {
    pages.clear();
    pagesByTag.clear();
    bytes = 0;
  };

  const store = (key: string, page: StoredPage): void => {
    forget(key);
    if (page.bytes > maxBytes) return;
    pages.set(key, page);
    bytes += page.bytes;
    for (const tag of page.tags) {
      const keys = pagesByTag.get(tag) ?? new Set<string>();
      keys.add(key);
      pagesByTag.set(tag, keys);
    }
    while (pages.size > maxEntries || bytes > maxBytes) forget(pages.keys().next().value!);
  };

  /** Whether no drop of its tags and no outage happened since the render began. */
  const isStillFresh = (flight: Flight, tags: readonly string[]): boolean =>
    live &&
    flight.period === period &&
    tags.every((tag) => (droppedAt.get(tag) ?? -1) <= flight.startedAt);

  const settle = (key: string, flight: Flight): void => {
    if (flight.settled) return;
    flight.settled = true;
    flights.delete(key);
    // Only renders under way compare with the drop log: with none, it may start afresh.
    if (flights.size === 0) droppedAt.clear();
    for (const wake of flight.waiters) wake();
  };

  const lookup = (key: string): StoredPage | undefined => {
    const page = pages.get(key);
    if (!page) return undefined;
    if (now() - page.storedAt >= ttlMs) {
      forget(key);
      return undefined;
    }
    // Most recently used last.
    pages.delete(key);
    pages.set(key, page);
    return page;
  };

  const replay = (req: Request, res: Response, page: StoredPage): void => {
    res.status(200);
    for (const [name, value] of Object.entries(page.headers)) res.setHeader(name, value);
    res.setHeader('X-Page-Cache', 'HIT');
    res.vary('Accept-Encoding');
    // Express compares If-None-Match with the ETag just set.
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    // The smallest the reader takes: browsers list gzip first, all at the same weight.
    const encoding: Encoding = req.acceptsEncodings('br')
      ? 'br'
      : req.acceptsEncodings('gzip')
        ? 'gzip'
        : 'identity';
    const body = page.bodies[encoding];
    if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const reportShared = options.onSharedError ?? ((error: unknown) => console.error(error));
  /** Drops sent to the shared store and not yet applied there: until then it may be stale. */
  let pendingSharedDrops = 0;

  /**
   * Stores a page where it belongs: in the shared store if the render read its snapshot (and
   * then here only if the shared store took it: one of its tags may have been dropped by
   * another process since), here alone otherwise or when the shared store failed.
   */
  const storeChecked = async (key: string, flight: Flight, page: StoredPage): Promise<void> => {
    const { shared } = options;
    if (shared && flight.shared) {
      const ttlLeft = ttlMs - (now() - flight.began);
      if (ttlLeft <= 0) return;
      const kept = await shared.store(key, page, flight.shared, ttlLeft).catch((error: unknown) => {
        reportShared(error);
        return true;
      });
      // A drop may have come meanwhile.
      if (!kept || !isStillFresh(flight, page.tags)) {
        flight.stale = true;
        return;
      }
    }
    store(key, page);
    flight.page = page;
  };

  const keep = async (key: string, flight: Flight, res: Response, identity: Buffer) => {
    const tags = storableTags(res);
    if (!tags) return;
    if (!isStillFresh(flight, tags)) {
      flight.stale = true;
      return;
    }
    const headers: StoredPage['headers'] = {};
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (!NOT_STORED.has(name) && value !== undefined) {
        headers[name] = Array.isArray(value) ? value : String(value);
      }
    }
    const bodies = await compressPage(identity);
    // A drop may have come while compressing.
    if (!isStillFresh(flight, tags)) {
      flight.stale = true;
      return;
    }
    await storeChecked(key, flight, {
      headers,
      bodies,
      tags,
      storedAt: flight.began,
      bytes: bodies.br.length + bodies.gzip.length + identity.length,
    });
  };

  /** Looks for a page in the shared store: answers with it, or lets the request render it. */
  const readShared = (
    shared: SharedPages,
    key: string,
    flight: Flight,
    req: Request,
    res: Response,
    next: NextFunction,
  ): void => {
    shared.read(key).then(
      ({ page, snapshot }) => {
        if (page && now() - page.storedAt < ttlMs && isStillFresh(flight, page.tags)) {
          delete res.locals[FLIGHT];
          store(key, page);
          flight.page = page;
          settle(key, flight);
          observe('hit');
          replay(req, res, page);
          return;
        }
        flight.shared = snapshot;
        observe('miss');
        next();
      },
      (error: unknown) => {
        reportShared(error);
        observe('miss');
        next();
      },
    );
  };

  const serve = (req: Request, res: Response, next: NextFunction): void => {
    if (ttlMs <= 0 || !live || !isCacheableRequest(req)) {
      observe('bypass');
      return next();
    }
    const key = req.originalUrl;
    const page = lookup(key);
    if (page) {
      observe('hit');
      return replay(req, res, page);
    }
    const underway = req.method === 'GET' ? flights.get(key) : undefined;
    if (underway) {
      // One render answers them all: wait for it, then answer from what it stored. A render
      // gone stale meanwhile answers none of them: they start over, and share the next one.
      underway.waiters.push(() => {
        if (underway.page) {
          observe('hit');
          replay(req, res, underway.page);
        } else if (underway.stale) {
          serve(req, res, next);
        } else {
          observe('miss');
          next();
        }
      });
      return;
    }
    if (req.method !== 'GET') {
      observe('miss');
      return next();
    }
    const flight: Flight = {
      began: now(),
      startedAt: drops,
      period,
      waiters: [],
      settled: false,
    };
    flights.set(key, flight);
    res.locals[FLIGHT] = flight;
    // A request answered before the renderer (a static file, the API gate) frees its waiters.
    res.on('close', () => {
      if (res.locals[FLIGHT]) settle(key, flight);
    });
    // While a drop is on its way to the shared store, what it holds may be stale.
    if (options.shared && pendingSharedDrops === 0) {
      readShared(options.shared, key, flight, req, res, next);
    } else {
      observe('miss');
      next();
    }
  };

  return {
    serve,

    record(req, res, next) {
      const flight = res.locals[FLIGHT] as Flight | undefined;
      if (!flight) return next();
      const key = req.originalUrl;
      // From here the flight settles once the page is stored (or found not storable).
      delete res.locals[FLIGHT];
      res.setHeader('X-Page-Cache', 'MISS');
      captureBody(res, (identity) => {
        keep(key, flight, res, identity).then(
          () => settle(key, flight),
          (error: unknown) => {
            logError('Page cache: storing a page failed', error);
            settle(key, flight);
          },
        );
      });
      // A render cut off before its end (the reader left) stores nothing.
      res.on('close', () => {
        if (!res.writableFinished) settle(key, flight);
      });
      next();
    },

    dropTags(tags) {
      drops += 1;
      for (const tag of tags) {
        if (flights.size > 0) droppedAt.set(tag, drops);
        for (const key of [...(pagesByTag.get(tag) ?? [])]) forget(key);
      }
      if (options.shared) {
        pendingSharedDrops += 1;
        options.shared
          .drop(tags)
          .catch(reportShared)
          .finally(() => {
            pendingSharedDrops -= 1;
          });
      }
    },

    setLive(isLive) {
      live = isLive;
      period += 1;
      clear();
      // Drops while this process was not following may have reached no process at all.
      if (isLive) options.shared?.forgetAll();
    },

    async close() {
      await options.shared?.close();
    },

    get size() {
      return pages.size;
    },
  };
}
