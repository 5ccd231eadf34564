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

// Every entry's value starts with the epoch it was stored under and a colon (`7:<entry>`): a read
// fetches the epoch and the entry in one MGET and treats an entry of another epoch as missing,
// so no caller is ever served what was cached before the store's current epoch.
const EPOCH = `local epoch = redis.call('get', KEYS[1]) or '0'`;

// KEYS: epoch, entry. ARGV: value, ttl, 'NX' (only if no entry of the current epoch) or ''.
const SET_SCRIPT = `${EPOCH}
if ARGV[3] == 'NX' then
  local old = redis.call('get', KEYS[2])
  if old and string.sub(old, 1, #epoch + 1) == epoch .. ':' then return 0 end
end
redis.call('set', KEYS[2], epoch .. ':' .. ARGV[1], 'PX', ARGV[2])
return 1`;

// KEYS: the snapshot's counters (the epoch first), the entry, then tag sets. ARGV: number of
// counters, value, ttl, then the counters' values as read. Stores only if every counter still
// has that value; the entry is marked with the epoch read then, which is the current one.
// NX gives a new tag set its TTL, GT only ever lengthens it: the set outlives all its keys.
const SET_IF_CURRENT_SCRIPT = `
local counters = tonumber(ARGV[1])
for i = 1, counters do
  if (redis.call('get', KEYS[i]) or '0') ~= ARGV[3 + i] then return 0 end
end
local key = KEYS[counters + 1]
redis.call('set', key, ARGV[4] .. ':' .. ARGV[2], 'PX', ARGV[3])
for i = counters + 2, #KEYS do
  redis.call('sadd', KEYS[i], key)
  redis.call('pexpire', KEYS[i], ARGV[3], 'NX')
  redis.call('pexpire', KEYS[i], ARGV[3], 'GT')
end
return 1`;

// KEYS: counters to bump, keys to delete, tag sets. ARGV: number of counters, number of keys.
// Bumps first, so a computation that read the old counters never stores; reads and drops each
// tag set in the same step, so a key tagged meanwhile is either deleted now or stays recorded.
// Members are deleted in batches to stay under Lua's unpack limit.
const INVALIDATE_SCRIPT = `
local counters = tonumber(ARGV[1])
local keys = counters + tonumber(ARGV[2])
for i = 1, counters do redis.call('incr', KEYS[i]) end
for i = counters + 1, keys do redis.call('unlink', KEYS[i]) end
for i = keys + 1, #KEYS do
  local members = redis.call('smembers', KEYS[i])
  for j = 1, #members, 1000 do
    redis.call('unlink', unpack(members, j, math.min(j + 999, #members)))
  end
  redis.call('del', KEYS[i])
end
return 0`;

/** The colon after the epoch, within the first bytes of an entry's value. */
const COLON = 0x3a;

export interface RedisKeyLayout {
  /** Holds the current epoch. */
  epochKey: string;
}

/**
 * Store on a raw @redis/client connection: entries are stored as the codec's bytes (Keyv would
 * wrap them in JSON and base64), and locks, tags and generation checks use SET NX PX, sets and
 * Lua. Entries are marked with an epoch kept in Redis: a process that lost its connection (or an
 * invalidation) bumps it before its next operation, so nothing cached before is served again.
 * A hit is one MGET (the epoch and the entry), with no script: it costs what a GET costs.
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

  async get(key: string): Promise<Uint8Array | undefined> {
    // Skipped, not awaited, when there is nothing to settle: this is every hit's path.
    if (this.coveredOutages < this.outages) await this.settleEpoch();
    const [epoch, entry] = (await this.bytes.mGet([
      this.layout.epochKey,
      key,
    ])) as unknown as Array<Buffer | null>;
    if (!entry) return undefined;
    const colon = entry.indexOf(COLON);
    const current = epoch ?? ZERO;
    // Stored under an older epoch: as good as deleted.
    if (colon !== current.byteLength || !current.equals(entry.subarray(0, colon))) return undefined;
    return entry.subarray(colon + 1);
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
      keys: [...snapshot.keys, key, ...tagKeys],
      arguments: [String(snapshot.keys.length), bufferOf(entry), String(ttlMs), ...snapshot.values],
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
      keys: [this.layout.epochKey, key],
      arguments: [bufferOf(entry), String(ttlMs), condition],
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
      keys: [...generationKeys, ...keys, ...tagKeys],
      arguments: [String(generationKeys.length), String(keys.length)],
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

const ZERO = Buffer.from('0');

function bufferOf(entry: Uint8Array): Buffer {
  return Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength);
}
