import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AdminTestApi, PASSWORD, startAdminTestApi } from './admin/admin-test-api.js';
import { formRenderedAt } from './fixtures.js';
import { startStallingRedis, type StallingRedis } from './stalling-redis.js';

const redisEnv = () => ({
  REDIS_URL: 'redis://127.0.0.1:6379',
  CACHE_NAMESPACE: `test-${randomBytes(4).toString('hex')}`,
});

function loginAs(api: AdminTestApi) {
  return (forwardedFor: string, email: string, password = 'wrong password') =>
    api.http
      .post('/api/admin/session')
      .set('X-Forwarded-For', forwardedFor)
      .send({ email, password });
}

describe('sign-in limits over a shared Redis', () => {
  let api: AdminTestApi;
  let login: ReturnType<typeof loginAs>;
  beforeAll(async () => {
    api = await startAdminTestApi('pglite', { env: redisEnv() });
    login = loginAs(api);
  });
  afterAll(() => api?.close());

  test('40 concurrent wrong passwords: exactly 5 are checked, the rest wait', async () => {
    await api.addUser('rushed@example.com', 'AUTHOR');
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => login('203.0.113.40', 'rushed@example.com')),
    );
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(35);
  });

  test("the owner signs in from another address while an attacker's guesses wait", async () => {
    await api.addUser('hammered@example.com', 'AUTHOR');
    for (let i = 0; i < 5; i += 1) await login('203.0.113.66', 'hammered@example.com').expect(401);
    const waiting = await login('203.0.113.66', 'hammered@example.com', PASSWORD).expect(429);
    expect(waiting.body.message).toBe(
      'Too many failed logins for this account from this address. Try again in 30 seconds.',
    );
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(25);
    expect(Number(waiting.headers['retry-after'])).toBeLessThanOrEqual(30);
    await login('198.51.100.77', 'hammered@example.com', PASSWORD).expect(201);
    await login('203.0.113.66', 'hammered@example.com').expect(429);
  });

  test('an admin unlock forgets the account’s failures from every address', async () => {
    const { userId } = await api.addUser('unlocked@example.com', 'AUTHOR');
    for (let i = 0; i < 5; i += 1) await login('203.0.113.70', 'unlocked@example.com').expect(401);
    await login('203.0.113.70', 'unlocked@example.com', PASSWORD).expect(429);
    const before = await api.as(api.admin, 'get', `/api/admin/users/${userId}`).expect(200);
    expect(before.body.locked).toBe(true);
    const after = await api.as(api.admin, 'post', `/api/admin/users/${userId}/unlock`).expect(200);
    expect(after.body.locked).toBe(false);
    await login('203.0.113.70', 'unlocked@example.com', PASSWORD).expect(201);
  });

  test('two IPv6 addresses in one /64 share a limit; the next /64 does not', async () => {
    await api.addUser('six@example.com', 'AUTHOR');
    for (let i = 0; i < 5; i += 1) {
      await login(`2001:db8:6:4::${i + 1}`, 'six@example.com').expect(401);
    }
    await login('2001:db8:6:4:ffff::9', 'six@example.com', PASSWORD).expect(429);
    await login('2001:db8:6:5::1', 'six@example.com', PASSWORD).expect(201);
  });

  test('comments from one /64 share the per-address limit', async () => {
    const comment = (n: number) => ({
      authorName: 'Neighbour',
      authorEmail: `n${n}@example.com`,
      renderedAt: formRenderedAt(),
      body: `Comment number ${n}`,
    });
    const post = (n: number) =>
      api.http
        .post('/api/posts/post-10/comments')
        .set('X-Forwarded-For', `2001:db8:c0:1::${n}`)
        .send(comment(n));
    for (let n = 1; n <= 5; n += 1) await post(n).expect(201);
    await post(6).expect(429);
  });
});

describe('Redis stalling while the API runs (connections open, no answers)', () => {
  let silent: StallingRedis;
  let api: AdminTestApi;
  let login: ReturnType<typeof loginAs>;
  beforeAll(async () => {
    silent = await startStallingRedis();
    api = await startAdminTestApi('pglite', {
      env: { ...redisEnv(), REDIS_URL: silent.url },
    });
    login = loginAs(api);
  });
  afterAll(async () => {
    await silent?.close();
    // The cache's and realtime's Redis clients wait for the commands the stall swallowed, so
    // closing the API can hang (outside what this file tests): give it a few seconds.
    await Promise.race([api?.close(), new Promise((resolve) => setTimeout(resolve, 5000))]);
  });

  test('logins answer within a second and the limits still hold, in memory', async () => {
    await api.addUser('stalled@example.com', 'AUTHOR');
    silent.stall();
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      await login('203.0.113.90', 'stalled@example.com').expect(401);
      expect(performance.now() - started).toBeLessThan(1000);
    }
    await login('203.0.113.90', 'stalled@example.com', PASSWORD).expect(429);
    await login('198.51.100.90', 'stalled@example.com', PASSWORD).expect(201);
  });

  test('comments answer within a second and their limit still holds, in memory', async () => {
    const post = (n: number) =>
      api.http
        .post('/api/posts/post-10/comments')
        .set('X-Forwarded-For', '203.0.113.91')
        .send({
          authorName: 'Patient',
          authorEmail: `p${n}@example.com`,
          renderedAt: formRenderedAt(),
          body: `Comment number ${n}`,
        });
    for (let n = 1; n <= 5; n += 1) {
      const started = performance.now();
      await post(n).expect(201);
      expect(performance.now() - started).toBeLessThan(1000);
    }
    await post(6).expect(429);
  });
});

describe('TRUST_PROXY decides whose X-Forwarded-For names the client', () => {
  /** 5 failures from behind different proxies, then the right password: 429 if one client. */
  async function oneClientBehindProxies(api: AdminTestApi, email: string): Promise<boolean> {
    const login = loginAs(api);
    await api.addUser(email, 'AUTHOR');
    for (let i = 0; i < 5; i += 1) {
      await login(`198.51.100.9, 10.0.0.${i + 1}`, email).expect(401);
    }
    const res = await login('198.51.100.9, 10.0.0.99', email, PASSWORD);
    return res.status === 429;
  }

  async function withTrustProxy(trustProxy: string | undefined): Promise<boolean> {
    const api = await startAdminTestApi('postgres', {
      env: trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy },
    });
    try {
      return await oneClientBehindProxies(api, 'proxied@example.com');
    } finally {
      await api.close();
    }
  }

  test('loopback (the default): the balancer at 10.0.0.x is taken for the client', async () => {
    expect(await withTrustProxy(undefined)).toBe(false);
  });

  test('a hop count of 2: the address before the balancer is the client', async () => {
    expect(await withTrustProxy('2')).toBe(true);
  });

  test('a CIDR range: addresses in it are proxies, the one before them the client', async () => {
    expect(await withTrustProxy('loopback, 10.0.0.0/8')).toBe(true);
  });
});
