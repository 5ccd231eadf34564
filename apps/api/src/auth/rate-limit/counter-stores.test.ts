import { randomBytes } from 'node:crypto';
import { createClient } from '@redis/client';
import { afterAll, describe, expect, test } from 'vitest';
import { LoginThrottle } from '../login-throttle.js';
import { TooManyRequestsError } from '../auth.errors.js';
import { type CounterStore, MemoryCounterStore } from './counter-store.js';
import { RedisCounterStore } from './redis-counter-store.js';
import { formatWait } from './rate-limit.js';

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

const stores: Array<[string, () => Promise<CounterStore>]> = [
  ['memory', async () => new MemoryCounterStore()],
  [
    'redis',
    () => RedisCounterStore.connect({ url: REDIS_URL, prefix, onError: (m) => console.error(m) }),
  ],
];

describe.each(stores)('%s counter store', (_name, open) => {
  test('counts within a window, peeks without counting, resets', async () => {
    const store = await open();
    try {
      const key = `k-${randomBytes(4).toString('hex')}`;
      expect(await store.peek(key)).toEqual({ count: 0, resetInMs: 0 });
      expect((await store.increment(key, 60_000)).count).toBe(1);
      const second = await store.increment(key, 60_000);
      expect(second.count).toBe(2);
      expect(second.resetInMs).toBeGreaterThan(50_000);
      expect(second.resetInMs).toBeLessThanOrEqual(60_000);
      expect((await store.peek(key)).count).toBe(2);
      await store.reset(key);
      expect((await store.peek(key)).count).toBe(0);
    } finally {
      await store.close();
    }
  });

  test('a window ends and the count starts again', async () => {
    const store = await open();
    try {
      const key = `w-${randomBytes(4).toString('hex')}`;
      await store.increment(key, 50);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect((await store.increment(key, 50)).count).toBe(1);
    } finally {
      await store.close();
    }
  });

  test('the login throttle refuses the 6th attempt on one account with the time left', async () => {
    const store = await open();
    try {
      const throttle = new LoginThrottle(store);
      const email = `${randomBytes(4).toString('hex')}@example.com`;
      for (let i = 0; i < 5; i += 1) {
        await throttle.assertAllowed(`ip-${i}`, email);
        await throttle.recordFailure(`ip-${i}`, email);
      }
      const refusal = await throttle.assertAllowed('ip-new', email.toUpperCase()).catch((e) => e);
      expect(refusal).toBeInstanceOf(TooManyRequestsError);
      expect(refusal.retryAfterSeconds).toBeGreaterThan(890);
    } finally {
      await store.close();
    }
  });
});

test('an unreachable Redis fails open and says so', async () => {
  const messages: string[] = [];
  const store = await RedisCounterStore.connect({
    url: 'redis://127.0.0.1:1',
    prefix,
    onError: (message) => messages.push(message),
    connectTimeoutMs: 200,
  });
  try {
    expect(await store.increment('x', 1000)).toEqual({ count: 0, resetInMs: 0 });
    expect(await store.peek('x')).toEqual({ count: 0, resetInMs: 0 });
    await new LoginThrottle(store).assertAllowed('ip', 'a@example.com');
    expect(messages.some((m) => m.includes('limit skipped'))).toBe(true);
  } finally {
    await store.close();
  }
});

test('waits are worded for people', () => {
  expect(formatWait(400)).toBe('1 second');
  expect(formatWait(42_000)).toBe('42 seconds');
  expect(formatWait(14 * 60_000 + 1)).toBe('15 minutes');
  expect(formatWait(60_000)).toBe('1 minute');
});
