import { createClient, RESP_TYPES } from '@redis/client';
import { type EntryStore } from './store.js';

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

// Reads and drops each tag set in one step, so a key tagged while invalidating is either deleted
// now or stays recorded for the next invalidation. Members are deleted in batches to stay under
// Lua's unpack limit.
const DELETE_TAGGED_SCRIPT = `
for _, tagKey in ipairs(KEYS) do
  local members = redis.call('smembers', tagKey)
  for i = 1, #members, 1000 do
    redis.call('unlink', unpack(members, i, math.min(i + 999, #members)))
  end
  redis.call('del', tagKey)
end
return 0`;

/**
 * Store on a raw @redis/client connection: entries are stored as the codec's bytes (Keyv would
 * wrap them in JSON and base64), and locks and tags use SET NX PX, sets and Lua.
 */
export class RedisEntryStore implements EntryStore {
  readonly kind = 'redis';
  private readonly bytes: RedisConnection;
  connecting: Promise<void> | undefined;

  constructor(private readonly client: RedisConnection) {
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
    // Replies as Buffers rather than strings, so binary entries round-trip untouched.
    this.bytes = client.withTypeMapping({
      [RESP_TYPES.BLOB_STRING]: Buffer,
    }) as unknown as RedisConnection;
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const reply = (await this.bytes.get(key)) as unknown as Buffer | null;
    return reply ?? undefined;
  }

  async set(
    key: string,
    entry: Uint8Array,
    ttlMs: number,
    tagKeys: readonly string[] = [],
  ): Promise<void> {
    const value = Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength);
    if (tagKeys.length === 0) {
      await this.client.set(key, value, { expiration: { type: 'PX', value: ttlMs } });
      return;
    }
    const multi = this.client.multi().set(key, value, { expiration: { type: 'PX', value: ttlMs } });
    for (const tagKey of tagKeys) {
      // NX gives a new set its TTL, GT only ever lengthens it: the set outlives all its keys.
      multi.sAdd(tagKey, key).pExpire(tagKey, ttlMs, 'NX').pExpire(tagKey, ttlMs, 'GT');
    }
    await multi.exec();
  }

  async add(key: string, entry: Uint8Array, ttlMs: number): Promise<boolean> {
    const value = Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength);
    return (
      (await this.client.set(key, value, {
        condition: 'NX',
        expiration: { type: 'PX', value: ttlMs },
      })) !== null
    );
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.client.unlink([...keys]);
  }

  async deleteTagged(tagKeys: readonly string[]): Promise<void> {
    if (tagKeys.length > 0) await this.client.eval(DELETE_TAGGED_SCRIPT, { keys: [...tagKeys] });
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
    await this.client.ping();
  }

  async close(): Promise<void> {
    if (this.client.isOpen) this.client.destroy();
  }
}
