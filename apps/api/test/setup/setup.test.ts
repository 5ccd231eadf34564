import { demoCategories, demoPosts } from '@inkwell/prisma/demo-content';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUserExclusively } from '../../src/auth/create-user.js';
import { scryptParametersForCost } from '../../src/auth/password-hash.js';
import { DomainEvents } from '../../src/events/domain-events.js';
import { buildFixtureContent } from '../fixtures.js';
import { startTestApi, type TestApi } from '../test-api.js';

/**
 * The first-run setup over the real API: open while no user exists, validated field by field,
 * won by exactly one of several concurrent attempts, then closed; "start empty" removes the
 * demo content through the panel's own deletes.
 */

const owner = (email: string, demoContent: 'keep' | 'remove' = 'keep') => ({
  title: 'Field Notes',
  description: 'Things learned the hard way.',
  name: 'Ada Lovelace',
  email,
  password: 'analytical engine 1843',
  demoContent,
});

describe('validation and a single owner (PostgreSQL, concurrent attempts)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('postgres', buildFixtureContent());
  });
  afterAll(() => api?.close());

  test('names each bad field', async () => {
    const res = await api.http.post('/api/admin/setup').send({}).expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(
      ['demoContent', 'email', 'name', 'password', 'title'].sort(),
    );
    const bad = await api.http
      .post('/api/admin/setup')
      .send({ ...owner('not-an-email'), password: 'short', title: '  ' })
      .expect(400);
    expect(bad.body.fields).toEqual({
      title: 'must not be empty',
      email: 'must be a valid email address',
      password: 'must be at least 10 characters',
    });
    expect((await api.http.get('/api/admin/setup').expect(200)).body).toEqual({ required: true });
  });

  test('of five concurrent attempts exactly one wins; later ones are refused', async () => {
    const attempts = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        api.http
          .post('/api/admin/setup')
          .set('X-Forwarded-For', `203.0.113.${n}`)
          .send(owner(`owner${n}@example.com`)),
      ),
    );
    expect(attempts.map((res) => res.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const winner = attempts.find((res) => res.status === 201)!;
    expect(attempts.find((res) => res.status === 409)!.body.message).toMatch(/already set up/);

    const users = await api.db.prisma.user.findMany({ select: { email: true, role: true } });
    expect(users).toEqual([{ email: winner.body.user.email, role: 'ADMIN' }]);
    // Signed in: the answer's token is a live admin session.
    const session = await api.http
      .get('/api/admin/session')
      .set('Authorization', `Bearer ${winner.body.token}`)
      .expect(200);
    expect(session.body.user).toMatchObject({ name: 'Ada Lovelace', role: 'ADMIN' });

    expect((await api.http.get('/api/admin/setup').expect(200)).body).toEqual({ required: false });
    await api.http.post('/api/admin/setup').send(owner('late@example.com')).expect(409);
    const settings = (await api.http.get('/api/settings').expect(200)).body;
    expect(settings).toMatchObject({
      title: 'Field Notes',
      description: 'Things learned the hard way.',
      ownerName: 'Ada Lovelace',
    });
    // "keep": the content stays.
    expect((await api.http.get('/api/posts').expect(200)).body.total).toBeGreaterThan(0);
  });

  test('stays closed even when every user is gone', async () => {
    await api.db.prisma.user.deleteMany();
    expect((await api.http.get('/api/admin/setup').expect(200)).body).toEqual({ required: false });
    await api.http.post('/api/admin/setup').send(owner('taker@example.com')).expect(409);
    expect(await api.db.prisma.user.count()).toBe(0);
  });
});

describe('start empty (PGlite, with the demo content)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('pglite', { categories: demoCategories, posts: demoPosts });
  });
  afterAll(() => api?.close());

  test('removes the demo posts and categories through the panel’s deletes', async () => {
    const events: string[] = [];
    const bus = api.app.get(DomainEvents);
    bus.on('post.deleted', 'test recorder', () => void events.push('post.deleted'));
    bus.on('category.deleted', 'test recorder', () => void events.push('category.deleted'));
    // Warm the memoized reads that must be dropped.
    const before = (await api.http.get('/api/posts').expect(200)).body;
    expect(before.total).toBeGreaterThan(0);
    const word = before.items[0].title.split(' ')[0];
    expect((await api.http.get('/api/categories').expect(200)).body.items.length).toBeGreaterThan(
      0,
    );

    await api.http.post('/api/admin/setup').send(owner('owner@example.com', 'remove')).expect(201);

    expect((await api.http.get('/api/posts').expect(200)).body.total).toBe(0);
    expect((await api.http.get('/api/categories').expect(200)).body.items).toEqual([]);
    const search = await api.http.get(`/api/search?q=${encodeURIComponent(word)}`).expect(200);
    expect(search.body.hits).toEqual([]);
    expect(events.filter((type) => type === 'post.deleted')).toHaveLength(demoPosts.length);
    expect(events.filter((type) => type === 'category.deleted')).toHaveLength(
      demoCategories.length,
    );
  });
});

describe('setup beside `user:create` (PostgreSQL)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('postgres', buildFixtureContent());
  });
  afterAll(() => api?.close());

  test('of concurrent setups and headless creates, exactly one user is the first admin', async () => {
    const headless = [1, 2, 3].map((n) =>
      createUserExclusively(
        api.db.prisma,
        { email: `cli${n}@example.com`, password: 'analytical engine 1843' },
        scryptParametersForCost(10),
      ),
    );
    const browser = [1, 2, 3].map((n) =>
      api.http
        .post('/api/admin/setup')
        .set('X-Forwarded-For', `198.51.100.${n}`)
        .send(owner(`web${n}@example.com`)),
    );
    const [created, answered] = await Promise.all([Promise.all(headless), Promise.all(browser)]);

    const users = await api.db.prisma.user.findMany({ select: { email: true, role: true } });
    expect(users.filter((user) => user.role === 'ADMIN')).toHaveLength(1);
    expect(created).toHaveLength(3);
    // The setup either came first (and every headless user became an author) or was refused.
    const won = answered.filter((res) => res.status === 201);
    expect(won.length).toBeLessThanOrEqual(1);
    expect(answered.filter((res) => res.status !== 201).map((res) => res.status)).toEqual(
      Array(3 - won.length).fill(409),
    );
    expect(users).toHaveLength(3 + won.length);
  });
});
