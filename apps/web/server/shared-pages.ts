import { createClient, RESP_TYPES } from '@redis/client';
import { type SharedPages, type SharedSnapshot, type StoredPage } from './page-cache.js';

/**
 * The page cache's store shared by every site process, in Redis. Per page, one hash under
 * `<prefix>:page:<url>` (the epoch it was stored in, its headers, tags and time as JSON, and
 * its three bodies) with the TTL left to it; per tag, the set of pages carrying it and the
 * drop counter's value at the tag's last drop (`<prefix>:dropped:<tag>`).
 *
 * - A drop (each process applies the drops its own stream announces) bumps the counter, marks
 *   its tags with the new value and deletes their pages, in one script.
 * - A render reads the counter before it begins (with the page it missed, in one script); its
 *   page is stored only if none of its tags was marked since and the epoch is the same, checked
 *   and written in one script. So a render under way in one process while another applies a
 *   drop is never stored after it.
 * - The epoch moves on when a process cannot know it heard every drop (it lost Redis, a drop
 *   failed, its stream was down): whatever was stored before is never read again.
 */
export interface SharedPagesOptions {
  url: string;
  /** Prefix of every key: the namespace and the build, so builds never serve each other's pages. */
  prefix: string;
  /** Connection errors; the client reconnects on its own. */
  onError(error: unknown): void;
}

/** Longest a page may be kept (PAGE_CACHE_SECONDS' maximum): a tag's mark outlives every page. */
const MARK_TTL_MS = 86_400_000 + 60_000;
/** A Redis answering slower than this is as good as away for a page: render it instead. */
const DEADLINE_MS = 250;
/**
 * A drop may delete many pages (a settings change drops them all). Past this it counts as
 * failed: the process stops waiting for it, and moves to a new epoch.
 */
const DROP_DEADLINE_MS = 2_000;

// KEYS: epoch, drop counter, page. Returns the epoch and the counter, then the page's metadata
// and its three bodies if it was stored in this epoch: a front holds every encoding.
const READ_SCRIPT = `
local epoch = redis.call('get', KEYS[1]) or '0'
local drops = redis.call('get', KEYS[2]) or '0'
local page = redis.call('hmget', KEYS[3], 'epoch', 'meta', 'br', 'gzip', 'identity')
if page[1] ~= epoch or not page[2] then return {epoch, drops} end
return {epoch, drops, page[2], page[3], page[4], page[5]}`;

// KEYS: epoch, page, then each tag's mark and set (mark1, set1, mark2, set2, ...).
// ARGV: epoch and counter the render began with, TTL, metadata, br, gzip, identity.
// NX gives a new tag set its TTL, GT only ever lengthens it: the set outlives all its pages.
const STORE_SCRIPT = `
if (redis.call('get', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
local began = tonumber(ARGV[2])
for i = 3, #KEYS, 2 do
  if tonumber(redis.call('get', KEYS[i]) or '0') > began then return 0 end
end
redis.call('del', KEYS[2])
redis.call('hset', KEYS[2], 'epoch', ARGV[1], 'meta', ARGV[4], 'br', ARGV[5], 'gzip', ARGV[6], 'identity', ARGV[7])
redis.call('pexpire', KEYS[2], ARGV[3])
for i = 4, #KEYS, 2 do
  redis.call('sadd', KEYS[i], KEYS[2])
  redis.call('pexpire', KEYS[i], ARGV[3], 'NX')
  redis.call('pexpire', KEYS[i], ARGV[3], 'GT')
end
return 1`;

// KEYS: drop counter, then each tag's mark and set. ARGV: the marks' TTL.
// Pages are deleted in batches to stay under Lua's unpack limit.
const DROP_SCRIPT = `
local drops = redis.call('incr', KEYS[1])
for i = 2, #KEYS, 2 do
  redis.call('set', KEYS[i], drops, 'PX', ARGV[1])
  local pages = redis.call('smembers', KEYS[i + 1])
  for j = 1, #pages, 1000 do
    redis.call('unlink', unpack(pages, j, math.min(j + 999, #pages)))
  end
  redis.call('del', KEYS[i + 1])
end
return drops`;

interface PageMeta {
  headers: StoredPage['headers'];
  tags: string[];
  storedAt: number;
}

function withinDeadline<T>(work: Promise<T>, deadlineMs = DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis did not answer within ${deadlineMs} ms`)),
      deadlineMs,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export function openSharedPages(options: SharedPagesOptions): SharedPages {
  const client = createClient({
    url: options.url,
    // Fail at once while Redis is away (the page is rendered) rather than queue.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 1000,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000),
    },
  });
  // Bodies come back as bytes.
  const bytes = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  const key = {
    epoch: `${options.prefix}:epoch`,
    drops: `${options.prefix}:drops`,
    page: (url: string) => `${options.prefix}:page:${url}`,
    mark: (tag: string) => `${options.prefix}:dropped:${tag}`,
    tagged: (tag: string) => `${options.prefix}:tag:${tag}`,
  };
  /** Reasons to move to a new epoch, and how many a bump has covered. */
  let doubts = 0;
  let coveredDoubts = 0;
  let bumping: Promise<void> | undefined;

  /** Before anything after a doubt: a new epoch (one bump for every caller waiting). */
  const settleEpoch = async (): Promise<void> => {
    while (coveredDoubts < doubts) {
      const covering = doubts;
      bumping ??= client
        .incr(key.epoch)
        .then(() => {
          coveredDoubts = Math.max(coveredDoubts, covering);
        })
        .finally(() => {
          bumping = undefined;
        });
      await bumping;
    }
  };

  client.on('error', (error: unknown) => {
    // Drops applied meanwhile by no process may be missing from Redis.
    doubts += 1;
    options.onError(error);
  });
  // Back after an outage: the new epoch before pages are stored again.
  client.on('ready', () => {
    settleEpoch().catch(options.onError);
  });
  client.connect().catch(options.onError);

  return {
    async read(url) {
      if (coveredDoubts < doubts) await withinDeadline(settleEpoch());
      const reply = (await withinDeadline(
        bytes.eval(READ_SCRIPT, { keys: [key.epoch, key.drops, key.page(url)], arguments: [] }),
      )) as unknown as Buffer[];
      const [epoch, drops, meta, br, gzip, identity] = reply;
      const snapshot: SharedSnapshot = { epoch: String(epoch), drops: Number(String(drops)) };
      if (!meta || !br || !gzip || !identity) return { snapshot };
      const { headers, tags, storedAt } = JSON.parse(meta.toString()) as PageMeta;
      return {
        snapshot,
        page: {
          headers,
          tags,
          storedAt,
          bodies: { br, gzip, identity },
          bytes: br.length + gzip.length + identity.length,
        },
      };
    },

    async store(url, page, snapshot, ttlMs) {
      await withinDeadline(settleEpoch());
      const meta: PageMeta = {
        headers: page.headers,
        tags: [...page.tags],
        storedAt: page.storedAt,
      };
      const stored = await withinDeadline(
        client.eval(STORE_SCRIPT, {
          keys: [
            key.epoch,
            key.page(url),
            ...page.tags.flatMap((tag) => [key.mark(tag), key.tagged(tag)]),
          ],
          arguments: [
            snapshot.epoch,
            String(snapshot.drops),
            String(Math.ceil(ttlMs)),
            JSON.stringify(meta),
            page.bodies.br,
            page.bodies.gzip,
            page.bodies.identity,
          ],
        }),
      );
      return stored === 1;
    },

    async drop(tags) {
      try {
        await withinDeadline(
          settleEpoch().then(() =>
            client.eval(DROP_SCRIPT, {
              keys: [key.drops, ...tags.flatMap((tag) => [key.mark(tag), key.tagged(tag)])],
              arguments: [String(MARK_TTL_MS)],
            }),
          ),
          DROP_DEADLINE_MS,
        );
      } catch (error) {
        // It may not have reached Redis: nothing stored before may be read again.
        doubts += 1;
        throw error;
      }
    },

    forgetAll() {
      doubts += 1;
      // At once, not at the next read: pages other processes store from now on are current.
      settleEpoch().catch(options.onError);
    },

    async close() {
      if (client.isOpen) client.destroy();
    },
  };
}
