import { createClient } from '@redis/client';
import { type CounterStore, NO_COUNT, type WindowCount } from './counter-store.js';

type RedisClient = ReturnType<typeof createClient>;

export interface RedisCounterStoreOptions {
  url: string;
  /** Prepended to every key (e.g. `inkwell:ratelimit:`). */
  prefix: string;
  /** Told when Redis fails; the limit is then skipped (fail open), never an error to the client. */
  onError: (message: string) => void;
  /** How long to wait for the first connection before starting anyway. */
  connectTimeoutMs?: number;
}

/**
 * Counters in Redis (INCR + PEXPIRE NX), shared by every API process. A rate limiter must not
 * take the site down with it: when Redis fails, every call answers "no count" and logs.
 */
export class RedisCounterStore implements CounterStore {
  private constructor(
    private readonly client: RedisClient,
    private readonly options: RedisCounterStoreOptions,
  ) {}

  static async connect(options: RedisCounterStoreOptions): Promise<RedisCounterStore> {
    const client: RedisClient = createClient({
      url: options.url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: options.connectTimeoutMs ?? 1000,
        reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000),
      },
    });
    let lastError = '';
    client.on('error', (error: Error) => {
      // Reconnection attempts repeat the same error: log each kind once until it changes.
      if (error.message !== lastError) options.onError(`Redis rate-limit store: ${error.message}`);
      lastError = error.message;
    });
    client.on('ready', () => {
      lastError = '';
    });
    const connected = client.connect().then(
      () => true,
      () => false,
    );
    const timeout = new Promise<boolean>((resolve) =>
      setTimeout(() => resolve(false), options.connectTimeoutMs ?? 1000).unref(),
    );
    if (!(await Promise.race([connected, timeout]))) {
      options.onError('Redis rate-limit store: not reachable yet, rate limits are off until it is');
    }
    return new RedisCounterStore(client, options);
  }

  async increment(key: string, windowMs: number): Promise<WindowCount> {
    const fullKey = this.options.prefix + key;
    return this.failOpen(async () => {
      const [count, , ttl] = await this.client
        .multi()
        .incr(fullKey)
        .pExpire(fullKey, windowMs, 'NX')
        .pTTL(fullKey)
        .exec();
      return { count: Number(count), resetInMs: Math.max(0, Number(ttl)) };
    });
  }

  async peek(key: string): Promise<WindowCount> {
    const fullKey = this.options.prefix + key;
    return this.failOpen(async () => {
      const [count, ttl] = await this.client.multi().get(fullKey).pTTL(fullKey).exec();
      if (count === null || count === undefined) return NO_COUNT;
      return { count: Number(count), resetInMs: Math.max(0, Number(ttl)) };
    });
  }

  async reset(key: string): Promise<void> {
    await this.failOpen(async () => {
      await this.client.del(this.options.prefix + key);
      return NO_COUNT;
    });
  }

  async close(): Promise<void> {
    try {
      this.client.destroy();
    } catch {
      // Already closed: nothing to release.
    }
  }

  private async failOpen(command: () => Promise<WindowCount>): Promise<WindowCount> {
    try {
      return await command();
    } catch (error) {
      this.options.onError(
        `Redis rate-limit store failed, limit skipped: ${(error as Error).message}`,
      );
      return NO_COUNT;
    }
  }
}
