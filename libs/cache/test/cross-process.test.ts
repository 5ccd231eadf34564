import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type CacheCounters, cacheMemoize, createInkwellCache } from '../src/index.js';
import { openTestClient, REDIS_URL, removeNamespace, uniqueNamespace } from './support/redis.js';

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const child = fileURLToPath(new URL('./support/stampede-child.ts', import.meta.url));

function runChild(args: string[]): Promise<{ results: string[]; counters: CacheCounters }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [tsxCli, '--conditions=@inkwell/source', child, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(stdout))
        : reject(new Error(`child exited ${code}: ${stderr}`)),
    );
  });
}

describe('stampede protection across processes', () => {
  const namespace = uniqueNamespace('stampede');

  afterAll(async () => {
    const client = await openTestClient();
    await removeNamespace(client, namespace);
    client.destroy();
  });

  it('calls the function once or twice, never 50 times, for 50 concurrent misses in each of two processes', async () => {
    const callsKey = `${namespace}:calls`;
    const args = [namespace, callsKey, `${namespace}:barrier`];
    const [first, second] = await Promise.all([runChild(args), runChild(args)]);

    const client = await openTestClient();
    const calls = Number(await client.get(callsKey));
    client.destroy();

    expect(first.results).toEqual(Array(50).fill('rendered hello'));
    expect(second.results).toEqual(Array(50).fill('rendered hello'));
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(2);
    expect(first.counters.stampede_wait + second.counters.stampede_wait).toBeGreaterThanOrEqual(98);
  }, 60_000);

  it('makes a second cache (its own connection, as another process) wait for the lock owner', async () => {
    const owner = createInkwellCache({ namespace, redisUrl: REDIS_URL, operationTimeoutMs: 500 });
    const waiter = createInkwellCache({ namespace, redisUrl: REDIS_URL, operationTimeoutMs: 500 });
    try {
      const compute = vi.fn(async (slug: string) => {
        await sleep(300);
        return `rendered ${slug}`;
      });
      const onOwner = cacheMemoize(60, { prefix: 'locked', cache: owner })(compute);
      const onWaiter = cacheMemoize(60, { prefix: 'locked', cache: waiter })(compute);

      const first = onOwner('post');
      await sleep(100);
      expect(await onWaiter('post')).toBe('rendered post');
      expect(await first).toBe('rendered post');
      expect(compute).toHaveBeenCalledTimes(1);
      expect(waiter.metrics.counters('locked').stampede_wait).toBe(1);
    } finally {
      await owner.close();
      await waiter.close();
    }
  });

  it('never stores a value computed in one process before another process invalidated it', async () => {
    const reader = createInkwellCache({ namespace, redisUrl: REDIS_URL, operationTimeoutMs: 500 });
    const writer = createInkwellCache({ namespace, redisUrl: REDIS_URL, operationTimeoutMs: 500 });
    try {
      let title = 'Old title';
      let finishRead!: () => void;
      const gate = new Promise<void>((resolve) => (finishRead = resolve));
      const read = async () => {
        const seen = title;
        if (seen === 'Old title') await gate;
        return seen;
      };
      const options = { prefix: 'generation', tags: () => ['post:generation'] };
      const onReader = cacheMemoize(60, { ...options, cache: reader })(read);
      const onWriter = cacheMemoize(60, { ...options, cache: writer })(read);

      const slow = onReader();
      await sleep(50);
      title = 'New title';
      await writer.invalidateTags(['post:generation']);
      finishRead();
      expect(await slow).toBe('Old title');
      expect(await onWriter()).toBe('New title');
      expect(await onReader()).toBe('New title');
      expect(reader.metrics.counters('generation').stale_skip).toBe(1);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('lets only the owner of a lock release it', async () => {
    const cache = createInkwellCache({ namespace, redisUrl: REDIS_URL });
    try {
      await cache.ready();
      const lockKey = cache.lockKey(`${namespace}:some-entry`);
      expect(await cache.store.lock(lockKey, 'token-a', 5_000)).toBe(true);
      expect(await cache.store.lock(lockKey, 'token-b', 5_000)).toBe(false);
      await cache.store.unlock(lockKey, 'token-b');
      expect(await cache.store.lock(lockKey, 'token-b', 5_000)).toBe(false);
      await cache.store.unlock(lockKey, 'token-a');
      expect(await cache.store.lock(lockKey, 'token-b', 5_000)).toBe(true);
    } finally {
      await cache.close();
    }
  });
});
