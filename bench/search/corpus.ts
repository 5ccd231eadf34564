/** A deterministic synthetic blog: posts of technical prose drawn from a seeded PRNG. */

const BASE_WORDS = `
postgresql replication standby primary checkpoint vacuum autovacuum index btree gin gist trigram
tsvector tsquery ranking query planner explain analyze partition sharding connection pool pgbouncer
transaction isolation snapshot deadlock lock latch buffer cache eviction memory allocation garbage
collector heap stack pointer reference borrow ownership lifetime trait generic closure iterator
async await future promise callback event loop microtask scheduler thread mutex semaphore channel
tokio runtime executor spawn select timeout cancellation retry backoff circuit breaker idempotency
kubernetes container docker image layer registry deployment rollout readiness liveness probe service
ingress nginx proxy balancer certificate tls handshake latency throughput bandwidth packet socket
websocket polling bayeux realtime notification subscription publisher message broker kafka rabbitmq
redis serialization messagepack protobuf schema migration rollback version compatibility contract
python django asyncio decorator generator coroutine packaging wheel virtualenv dependency resolver
javascript typescript react hydration rendering component state reducer effect memoization bundle
webpack esbuild vite minification compression gzip brotli caching etag revalidate header cookie
session authentication authorization token oauth password hashing bcrypt argon encryption signature
firefox chrome browser devtools profiler flamegraph performance paint layout reflow stylesheet
font image thumbnail avif webp responsive srcset viewport accessibility semantic markup template
testing fixture factory assertion mock stub coverage regression bisect flaky property hypothesis
benchmark percentile histogram metric tracing logging observability alerting dashboard incident
elasticsearch analyzer tokenizer stemmer synonym suggester highlighter relevance scoring boosting
compiler parser lexer grammar syntax tree interpreter bytecode optimizer inlining allocation
filesystem journaling snapshot backup restore archive retention replication failover quorum consensus
raft paxos leader election heartbeat gossip membership partitioning consistency availability
`
  .split(/\s+/u)
  .filter((word) => word !== '');

const SUFFIXES = ['', '', '', 's', 'ing', 'ed', 'er'];

/** Mulberry32: small, fast, seeded; the same seed gives the same corpus on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function vocabulary(): string[] {
  return [...new Set(BASE_WORDS.flatMap((word) => SUFFIXES.map((suffix) => word + suffix)))];
}

/** Zipf-like ranks: a few words everywhere, most words in some posts, as in real prose. */
function zipfPicker(size: number, random: () => number): () => number {
  const weights = Array.from({ length: size }, (_, rank) => 1 / (rank + 1));
  const cumulative: number[] = [];
  let sum = 0;
  for (const weight of weights) cumulative.push((sum += weight));
  return () => {
    const target = random() * sum;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

export interface SyntheticPost {
  id: number;
  slug: string;
  title: string;
  body: string;
  summary: string;
  categories: { slug: string; name: string }[];
  publishedAt: string;
}

export function* syntheticPosts(
  count: number,
  wordsPerPost: number,
  seed: number,
): Generator<SyntheticPost> {
  const random = seededRandom(seed);
  const words = vocabulary();
  // Shuffle once so that frequency rank does not follow the alphabet or the base list.
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [words[i], words[j]] = [words[j]!, words[i]!];
  }
  const pick = zipfPicker(words.length, random);
  const categories = ['postgresql', 'rust', 'javascript', 'python', 'devops', 'testing'];
  for (let id = 1; id <= count; id++) {
    const title = Array.from({ length: 6 }, () => words[pick()]).join(' ');
    const sentences: string[] = [];
    let written = 0;
    while (written < wordsPerPost) {
      const length = 8 + Math.floor(random() * 12);
      sentences.push(`${Array.from({ length }, () => words[pick()]).join(' ')}.`);
      written += length;
    }
    const category = categories[id % categories.length]!;
    yield {
      id,
      slug: `post-${id}`,
      title,
      body: sentences.join(' '),
      summary: '',
      categories: [{ slug: category, name: category }],
      publishedAt: new Date(Date.UTC(2020, 0, 1) + id * 3_600_000).toISOString(),
    };
  }
}

/** One typo (swap, drop, double or replace a letter) in each of `count` vocabulary words. */
export function typoQueries(count: number, seed: number): { typed: string; intended: string }[] {
  const random = seededRandom(seed);
  const words = vocabulary().filter((word) => word.length >= 6);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from({ length: count }, (_, i) => {
    const intended = words[Math.floor(random() * words.length)]!;
    const at = 1 + Math.floor(random() * (intended.length - 2));
    const chars = [...intended];
    switch (i % 4) {
      case 0:
        [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
        break;
      case 1:
        chars.splice(at, 1);
        break;
      case 2:
        chars.splice(at, 0, chars[at]!);
        break;
      default:
        chars[at] = letters[Math.floor(random() * letters.length)]!;
    }
    // Every other query is two words, the typo in the first.
    const second = i % 2 === 0 ? '' : ` ${words[Math.floor(random() * words.length)]}`;
    return { typed: chars.join('') + second, intended };
  });
}
