import { createClient, RESP_TYPES } from '@redis/client';
import { type EntryStore, type GenerationSnapshot } from './store.js';

export interface RedisConnectionOptions {
  url: string;
  /** Longest wait for a TCP connection before retrying. Default 1000 ms. */
  connectTimeoutMs?: number;
  /** Receives connection errors (the client retries in the background). */
  onError: (error: unknown) => void;
}

/**
 * A client that fails fast instead of queueing while Redis is away (the memoizer then calls the
 * function directly), and keeps reconnecting in the background with a capped backoff. The start
 * is not awaited: an application boots, and serves uncached, while Redis is down.
 */
export function openRedisConnection(options: RedisConnectionOptions) {
  const client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: options.connectTimeoutMs ?? 1000,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000),
    },
  });
  client.on('error', options.onError);
  client.connect().catch(options.onError);
  return client;
}

export type RedisConnection = ReturnType<typeof openRedisConnection>;

// Deletes the lock only when the caller's token still holds it, so a caller whose lock expired
// never releases the next owner's lock.
const UNLOCK_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

// Entries live under the current epoch (`<namespace>:@<epoch>:<rest of the key>`), read from
// KEYS[1] inside each script, so no caller ever acts on an epoch older than the store's.
const EPOCH = `local epoch = redis.call('get', KEYS[1]) or '0'`;

// KEYS: epoch. ARGV: key head, key tail.
const GET_SCRIPT = `${EPOCH} return redis.call('get', ARGV[1] .. epoch .. ARGV[2])`;

// KEYS: epoch. ARGV: key head, key tail, value, ttl, NX or XX-free flag ('NX' or '').
const SET_SCRIPT = `${EPOCH}
local key = ARGV[1] .. epoch .. ARGV[2]
if ARGV[5] == 'NX' then
  return redis.call('set', key, ARGV[3], 'NX', 'PX', ARGV[4]) and 1 or 0
end
redis.call('set', key, ARGV[3], 'PX', ARGV[4])
return 1`;

// KEYS: the snapshot's counters (the epoch first), then tag sets. ARGV: number of counters,
// key head, key tail, value, ttl, then the counters' values as read. Stores only if every counter
// still has that value; the entry goes under the epoch read then, which is the current one.
// NX gives a new tag set its TTL, GT only ever lengthens it: the set outlives all its keys.
const SET_IF_CURRENT_SCRIPT = `
local counters = tonumber(ARGV[1])
for i = 1, counters do
  if (redis.call('get', KEYS[i]) or '0') ~= ARGV[5 + i] then return 0 end
end
local key = ARGV[2] .. ARGV[6] .. ARGV[3]
redis.call('set', key, ARGV[4], 'PX', ARGV[5])
for i = counters + 1, #KEYS do
  redis.call('sadd', KEYS[i], key)
  redis.call('pexpire', KEYS[i], ARGV[5], 'NX')
  redis.call('pexpire', KEYS[i], ARGV[5], 'GT')
end
return 1`;

// KEYS: epoch, counters to bump, tag sets. ARGV: number of counters, then head/tail pairs of the
// keys to delete. Bumps first, so a computation that read the old counters never stores; reads
// and drops each tag set in the same step, so a key tagged meanwhile is either deleted now or
// stays recorded. Members are deleted in batches to stay under Lua's unpack limit.
const INVALIDATE_SCRIPT = `${EPOCH}
local counters = tonumber(ARGV[1])
for i = 2, counters + 1 do redis.call('incr', KEYS[i]) end
for i = 2, #ARGV, 2 do redis.call('unlink', ARGV[i] .. epoch .. ARGV[i + 1]) end
for i = counters + 2, #KEYS do
  local members = redis.call('smembers', KEYS[i])
  for j = 1, #members, 1000 do
    redis.call('unlink', unpack(members, j, math.min(j + 999, #members)))
  end
  redis.call('del', KEYS[i])
end
return 0`;

export interface RedisKeyLayout {
  /** `<escaped namespace>:`, the start of every key the cache builds. */
  keyPrefix: string;
  /** Holds the current epoch. */
  epochKey: string;
}

/**
 * Store on a raw @redis/client connection: entries are stored as the codec's bytes (Keyv would
 * wrap them in JSON and base64), and locks, tags and generation checks use SET NX PX, sets and
 * Lua. Entries live under an epoch kept in Redis: a process that lost its connection (or an
 * invalidation) bumps it before its next operation, so nothing cached before is served again.
 */
export class RedisEntryStore implements EntryStore {
  readonly kind = 'redis';
  private readonly bytes: RedisConnection;
  connecting: Promise<void> | undefined;
  /** Outages seen, and how many of them an epoch bump has covered. */
  private outages = 0;
  private coveredOutages = 0;
  private bumping: Promise<void> | undefined;

  constructor(
    private readonly client: RedisConnection,
    private readonly layout: RedisKeyLayout,
  ) {
    // Calls made while the process boots wait for the first connection instead of failing as
    // "offline"; once it has succeeded or failed, a lost connection fails calls at once.
    this.connecting = client.isReady
      ? undefined
      : new Promise((resolve) => {
          const settle = () => {
            client.off('ready', settle).off('error', settle);
            this.connecting = undefined;
            resolve();
          };
          client.on('ready', settle).on('error', settle);
        });
    // Whatever was invalidated while the connection was down never reached Redis.
    client.on('error', () => this.forgetAfterLostInvalidation());
    // Replies as Buffers rather than strings, so binary entries round-trip untouched.
    this.bytes = client.withTypeMapping({
      [RESP_TYPES.BLOB_STRING]: Buffer,
    }) as unknown as RedisConnection;
  }

  forgetAfterLostInvalidation(): void {
    this.outages += 1;
  }

  /** Before any operation after an outage: bump the epoch (once for all callers waiting). */
  private async settleEpoch(): Promise<void> {
    while (this.coveredOutages < this.outages) {
      const covering = this.outages;
      this.bumping ??= this.client
        .incr(this.layout.epochKey)
        .then(() => {
          this.coveredOutages = Math.max(this.coveredOutages, covering);
        })
        .finally(() => {
          this.bumping = undefined;
        });
      await this.bumping;
    }
  }

  /** `[head, tail]` of an entry key around its epoch: `ns:@` + epoch + `:rest`. */
  private split(key: string): [string, string] {
    const { keyPrefix } = this.layout;
    if (!key.startsWith(keyPrefix)) throw new Error(`${key} is not a key of this cache`);
    return [`${keyPrefix}@`, `:${key.slice(keyPrefix.length)}`];
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    await this.settleEpoch();
    const reply = (await this.bytes.eval(GET_SCRIPT, {
      keys: [this.layout.epochKey],
      arguments: this.split(key),
    })) as unknown as Buffer | null;
    return reply ?? undefined;
  }

  async readGenerations(generationKeys: readonly string[]): Promise<GenerationSnapshot> {
    await this.settleEpoch();
    const keys = [this.layout.epochKey, ...generationKeys];
    const values = await this.client.mGet(keys);
    return { keys, values: values.map((value) => value ?? '0') };
  }

  async setIfCurrent(
    key: string,
    entry: Uint8Array,
    ttlMs: number,
    tagKeys: readonly string[],
    snapshot: GenerationSnapshot,
  ): Promise<boolean> {
    await this.settleEpoch();
    const stored = await this.client.eval(SET_IF_CURRENT_SCRIPT, {
      keys: [...snapshot.keys, ...tagKeys],
      arguments: [
        String(snapshot.keys.length),
        ...this.split(key),
        bufferOf(entry),
        String(ttlMs),
        ...snapshot.values,
      ],
    });
    return stored === 1;
  }

  async set(key: string, entry: Uint8Array, ttlMs: number): Promise<void> {
    await this.setAtEpoch(key, entry, ttlMs, '');
  }

  async add(key: string, entry: Uint8Array, ttlMs: number): Promise<boolean> {
    return this.setAtEpoch(key, entry, ttlMs, 'NX');
  }

  private async setAtEpoch(
    key: string,
    entry: Uint8Array,
    ttlMs: number,
    condition: 'NX' | '',
  ): Promise<boolean> {
    await this.settleEpoch();
    const stored = await this.client.eval(SET_SCRIPT, {
      keys: [this.layout.epochKey],
      arguments: [...this.split(key), bufferOf(entry), String(ttlMs), condition],
    });
    return stored === 1;
  }

  async delete(keys: readonly string[]): Promise<void> {
    await this.invalidate([], keys, []);
  }

  async invalidate(
    generationKeys: readonly string[],
    keys: readonly string[],
    tagKeys: readonly string[],
  ): Promise<void> {
    await this.settleEpoch();
    await this.client.eval(INVALIDATE_SCRIPT, {
      keys: [this.layout.epochKey, ...generationKeys, ...tagKeys],
      arguments: [String(generationKeys.length), ...keys.flatMap((key) => this.split(key))],
    });
  }

  async lock(key: string, token: string, ttlMs: number): Promise<boolean> {
    return (
      (await this.client.set(key, token, {
        condition: 'NX',
        expiration: { type: 'PX', value: ttlMs },
      })) !== null
    );
  }

  async unlock(key: string, token: string): Promise<void> {
    await this.client.eval(UNLOCK_SCRIPT, { keys: [key], arguments: [token] });
  }

  async ping(): Promise<void> {
    await this.settleEpoch();
    await this.client.ping();
  }

  async close(): Promise<void> {
    if (this.client.isOpen) this.client.destroy();
  }
}

function bufferOf(entry: Uint8Array): Buffer {
  return Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength);
}
