import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type InkwellCache } from './cache.js';
import { buildCacheKey, digest, safeKey } from './keys.js';
import { type CacheRef, getCache } from './registry.js';
import { type GenerationSnapshot } from './store.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- `any[]` is the only parameter list every function is assignable to. */

export interface MemoizeOptions {
  /** First part of every key. Default: `Class.method` for decorated methods, `name.<hash of source>` for functions. */
  prefix?: string;
  /** The cache, or its registered alias. Default: the default cache, looked up at call time. */
  cache?: CacheRef;
  /** Maps each argument to what identifies it, e.g. a post to its id. */
  argsRewrite?: (arg: unknown) => unknown;
  /** Replaces key building entirely: the returned text (made store-safe) is the key. */
  keyGenerator?: (...args: any[]) => string;
  onHit?: (...args: any[]) => void;
  onMiss?: (...args: any[]) => void;
  /** `false`: run at most once per TTL per key and keep only a marker; repeated calls resolve `undefined`. */
  storeResult?: boolean;
  /** Tags recorded for each stored entry, dropped together by `invalidateTags`. */
  tags?: (...args: any[]) => readonly string[];
}

type AsyncFunction = (...args: any[]) => Promise<unknown>;
type Result<F extends AsyncFunction, Guard extends boolean> = Guard extends true
  ? Awaited<ReturnType<F>> | undefined
  : Awaited<ReturnType<F>>;

export interface MemoizedControls<P extends unknown[], R> {
  /** Removes the entry for exactly these arguments. */
  invalidate(...args: P): Promise<void>;
  /** Recomputes and stores, skipping the cached value. */
  refresh(...args: P): Promise<R>;
  /** The store key for these arguments (namespace included). */
  cacheKey(...args: P): string;
  readonly prefix: string;
}

export type Memoized<F extends AsyncFunction, Guard extends boolean = false> = ((
  ...args: Parameters<F>
) => Promise<Result<F, Guard>>) &
  MemoizedControls<Parameters<F>, Result<F, Guard>>;

export interface Memoizer<Guard extends boolean> {
  /** Wraps a function. */
  <F extends AsyncFunction>(fn: F): Memoized<F, Guard>;
  /** Decorates a method; reach its controls with `memoizedOf(this.method)`. */
  (
    target: object,
    propertyKey: string | symbol,
    descriptor: PropertyDescriptor,
  ): PropertyDescriptor;
}

const MEMOIZED = Symbol('inkwell.memoized');
const defaultPrefixes = new Set<string>();

/**
 * Two functions given the same default prefix would read each other's entries (same name and
 * source, different closures): refuse and ask for an explicit prefix.
 */
function claimDefaultPrefix(prefix: string): string {
  if (defaultPrefixes.has(prefix)) {
    throw new Error(
      `Two memoized functions would share the cache prefix "${prefix}"; pass a distinct \`prefix\` option.`,
    );
  }
  defaultPrefixes.add(prefix);
  return prefix;
}

type Lookup = { found: true; value: unknown } | { found: false; failed: boolean };

class MemoizedCall {
  private readonly ttlMs: number;

  constructor(
    ttlSeconds: number,
    private readonly options: MemoizeOptions,
    readonly prefix: string,
    private readonly original: AsyncFunction,
  ) {
    if (!(ttlSeconds > 0))
      throw new RangeError(`cacheMemoize needs a positive TTL in seconds, got ${ttlSeconds}`);
    this.ttlMs = Math.round(ttlSeconds * 1000);
  }

  cacheKey(args: unknown[], cache = getCache(this.options.cache)): string {
    const { keyGenerator, argsRewrite } = this.options;
    if (keyGenerator) return cache.entryKey(safeKey(keyGenerator(...args)));
    return cache.entryKey(buildCacheKey(this.prefix, argsRewrite ? args.map(argsRewrite) : args));
  }

  async call(thisArg: unknown, args: unknown[], refresh: boolean): Promise<unknown> {
    const cache = getCache(this.options.cache);
    const key = this.cacheKey(args, cache);
    if (this.options.storeResult === false)
      return this.callOnce(cache, key, thisArg, args, refresh);
    if (refresh) return this.computeAndStore(cache, key, thisArg, args);

    let lookup: Lookup = { found: false, failed: false };
    if (!this.running(cache, key)) {
      lookup = await this.lookup(cache, key);
      if (lookup.found) {
        cache.metrics.count(this.prefix, 'hit');
        this.options.onHit?.(...args);
        return lookup.value;
      }
    }
    this.miss(cache, args);
    // Checked after the lookup too: concurrent callers all miss, the first one computes.
    const running = this.running(cache, key);
    if (running) {
      cache.metrics.count(this.prefix, 'stampede_wait');
      return running;
    }
    // A failed or slow store still gets one computation per key in this process; it just is
    // not stored (nor locked across processes).
    return this.share(cache, key, () =>
      lookup.failed
        ? this.original.apply(thisArg, args)
        : this.computeOnce(cache, key, thisArg, args),
    );
  }

  async invalidate(args: unknown[]): Promise<void> {
    const cache = getCache(this.options.cache);
    await cache.invalidate(
      [cache.functionGenerationKey(this.prefix)],
      [this.cacheKey(args, cache)],
      [],
    );
  }

  /** The computation running for `key` that began after this process's last invalidation. */
  private running(cache: InkwellCache, key: string): Promise<unknown> | undefined {
    const pending = cache.pending.get(key);
    return pending && pending.invalidationsBefore === cache.invalidations
      ? pending.promise
      : undefined;
  }

  private miss(cache: InkwellCache, args: unknown[]): void {
    cache.metrics.count(this.prefix, 'miss');
    this.options.onMiss?.(...args);
  }

  private failed(cache: InkwellCache, error: unknown, during: string): void {
    cache.metrics.count(this.prefix, 'error');
    cache.failures.report(error, during);
  }

  private async lookup(cache: InkwellCache, key: string): Promise<Lookup> {
    let entry: Uint8Array | undefined;
    try {
      entry = await cache.run((store) => store.get(key));
    } catch (error) {
      this.failed(cache, error, `a read of ${key}`);
      return { found: false, failed: true };
    }
    if (entry === undefined) return { found: false, failed: false };
    try {
      return { found: true, value: cache.codec.decode(entry) };
    } catch (error) {
      // An unreadable entry is a miss: the recomputed value overwrites it.
      this.failed(cache, error, `decoding ${key}`);
      return { found: false, failed: false };
    }
  }

  private share(
    cache: InkwellCache,
    key: string,
    compute: () => Promise<unknown>,
  ): Promise<unknown> {
    const shared: Promise<unknown> = compute().finally(() => {
      if (cache.pending.get(key)?.promise === shared) cache.pending.delete(key);
    });
    cache.pending.set(key, { promise: shared, invalidationsBefore: cache.invalidations });
    return shared;
  }

  /**
   * One computation across processes: the caller that takes the lock computes; the others poll
   * the cache, and compute anyway once `lockWaitMs` has passed (a crashed owner must not stall them).
   */
  private async computeOnce(
    cache: InkwellCache,
    key: string,
    thisArg: unknown,
    args: unknown[],
  ): Promise<unknown> {
    const lockKey = cache.lockKey(key);
    const token = randomUUID();
    let locked: boolean;
    try {
      locked = await cache.run((store) => store.lock(lockKey, token, cache.lockTtlMs));
    } catch (error) {
      this.failed(cache, error, `locking ${key}`);
      return this.original.apply(thisArg, args);
    }
    if (!locked) {
      cache.metrics.count(this.prefix, 'stampede_wait');
      const found = await this.awaitOtherProcess(cache, key);
      return found.found ? found.value : this.computeAndStore(cache, key, thisArg, args);
    }
    try {
      // Another process may have stored the value between our miss and our lock.
      const again = await this.lookup(cache, key);
      return again.found ? again.value : await this.computeAndStore(cache, key, thisArg, args);
    } finally {
      await cache
        .run((store) => store.unlock(lockKey, token))
        .catch((error: unknown) => this.failed(cache, error, `unlocking ${key}`));
    }
  }

  private async awaitOtherProcess(cache: InkwellCache, key: string): Promise<Lookup> {
    const deadline = Date.now() + cache.lockWaitMs;
    while (Date.now() < deadline) {
      await sleep(cache.lockPollMs);
      const lookup = await this.lookup(cache, key);
      if (lookup.found || lookup.failed) return lookup;
    }
    return { found: false, failed: false };
  }

  /**
   * The generation check: the counters of the function and of its tags are read before the
   * computation and compared by the store before the write, so a computation that began before
   * an invalidation returns its value but never stores it.
   */
  private async computeAndStore(
    cache: InkwellCache,
    key: string,
    thisArg: unknown,
    args: unknown[],
  ): Promise<unknown> {
    const tags = this.options.tags?.(...args) ?? [];
    const generationKeys = [
      cache.functionGenerationKey(this.prefix),
      ...tags.map((tag) => cache.tagGenerationKey(tag)),
    ];
    let snapshot: GenerationSnapshot | undefined;
    try {
      snapshot = await cache.run((store) => store.readGenerations(generationKeys));
    } catch (error) {
      this.failed(cache, error, `reading the generations of ${key}`);
    }
    const value = await this.original.apply(thisArg, args);
    // Without a snapshot nothing proves the value current: it is returned, not stored.
    if (snapshot === undefined) return value;
    const current = snapshot;
    try {
      const entry = cache.codec.encode(value);
      const tagKeys = tags.map((tag) => cache.tagKey(tag));
      const stored = await cache.run((store) =>
        store.setIfCurrent(key, entry, this.ttlMs, tagKeys, current),
      );
      if (!stored) cache.metrics.count(this.prefix, 'stale_skip');
    } catch (error) {
      this.failed(cache, error, `a write of ${key}`);
    }
    return value;
  }

  /** `storeResult: false`: an atomic add of a marker decides which call runs the function. */
  private async callOnce(
    cache: InkwellCache,
    key: string,
    thisArg: unknown,
    args: unknown[],
    refresh: boolean,
  ): Promise<unknown> {
    const marker = cache.codec.encode(true);
    let claimed: boolean;
    try {
      claimed = refresh
        ? await cache.run((store) => store.set(key, marker, this.ttlMs)).then(() => true)
        : await cache.run((store) => store.add(key, marker, this.ttlMs));
    } catch (error) {
      this.failed(cache, error, `claiming ${key}`);
      return this.original.apply(thisArg, args);
    }
    if (!claimed) {
      cache.metrics.count(this.prefix, 'hit');
      this.options.onHit?.(...args);
      return undefined;
    }
    this.miss(cache, args);
    try {
      return await this.original.apply(thisArg, args);
    } catch (error) {
      // A failed run does not count: the next call may try again.
      await cache
        .run((store) => store.delete([key]))
        .catch((deleteError: unknown) => this.failed(cache, deleteError, `releasing ${key}`));
      throw error;
    }
  }
}

function bind(call: MemoizedCall, thisArg: unknown): Memoized<AsyncFunction, boolean> {
  const memoized = (...args: unknown[]) => call.call(thisArg, args, false);
  return Object.assign(memoized, {
    invalidate: (...args: unknown[]) => call.invalidate(args),
    refresh: (...args: unknown[]) => call.call(thisArg, args, true),
    cacheKey: (...args: unknown[]) => call.cacheKey(args),
    prefix: call.prefix,
    [MEMOIZED]: true,
  });
}

function memoizeFunction(
  ttlSeconds: number,
  options: MemoizeOptions,
  fn: AsyncFunction,
): Memoized<AsyncFunction, boolean> {
  const derived = `${fn.name || 'anonymous'}.${digest(fn.toString()).slice(0, 8)}`;
  // With a keyGenerator the prefix only labels metrics, so sharing it is harmless.
  const prefix = options.prefix ?? (options.keyGenerator ? derived : claimDefaultPrefix(derived));
  return bind(new MemoizedCall(ttlSeconds, options, prefix, fn), undefined);
}

/**
 * Replaces the method by a getter that hands each instance its own bound memoized function, so
 * `this` inside the method, `invalidate` and `refresh` all see the right instance.
 */
function memoizeMethod(
  ttlSeconds: number,
  options: MemoizeOptions,
  target: object,
  propertyKey: string | symbol,
  descriptor: PropertyDescriptor,
): PropertyDescriptor {
  const method: unknown = descriptor.value;
  if (typeof method !== 'function')
    throw new TypeError(`cacheMemoize decorates methods; ${String(propertyKey)} is not one`);
  const owner = typeof target === 'function' ? target.name : target.constructor.name;
  const prefix = options.prefix ?? claimDefaultPrefix(`${owner}.${String(propertyKey)}`);
  const call = new MemoizedCall(ttlSeconds, options, prefix, method as AsyncFunction);
  const perInstance = new WeakMap<object, Memoized<AsyncFunction, boolean>>();
  return {
    configurable: true,
    enumerable: descriptor.enumerable ?? false,
    get(this: object) {
      let bound = perInstance.get(this);
      if (!bound) perInstance.set(this, (bound = bind(call, this)));
      return bound;
    },
  };
}

/**
 * Memoizes an async function in the cache for `ttlSeconds`; usable as `cacheMemoize(60)(fn)` or
 * as the method decorator `@cacheMemoize(60)`.
 */
export function cacheMemoize(
  ttlSeconds: number,
  options: MemoizeOptions & { storeResult: false },
): Memoizer<true>;
export function cacheMemoize(ttlSeconds: number, options?: MemoizeOptions): Memoizer<false>;
export function cacheMemoize(ttlSeconds: number, options: MemoizeOptions = {}): Memoizer<boolean> {
  function memoizer(fn: AsyncFunction): Memoized<AsyncFunction, boolean>;
  function memoizer(
    target: object,
    propertyKey: string | symbol,
    descriptor: PropertyDescriptor,
  ): PropertyDescriptor;
  function memoizer(
    target: AsyncFunction | object,
    propertyKey?: string | symbol,
    descriptor?: PropertyDescriptor,
  ): Memoized<AsyncFunction, boolean> | PropertyDescriptor {
    if (propertyKey !== undefined && descriptor !== undefined)
      return memoizeMethod(ttlSeconds, options, target, propertyKey, descriptor);
    return memoizeFunction(ttlSeconds, options, target as AsyncFunction);
  }
  return memoizer as Memoizer<boolean>;
}

/** The controls (`invalidate`, `refresh`, ...) of a memoized function or decorated method. */
export function memoizedOf<F extends AsyncFunction>(fn: F): Memoized<F> {
  if (!(MEMOIZED in fn))
    throw new TypeError(`${fn.name || 'This function'} is not memoized by cacheMemoize`);
  return fn as unknown as Memoized<F>;
}
