/**
 * Realtime fan-out on loopback: 1,000 Faye websocket readers of one post, served by one API
 * process and by two processes bridged through Redis. Prints publish-to-delivery latency
 * (server-side publish call to the reader's callback), how many readers got each hint exactly
 * once, not at all or more than once, and server memory per connection.
 * Usage: npm run bench:realtime [-- --subscribers 1000 --hints 30]
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { type Worker, forkWorker } from './ipc.js';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '1000' },
    hints: { type: 'string', default: '30' },
    redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
  },
});
const SUBSCRIBERS = Number(values.subscribers);
const HINTS = Number(values.hints);
const WARM_UP_HINTS = 5;
const HINT_INTERVAL_MS = 200;
const DRAIN_MS = 1_000;
const DEADLINE_MS = 150_000;

const serverScript = new URL('./server-process.ts', import.meta.url).pathname;
const subscriberScript = new URL('./subscriber-process.ts', import.meta.url).pathname;

interface Memory {
  rss: number;
  heapUsed: number;
}

/** (reader, hint) pairs by how many times the reader got the hint. */
interface DeliveriesPerReader {
  missed: number;
  once: number;
  duplicated: number;
}

interface Row {
  setup: string;
  upgrades: number;
  delivered: number;
  expected: number;
  perReader: DeliveriesPerReader;
  p50: number;
  p99: number;
  rssPerConnection: number;
  heapPerConnection: number;
}

const workers: Worker[] = [];
const start = (script: string, args: string[], execArgv?: string[]): Worker => {
  const worker = forkWorker(script, args, execArgv);
  workers.push(worker);
  return worker;
};

async function memoryOf(servers: Worker[]): Promise<{ total: Memory; upgrades: number }> {
  const replies = await Promise.all(
    servers.map((server) => server.ask({ memory: true }, 'memory')),
  );
  const total = { rss: 0, heapUsed: 0 };
  let upgrades = 0;
  for (const reply of replies) {
    const memory = reply.memory as Memory;
    total.rss += memory.rss;
    total.heapUsed += memory.heapUsed;
    upgrades += Number(reply.websocketUpgrades);
  }
  return { total, upgrades };
}

function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

async function measure(setup: string, serverArgs: string[][]): Promise<Row> {
  const servers = serverArgs.map((args) => start(serverScript, args, ['--expose-gc']));
  const origins = await Promise.all(
    servers.map(async (server) => String((await server.next('origin')).origin)),
  );
  const before = await memoryOf(servers);

  const subscriber = start(subscriberScript, [
    String(SUBSCRIBERS),
    ...origins.map((origin) => `${origin}/realtime`),
  ]);
  await subscriber.next('subscribed');
  const after = await memoryOf(servers);

  // Publishers take turns, so with two processes half the hints cross Redis from each side.
  const sentAt: Record<number, number> = {};
  for (let id = 1; id <= WARM_UP_HINTS + HINTS; id++) {
    const publisher = servers[id % servers.length]!;
    const reply = await publisher.ask({ publish: id }, 'published');
    if (id > WARM_UP_HINTS) sentAt[id] = Number(reply.sentAt);
    await sleep(HINT_INTERVAL_MS);
  }
  await sleep(DRAIN_MS);

  const { latencies, perClient } = (await subscriber.ask({ latencies: sentAt }, 'latencies')) as {
    latencies: number[];
    perClient: DeliveriesPerReader;
  };
  latencies.sort((a, b) => a - b);
  subscriber.kill();
  for (const server of servers) server.kill();

  return {
    setup,
    upgrades: after.upgrades,
    delivered: latencies.length,
    expected: HINTS * SUBSCRIBERS,
    perReader: perClient,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rssPerConnection: (after.total.rss - before.total.rss) / SUBSCRIBERS,
    heapPerConnection: (after.total.heapUsed - before.total.heapUsed) / SUBSCRIBERS,
  };
}

async function main(): Promise<void> {
  const deadline = setTimeout(() => {
    console.error(`Realtime bench exceeded ${DEADLINE_MS / 1000} s`);
    for (const worker of workers) worker.kill();
    process.exit(1);
  }, DEADLINE_MS);
  try {
    const redisChannel = `inkwell:realtime:bench:${randomUUID()}`;
    const rows = [
      await measure('1 process', [[]]),
      await measure('2 processes + Redis', [
        [values.redis, redisChannel],
        [values.redis, redisChannel],
      ]),
    ];
    const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
    console.log(
      `\n${SUBSCRIBERS} websocket subscribers on one post, ${HINTS} hints ${HINT_INTERVAL_MS} ms apart (after ${WARM_UP_HINTS} warm-up)\n`,
    );
    console.log(
      '| setup | websocket upgrades | deliveries | reader × hint: once | missed | more than once | p50 ms | p99 ms | server RSS / conn (KB) | server heap / conn (KB) |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of rows) {
      console.log(
        `| ${row.setup} | ${row.upgrades} | ${row.delivered} / ${row.expected} | ${row.perReader.once} | ${row.perReader.missed} | ${row.perReader.duplicated} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} | ${kb(row.rssPerConnection)} | ${kb(row.heapPerConnection)} |`,
      );
    }
  } finally {
    clearTimeout(deadline);
    for (const worker of workers) worker.kill();
  }
}

await main();
