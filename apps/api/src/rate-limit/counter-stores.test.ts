import { randomBytes } from 'node:crypto';
import { createClient } from '@redis/client';
import { afterAll, describe, expect, test } from 'vitest';
import { startStallingRedis } from '../../test/stalling-redis.js';
import { type CounterStore, type DelayLadder, type LadderStep } from './counter-store.js';
import { MemoryCounterStore } from './memory-counter-store.js';
import { formatWait } from './rate-limit.js';
import { RedisCounterStore } from './redis-counter-store.js';
import { ResilientCounterStore } from './resilient-counter-store.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `inkwell-test:${Date.now()}-${randomBytes(3).toString('hex')}:`;

afterAll(async () => {
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*` })) {
    if (keys.length > 0) await client.del(keys);
  }
  client.destroy();
});

const ladder: DelayLadder = {
  freeFailures: 3,
  firstDelayMs: 60_000,
  maxDelayMs: 200_000,
  forgetAfterMs: 600_000,
};
const unique = (name: string) => `${name}-${randomBytes(4).toString('hex')}`;

const stores: Array<[string, () => Promise<CounterStore>]> = [
  ['memory', async () => new MemoryCounterStore()],
  ['redis', () => RedisCounterStore.connect({ url: REDIS_URL, prefix, onError: console.error })],
];

describe.each(stores)('%s counter store', (_name, open) => {
  const withStore = (run: (store: CounterStore) => Promise<void>) => async () => {
    const store = await open();
    try {
      await run(store);
    } finally {
      await store.close();
    }
  };

  test(
    'counts within a fixed window; the window ends and the count starts again',
    withStore(async (store) => {
      const key = unique('w');
      expect((await store.increment(key, 60_000)).count).toBe(1);
      const second = await store.increment(key, 60_000);
      expect(second.count).toBe(2);
      expect(second.resetInMs).toBeGreaterThan(50_000);
      expect(second.resetInMs).toBeLessThanOrEqual(60_000);
      const short = unique('s');
      await store.increment(short, 50);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect((await store.increment(short, 50)).count).toBe(1);
    }),
  );

  test(
    'the free failures pass, then each failure doubles the wait up to the cap',
    withStore(async (store) => {
      const step: LadderStep = { key: unique('l'), ladder };
      for (let i = 0; i < 3; i += 1) expect(await store.reserve([step])).toEqual({ allowed: true });
      const refused = await store.reserve([step]);
      expect(refused).toMatchObject({ allowed: false, refusedStep: 0 });
      if (refused.allowed) return;
      expect(refused.retryInMs).toBeGreaterThan(55_000);
      expect(refused.retryInMs).toBeLessThanOrEqual(60_000);
      // A refund below the free failures lifts the wait; the next failure arms it again.
      await store.refund([step]);
      expect(await store.reserve([step])).toEqual({ allowed: true });
      expect(await store.reserve([step])).toMatchObject({ allowed: false });
    }),
  );

  test(
    'concurrent reservations: exactly the free failures are allowed',
    withStore(async (store) => {
      const step: LadderStep = { key: unique('c'), ladder };
      const answers = await Promise.all(Array.from({ length: 40 }, () => store.reserve([step])));
      expect(answers.filter((answer) => answer.allowed)).toHaveLength(3);
    }),
  );

  test(
    'a refusal names the longest wait and counts nothing on the other steps',
    withStore(async (store) => {
      const [a, b] = [
        { key: unique('a'), ladder },
        { key: unique('b'), ladder },
      ];
      for (let i = 0; i < 3; i += 1) await store.reserve([b]);
      for (let i = 0; i < 5; i += 1) {
        expect(await store.reserve([a, b])).toMatchObject({ allowed: false, refusedStep: 1 });
      }
      for (let i = 0; i < 3; i += 1) expect((await store.reserve([a])).allowed).toBe(true);
    }),
  );

  test(
    'a group remembers its keys: its longest wait, and forgetting them all',
    withStore(async (store) => {
      const group = unique('g');
      const steps = [
        { key: unique('m1'), ladder, groupKey: group },
        { key: unique('m2'), ladder: { ...ladder, freeFailures: 100 }, groupKey: group },
      ];
      expect(await store.groupWaitMs(group)).toBe(0);
      for (let i = 0; i < 3; i += 1) await store.reserve(steps);
      expect(await store.groupWaitMs(group)).toBeGreaterThan(55_000);
      await store.forgetGroup(group);
      expect(await store.groupWaitMs(group)).toBe(0);
      expect((await store.reserve(steps)).allowed).toBe(true);
    }),
  );
});

describe('a failing Redis: limits kept in memory, answers within the bound', () => {
  const resilient = async (url: string, messages: string[]) =>
    new ResilientCounterStore(
      await RedisCounterStore.connect({
        url,
        prefix,
        onError: (m) => messages.push(m),
        connectTimeoutMs: 200,
      }),
      new MemoryCounterStore(),
      { timeoutMs: 100, retryAfterMs: 5000, onError: (m) => messages.push(m) },
    );

  const limitsHold = async (store: CounterStore) => {
    const step = { key: unique('f'), ladder };
    const started = performance.now();
    for (let i = 0; i < 3; i += 1) expect((await store.reserve([step])).allowed).toBe(true);
    expect((await store.reserve([step])).allowed).toBe(false);
    expect((await store.increment(unique('i'), 1000)).count).toBe(1);
    return performance.now() - started;
  };

  test('unreachable (nothing listens)', async () => {
    const messages: string[] = [];
    const store = await resilient('redis://127.0.0.1:1', messages);
    try {
      expect(await limitsHold(store)).toBeLessThan(1000);
      expect(messages.some((m) => m.includes("kept in this process's memory"))).toBe(true);
    } finally {
      await store.close();
    }
  });

  test('stalled (accepts connections, never answers)', async () => {
    const silent = await startStallingRedis(undefined, { stalled: true });
    const messages: string[] = [];
    const store = await resilient(silent.url, messages);
    try {
      expect(await limitsHold(store)).toBeLessThan(1000);
      expect(messages.some((m) => m.includes("kept in this process's memory"))).toBe(true);
    } finally {
      await store.close();
      await silent.close();
    }
  });
});

test('waits are worded for people', () => {
  expect(formatWait(400)).toBe('1 second');
  expect(formatWait(42_000)).toBe('42 seconds');
  expect(formatWait(14 * 60_000 + 1)).toBe('15 minutes');
  expect(formatWait(60_000)).toBe('1 minute');
});
