import KeyvRedis from '@keyv/redis';
import { Keyv } from 'keyv';
import { type Codec, type CodecOptions, createCodec } from './codec.js';
import { type CacheLogger, FailureReporter, type RecordedFailure } from './failures.js';
import { escapeKeyPart, safeKey } from './keys.js';
import { MemoryEntryStore } from './memory-store.js';
import { CacheMetrics } from './metrics.js';
import { openRedisConnection, RedisEntryStore } from './redis-store.js';
import { type EntryStore } from './store.js';

export interface InkwellCacheOptions extends CodecOptions {
  /** Prefix of every key this cache writes, e.g. `blog`. */
  namespace: string;
  /** `redis://host:port/db`; without it the cache lives in process memory. */
  redisUrl?: string;
  /** Bound on each store operation; past it the call runs uncached. Default 50 ms. */
  operationTimeoutMs?: number;
  /** Receives store failures, at most one line per `failureLogIntervalMs`. Default `console`. */
  logger?: CacheLogger;
  /** Default 60 000 ms. */
  failureLogIntervalMs?: number;
  /** Life of the cross-process lock taken while one caller computes a missing value. Default 5 000 ms. */
  lockTtlMs?: number;
  /** How long other processes poll for that value before computing it themselves. Default 1 000 ms. */
  lockWaitMs?: number;
  /** Poll period of those waiters. Default 20 ms. */
  lockPollMs?: number;
  /** Bound of the in-process store; the least recently used entry goes first. Default 10 000. */
  memoryMaxEntries?: number;
}

/** A computation running in this process, and the invalidations this process had seen when it began. */
export interface PendingComputation {
  promise: Promise<unknown>;
  invalidationsBefore: number;
}

export interface CacheHealth {
  status: 'ok' | 'failing';
  store: 'memory' | 'redis';
  /** Why the check failed. */
  error?: string;
  /** The latest store failure seen by any call, even if the store has recovered since. */
  lastFailure?: RecordedFailure;
}

export class CacheTimeoutError extends Error {
  constructor(ms: number) {
    super(`Cache operation timed out after ${ms} ms`);
    this.name = 'CacheTimeoutError';
  }
}

/** One promise and one timer per operation: this sits on every cache hit. */
function withTimeout<T>(operation: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new CacheTimeoutError(ms)), ms);
    operation.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * One named cache: a store (Keyv in memory, or Redis), how values are encoded, the layout of its
 * keys, its counters and its failure log. Memoized functions find it through the registry.
 */
export class InkwellCache {
  readonly namespace: string;
  readonly codec: Codec;
  readonly metrics = new CacheMetrics();
  readonly failures: FailureReporter;
  /**
   * The Keyv store @nestjs/cache-manager builds its `CACHE_MANAGER` on. It shares the memory map
   * or the Redis connection with the memoizer, under `namespace::key`.
   */
  readonly keyv: Keyv;
  readonly store: EntryStore;
  /** Computations running in this process, by key: concurrent misses share one. */
  readonly pending = new Map<string, PendingComputation>();
  /** Invalidations made by this process: a caller never joins a computation older than one. */
  invalidations = 0;
  readonly lockTtlMs: number;
  readonly lockWaitMs: number;
  readonly lockPollMs: number;
  private readonly operationTimeoutMs: number;
  private readonly keyPrefix: string;

  constructor(options: InkwellCacheOptions) {
    this.namespace = options.namespace;
    this.keyPrefix = escapeKeyPart(options.namespace);
    // In process memory compression saves nothing worth its CPU: no bytes cross a network, and
    // the store is bounded by its number of entries.
    this.codec = createCodec(
      options.redisUrl ? options : { ...options, compressAboveBytes: Number.POSITIVE_INFINITY },
    );
    this.failures = new FailureReporter(
      options.logger ?? console,
      options.failureLogIntervalMs ?? 60_000,
      options.namespace,
    );
    this.operationTimeoutMs = options.operationTimeoutMs ?? 50;
    this.lockTtlMs = options.lockTtlMs ?? 5_000;
    this.lockWaitMs = options.lockWaitMs ?? 1_000;
    this.lockPollMs = options.lockPollMs ?? 20;
    if (options.redisUrl) {
      const client = openRedisConnection({
        url: options.redisUrl,
        onError: (error) => this.failures.report(error, 'connection'),
      });
      this.store = new RedisEntryStore(client, { epochKey: `${this.keyPrefix}:#epoch` });
      // useKeyPrefix: false, or Keyv and @keyv/redis each add the namespace (`blog::blog:key`).
      this.keyv = new Keyv({
        store: new KeyvRedis(client, { namespace: options.namespace }),
        namespace: options.namespace,
        useKeyPrefix: false,
      });
    } else {
      // Keyv stores into the memoizer's bounded map. No Keyv serializer, as in cache-manager's own
      // default: entries are already bytes. No Keyv key prefix: our keys carry the namespace, and
      // Keyv 5.6 skips its prefix on single-key calls for keys that already start with it but
      // not on deleteMany, which then misses them.
      const memory = new MemoryEntryStore(options.memoryMaxEntries ?? 10_000);
      this.store = memory;
      this.keyv = new Keyv({
        store: memory.records,
        serialize: undefined,
        deserialize: undefined,
        useKeyPrefix: false,
      });
    }
    this.keyv.on('error', (error: unknown) => this.failures.report(error, 'a Keyv operation'));
  }

  entryKey(key: string): string {
    return `${this.keyPrefix}:${key}`;
  }

  tagKey(tag: string): string {
    return `${this.keyPrefix}:#tag:${safeKey(tag)}`;
  }

  lockKey(entryKey: string): string {
    return `${this.keyPrefix}:#lock:${entryKey}`;
  }

  /** Counter bumped by every invalidation of `tag`. */
  tagGenerationKey(tag: string): string {
    return `${this.keyPrefix}:#gen:tag:${safeKey(tag)}`;
  }

  /** Counter bumped by every `invalidate(...args)` of the memoized function with this prefix. */
  functionGenerationKey(prefix: string): string {
    return `${this.keyPrefix}:#gen:fn:${safeKey(prefix)}`;
  }

  /** Entries the in-process store dropped to stay within `memoryMaxEntries` (0 for Redis). */
  get evictions(): number {
    return this.store instanceof MemoryEntryStore ? this.store.evictions : 0;
  }

  /** Runs a store operation within the timeout (memory cannot hang, so it is left unbounded). */
  run<T>(operation: (store: EntryStore) => Promise<T>): Promise<T> {
    if (this.store.kind === 'memory') return operation(this.store);
    const connecting = this.store.connecting;
    const pending = connecting
      ? connecting.then(() => operation(this.store))
      : operation(this.store);
    return withTimeout(pending, this.operationTimeoutMs);
  }

  /** Resolves once the first connection attempt has succeeded or failed (at once for memory). */
  async ready(): Promise<void> {
    await this.store.connecting;
  }

  /** For a heartbeat: asks the store to answer within the operation timeout. */
  async health(): Promise<CacheHealth> {
    const base = {
      store: this.store.kind,
      ...(this.failures.last ? { lastFailure: this.failures.last } : {}),
    };
    try {
      await this.run((store) => store.ping());
      return { status: 'ok', ...base };
    } catch (error) {
      this.failures.report(error, 'a health check');
      return {
        status: 'failing',
        ...base,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }

  /** Deletes every entry stored under any of the tags. Failures are thrown: a write must know. */
  async invalidateTags(tags: readonly string[]): Promise<void> {
    await this.invalidate(
      tags.map((tag) => this.tagGenerationKey(tag)),
      [],
      tags.map((tag) => this.tagKey(tag)),
    );
  }

  /**
   * Bumps the generation counters, deletes the keys and the tagged entries. A failure (thrown)
   * also makes the store forget everything cached so far once it answers again: the lost
   * invalidation cannot leave a stale entry behind. A timeout is not a loss: the command is still
   * on its way and runs in order, unless the connection drops, which the store notices itself.
   */
  async invalidate(
    generationKeys: readonly string[],
    keys: readonly string[],
    tagKeys: readonly string[],
  ): Promise<void> {
    this.invalidations += 1;
    try {
      await this.run((store) => store.invalidate(generationKeys, keys, tagKeys));
    } catch (error) {
      if (!(error instanceof CacheTimeoutError)) this.store.forgetAfterLostInvalidation();
      throw error;
    }
  }

  async close(): Promise<void> {
    this.pending.clear();
    await this.store.close();
  }
}
