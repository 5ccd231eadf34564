import { createClient } from '@redis/client';
import {
  type CounterStore,
  type LadderStep,
  type Reservation,
  type WindowCount,
} from './counter-store.js';

type RedisClient = ReturnType<typeof createClient>;

export interface RedisCounterStoreOptions {
  url: string;
  /** Prepended to every key (e.g. `inkwell:ratelimit:`). */
  prefix: string;
  /** Told when the connection fails (each kind of error once until it changes). */
  onError: (message: string) => void;
  /** How long to wait for the first connection before starting anyway. */
  connectTimeoutMs?: number;
}

/** The server's clock in ms, so that every API process measures waits alike. */
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** Delays (`u`, an instant in ms) and failure counts (`n`) in one hash per key. */
const RESERVE = `${NOW}
local longest, refused = 0, 0
for i = 1, #KEYS do
  local wait = tonumber(redis.call('HGET', KEYS[i], 'u') or '0') - now
  if wait > longest then longest, refused = wait, i end
end
if refused > 0 then return {refused, longest} end
for i = 1, #KEYS do
  local b = (i - 1) * 5
  local free, first, max, forget = tonumber(ARGV[b + 1]), tonumber(ARGV[b + 2]), tonumber(ARGV[b + 3]), tonumber(ARGV[b + 4])
  local failures = redis.call('HINCRBY', KEYS[i], 'n', 1)
  if failures >= free then
    redis.call('HSET', KEYS[i], 'u', math.floor(now + math.min(max, first * 2 ^ (failures - free))))
  end
  redis.call('PEXPIRE', KEYS[i], forget)
  local group = ARGV[b + 5]
  if group ~= '' then
    redis.call('SADD', group, KEYS[i])
    if redis.call('PTTL', group) < tonumber(forget) then redis.call('PEXPIRE', group, forget) end
  end
end
return {0, 0}`;

const REFUND = `for i = 1, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    if redis.call('HINCRBY', KEYS[i], 'n', -1) < tonumber(ARGV[i]) then redis.call('HDEL', KEYS[i], 'u') end
  end
end
return 0`;

const FORGET_GROUP = `for _, key in ipairs(redis.call('SMEMBERS', KEYS[1])) do redis.call('DEL', key) end
redis.call('DEL', KEYS[1])
return 0`;

const GROUP_WAIT = `${NOW}
local longest = 0
for _, key in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local wait = tonumber(redis.call('HGET', key, 'u') or '0') - now
  if wait > longest then longest = wait end
end
return longest`;

/**
 * Rate-limit state in Redis, shared by every API process. Each method is one round trip and
 * atomic (MULTI or a Lua script). Errors are thrown: `ResilientCounterStore` decides what a
 * failing Redis means (the in-memory fallback), never this class.
 */
export class RedisCounterStore implements CounterStore {
  private constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
  ) {}

  static async connect(options: RedisCounterStoreOptions): Promise<RedisCounterStore> {
    const client: RedisClient = createClient({
      url: options.url,
      // Never queue while disconnected: a command fails at once and the fallback answers.
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
      options.onError('Redis rate-limit store: not reachable yet, limits are kept in memory');
    }
    return new RedisCounterStore(client, options.prefix);
  }

  async increment(key: string, windowMs: number): Promise<WindowCount> {
    const fullKey = this.prefix + key;
    const [count, , ttl] = await this.client
      .multi()
      .incr(fullKey)
      .pExpire(fullKey, windowMs, 'NX')
      .pTTL(fullKey)
      .exec();
    return { count: Number(count), resetInMs: Math.max(0, Number(ttl)) };
  }

  async reserve(steps: LadderStep[]): Promise<Reservation> {
    const [refused, wait] = (await this.client.eval(RESERVE, {
      keys: steps.map((step) => this.prefix + step.key),
      arguments: steps.flatMap(({ ladder, groupKey }) => [
        String(ladder.freeFailures),
        String(ladder.firstDelayMs),
        String(ladder.maxDelayMs),
        String(ladder.forgetAfterMs),
        groupKey ? this.prefix + groupKey : '',
      ]),
    })) as [number, number];
    if (refused === 0) return { allowed: true };
    return { allowed: false, refusedStep: refused - 1, retryInMs: wait };
  }

  async refund(steps: LadderStep[]): Promise<void> {
    await this.client.eval(REFUND, {
      keys: steps.map((step) => this.prefix + step.key),
      arguments: steps.map((step) => String(step.ladder.freeFailures)),
    });
  }

  async forget(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.client.del(keys.map((key) => this.prefix + key));
  }

  async forgetGroup(groupKey: string): Promise<void> {
    await this.client.eval(FORGET_GROUP, { keys: [this.prefix + groupKey] });
  }

  async groupWaitMs(groupKey: string): Promise<number> {
    return Math.max(
      0,
      Number(await this.client.eval(GROUP_WAIT, { keys: [this.prefix + groupKey] })),
    );
  }

  async close(): Promise<void> {
    try {
      this.client.destroy();
    } catch {
      // Already closed: nothing to release.
    }
  }
}
