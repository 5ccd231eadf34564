/**
 * Cache benchmark, after the original author's two: memory vs Redis, and JSON vs MessagePack vs
 * MessagePack+zlib, for (a) his workload (80% hits, 1-3 character keys, lists of 30 short strings)
 * and (b) a ~20 KB rendered post; then a memoized hit over Redis against a raw GET of the same
 * bytes, for that list and for the real post entry (the newest demo post as the API caches it:
 * before ADR 0025 its view, since then its JSON answer and ETag), deflated or not. Loopback Redis
 * on 127.0.0.1:6379, about two minutes in all. Prints Markdown tables.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { createClient, RESP_TYPES } from '@redis/client';
import {
  cacheMemoize,
  createInkwellCache,
  type InkwellCache,
  type InkwellCacheOptions,
} from '@inkwell/cache';
import { toPublicJson } from '../../apps/api/src/http-cache/public-json.js';
import { loadRealPost } from './real-post.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const RUN = `inkwell-bench-${randomUUID().slice(0, 8)}`;
const PHASE_MS = 2_000;
const HIT_RATIO = 0.8;

interface Measurement {
  ops: number;
  opsPerSecond: number;
  medianUs: number;
  p99Us: number;
}

function summarize(latencies: number[], seconds: number): Measurement {
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    ops: latencies.length,
    opsPerSecond: latencies.length / seconds,
    medianUs: at(0.5),
    p99Us: at(0.99),
  };
}

/**
 * Runs the operations in turn, one call each per round, for `durationMs` after a short warm-up;
 * latencies in µs. Interleaving makes them share the machine's noise (other jobs, GC) fairly.
 */
async function measure(
  operations: Array<() => Promise<unknown>>,
  durationMs = PHASE_MS,
): Promise<Measurement[]> {
  for (let i = 0; i < 200; i += 1) for (const operation of operations) await operation();
  const latencies = operations.map((): number[] => []);
  const busyNs = operations.map(() => 0n);
  const end = process.hrtime.bigint() + BigInt(durationMs) * 1_000_000n;
  for (let now = process.hrtime.bigint(); now < end;) {
    for (const [index, operation] of operations.entries()) {
      const before = now;
      await operation();
      now = process.hrtime.bigint();
      latencies[index]?.push(Number(now - before) / 1_000);
      busyNs[index] = (busyNs[index] ?? 0n) + (now - before);
    }
  }
  return latencies.map((list, index) => summarize(list, Number(busyNs[index] ?? 0n) / 1e9));
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

function randomWord(min: number, max: number): string {
  const length = min + Math.floor(Math.random() * (max - min + 1));
  return Array.from({ length }, () =>
    String.fromCharCode(97 + Math.floor(Math.random() * 26)),
  ).join('');
}

// Prose repeats its words: a post drawn from a vocabulary compresses like a real one, where
// random letters would not.
const VOCABULARY = Array.from({ length: 600 }, () => randomWord(2, 10));
const prose = (words: number) => Array.from({ length: words }, () => pick(VOCABULARY)).join(' ');

/** About 20 KB of the HTML the API renders for a post: headings, paragraphs, code, lists. */
function renderedPost(slug: string): string {
  const parts: string[] = [`<article><h1>${slug}</h1>`];
  for (let section = 0; parts.join('').length < 20_000; section += 1) {
    parts.push(`<h2 id="section-${section}">${prose(3)}</h2>`);
    parts.push(`<p>${prose(60)}.</p>`);
    parts.push(
      `<pre><code class="language-rust"><span class="hljs-keyword">fn</span> <span class="hljs-title">${pick(VOCABULARY)}</span>() -&gt; Result&lt;()&gt; { <span class="hljs-keyword">let</span> x = ${section}; }</code></pre>`,
    );
    parts.push(`<ul>${Array.from({ length: 4 }, () => `<li>${prose(2)}</li>`).join('')}</ul>`);
  }
  parts.push('</article>');
  return parts.join('\n');
}

const SERIALIZERS: Array<{
  name: string;
  options: Pick<InkwellCacheOptions, 'serializer' | 'compressAboveBytes'>;
}> = [
  { name: 'JSON', options: { serializer: 'json', compressAboveBytes: Infinity } },
  { name: 'MessagePack', options: { serializer: 'msgpack', compressAboveBytes: Infinity } },
  { name: 'MessagePack+zlib', options: { serializer: 'msgpack', compressAboveBytes: 0 } },
];

interface Workload {
  name: string;
  keys: string[];
  value: (key: string) => unknown;
}

const wordLists = new Map<string, string[]>();
const posts = new Map<string, string>();
const WORKLOADS: Workload[] = [
  {
    name: '(a) 1-3 char keys, lists of 30 short strings',
    keys: Array.from({ length: 2_000 }, () => randomWord(1, 3)),
    value: (key) => {
      let list = wordLists.get(key);
      if (!list) wordLists.set(key, (list = Array.from({ length: 30 }, () => randomWord(4, 12))));
      return list;
    },
  },
  {
    name: '(b) ~20 KB rendered post',
    keys: Array.from({ length: 50 }, (_, i) => `post-${i}`),
    value: (key) => {
      let html = posts.get(key);
      if (!html) posts.set(key, (html = renderedPost(key)));
      return html;
    },
  },
];

async function benchWorkload(
  cache: InkwellCache,
  workload: Workload,
): Promise<Measurement & { bytes: number }> {
  const fn = cacheMemoize(600, { cache, prefix: 'bench', keyGenerator: (key: string) => key })(
    async (key: string) => workload.value(key),
  );
  for (const key of workload.keys) await fn(key);
  // 80% hits: one call in five first drops its key, so it misses, computes and stores.
  const [measurement] = (await measure([
    async () => {
      const key = pick(workload.keys);
      if (Math.random() >= HIT_RATIO) await fn.invalidate(key);
      await fn(key);
    },
  ])) as [Measurement];
  const bytes =
    workload.keys.reduce(
      (sum, key) => sum + cache.codec.encode(workload.value(key)).byteLength,
      0,
    ) / workload.keys.length;
  return { ...measurement, bytes };
}

const format = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** CPU of one call, in µs: the median of 2 000 calls. */
function cpuUs(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < 2_000; i += 1) {
    const before = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - before) / 1_000);
  }
  return times.sort((a, b) => a - b)[times.length >> 1] ?? 0;
}

/** A memoized hit over Redis and a raw GET of its entry, interleaved for 4 s. */
async function hitVsRawGet(
  readRaw: (key: string) => Promise<Buffer | null>,
  value: unknown,
  compressAboveBytes: number,
): Promise<{
  rawGet: Measurement;
  memoized: Measurement;
  bytes: number;
  encodeUs: number;
  decodeUs: number;
}> {
  const cache = createInkwellCache({
    namespace: `${RUN}-hit-${randomUUID().slice(0, 8)}`,
    redisUrl: REDIS_URL,
    operationTimeoutMs: 1_000,
    compressAboveBytes,
  });
  await cache.ready();
  const fn = cacheMemoize(600, { cache, prefix: 'hit' })(async (_key: string) => value);
  await fn('k');
  // The entry's value starts with its epoch (`0:`): a raw GET moves the same bytes as a hit.
  const entryKey = fn.cacheKey('k');
  const stored = await readRaw(entryKey);
  if (stored === null) throw new Error(`${entryKey} is not the entry`);
  const [rawGet, memoized] = (await measure([() => readRaw(entryKey), () => fn('k')], 4_000)) as [
    Measurement,
    Measurement,
  ];
  const encodeUs = cpuUs(() => cache.codec.encode(value));
  const entry = await cache.store.get(entryKey);
  const decodeUs = cpuUs(() => cache.codec.decode(entry!));
  await cache.close();
  return { rawGet, memoized, bytes: stored.byteLength, encodeUs, decodeUs };
}

async function main(): Promise<void> {
  const raw = createClient({ url: REDIS_URL });
  await raw.connect();
  const redisVersion = /redis_version:(\S+)/u.exec(await raw.info('server'))?.[1] ?? '?';
  const cpu = cpus();
  console.log(
    `Machine: ${cpu[0]?.model.trim()} (${cpu.length} cores), Node ${process.version}, Redis ${redisVersion} on loopback, load average ${loadavg()[0]?.toFixed(1) ?? '?'} at start.\n`,
  );

  for (const workload of WORKLOADS) {
    console.log(`### ${workload.name}, ${HIT_RATIO * 100}% hits\n`);
    console.log('| store | serializer | ops/s | median µs | p99 µs | bytes stored per entry |');
    console.log('|---|---|---:|---:|---:|---:|');
    for (const store of ['memory', 'redis'] as const) {
      for (const serializer of SERIALIZERS) {
        // The in-process store never compresses: its zlib row would repeat the one above.
        if (store === 'memory' && serializer.options.compressAboveBytes === 0) continue;
        const namespace = `${RUN}-${store}`;
        const cache = createInkwellCache({
          namespace,
          ...(store === 'redis' ? { redisUrl: REDIS_URL, operationTimeoutMs: 1_000 } : {}),
          ...serializer.options,
        });
        await cache.ready();
        const result = await benchWorkload(cache, workload);
        console.log(
          `| ${store} | ${serializer.name} | ${format(result.opsPerSecond)} | ${format(result.medianUs, 1)} | ${format(result.p99Us, 1)} | ${format(result.bytes)} |`,
        );
        await cache.close();
      }
    }
    console.log();
  }

  // A memoized hit does a GET, a decode and the bookkeeping; the floor is a GET of the same bytes.
  const list = Array.from({ length: 30 }, () => randomWord(4, 12));
  const bytesClient = raw.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  const post = await loadRealPost();
  const postTags = [`post:${post.slug}`, 'post-links'];
  const entries: Array<{ name: string; value: unknown }> = [
    { name: 'list of 30 strings', value: list },
    { name: `post \`${post.slug}\` as its view (until ADR 0025)`, value: post.view },
    {
      name: `post \`${post.slug}\` as its JSON bytes + ETag`,
      value: toPublicJson(post.view, postTags),
    },
  ];
  console.log(
    `### Memoized hit over Redis vs raw GET of the same bytes (MessagePack; the post's JSON answer is ${format(post.json.byteLength)} bytes)\n`,
  );
  console.log(
    '| entry | deflated | bytes stored | encode µs | decode µs | raw GET median µs | memoized hit median µs | hit / GET |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const entry of entries) {
    for (const compressAboveBytes of [Infinity, 0]) {
      const row = await hitVsRawGet((key) => bytesClient.get(key), entry.value, compressAboveBytes);
      console.log(
        `| ${entry.name} | ${compressAboveBytes === 0 ? 'yes' : 'no'} | ${format(row.bytes)} | ${format(row.encodeUs, 1)} | ${format(row.decodeUs, 1)} | ${format(row.rawGet.medianUs, 1)} | ${format(row.memoized.medianUs, 1)} | ${format(row.memoized.medianUs / row.rawGet.medianUs, 2)}x |`,
      );
    }
  }
  console.log('\nGoal: a memoized hit of the real post within 1.2x of a raw GET.\n');

  for await (const keys of raw.scanIterator({ MATCH: `${RUN}*`, COUNT: 1000 }))
    if (keys.length > 0) await raw.unlink(keys);
  raw.destroy();
}

await main();
