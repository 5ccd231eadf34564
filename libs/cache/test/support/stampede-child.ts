/**
 * One of the two processes of the cross-process stampede test: waits at a Redis barrier for its
 * sibling, then makes 50 concurrent calls on a cold key and prints what it saw.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { cacheMemoize, configureDefaultCache } from '../../src/index.js';
import { openTestClient, REDIS_URL } from './redis.js';

const [namespace, callsKey, barrierKey] = process.argv.slice(2) as [string, string, string];
const cache = configureDefaultCache({ namespace, redisUrl: REDIS_URL, operationTimeoutMs: 500 });
const client = await openTestClient();
await cache.ready();

const render = cacheMemoize(60, { prefix: 'stampede' })(async (slug: string) => {
  await client.incr(callsKey);
  await sleep(300);
  return `rendered ${slug}`;
});

await client.incr(barrierKey);
const deadline = Date.now() + 20_000;
while (Number(await client.get(barrierKey)) < 2 && Date.now() < deadline) await sleep(5);

const results = await Promise.all(Array.from({ length: 50 }, () => render('hello')));
process.stdout.write(JSON.stringify({ results, counters: cache.metrics.counters('stampede') }));
await cache.close();
client.destroy();
