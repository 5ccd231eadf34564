import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser } from '../../src/auth/create-user.js';
import { hashSessionToken } from '../../src/auth/session-tokens.js';
import { engineKinds } from '../test-api.js';
import { PASSWORD, type AdminTestApi, startAdminTestApi } from './admin-test-api.js';
import { concrete, expressAdminRoutes, listAdminRoutes, type AdminRoute } from './admin-routes.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe.each(engineKinds)('admin access on %s', (kind) => {
  let api: AdminTestApi;
  let routes: AdminRoute[];
  beforeAll(async () => {
    api = await startAdminTestApi(kind);
    routes = listAdminRoutes(api.app);
  });
  afterAll(async () => {
    await api?.close();
  });

  const send = (route: AdminRoute) =>
    api.http[route.method.toLowerCase() as 'get'](concrete(route.path));

  test('the route list is complete: it matches what Express serves', () => {
    const listed = routes.map((r) => `${r.method} ${r.path}`).sort();
    expect(listed).toEqual(expressAdminRoutes(api.app));
    expect(listed).toEqual(
      expect.arrayContaining([
        'POST /api/admin/session',
        'PUT /api/admin/posts/:id',
        'POST /api/admin/categories/:id/merge',
        'POST /api/admin/comments/bulk',
        'POST /api/admin/images',
        'GET /api/admin/users',
      ]),
    );
    // Logging in, and the first-run setup (which refuses once a user exists).
    expect(routes.filter((r) => r.public).map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/admin/session',
      'GET /api/admin/setup',
      'POST /api/admin/setup',
    ]);
  });

  test('every route but login answers 401 without a session, and with a bad token', async () => {
    for (const route of routes.filter((r) => !r.public)) {
      const res = await send(route);
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
      expect(res.body.message).toMatch(/Sign in/);
      const bad = await send(route).set('Authorization', `Bearer ${'x'.repeat(43)}`);
      expect(bad.status, `${route.method} ${route.path} (bad token)`).toBe(401);
    }
  });

  test('ADMIN-only routes answer 403 to an author', async () => {
    const adminOnly = routes.filter((r) => !r.public && !r.roles.includes('AUTHOR'));
    expect(adminOnly.length).toBeGreaterThanOrEqual(10);
    for (const route of adminOnly) {
      const res = await api.as(
        api.author,
        route.method.toLowerCase() as 'get',
        concrete(route.path),
      );
      expect(res.status, `${route.method} ${route.path}`).toBe(403);
      expect(res.body.message).toBe('This needs the ADMIN role');
    }
  });

  test('state-changing routes answer 403 without the CSRF token or with another session’s', async () => {
    const writes = routes.filter((r) => !r.public && WRITE_METHODS.has(r.method));
    expect(writes.length).toBeGreaterThanOrEqual(15);
    for (const route of writes) {
      const missing = await send(route).set('Authorization', `Bearer ${api.admin.token}`);
      expect(missing.status, `${route.method} ${route.path}`).toBe(403);
      expect(missing.body.message).toMatch(/CSRF token/);
      const foreign = await send(route)
        .set('Authorization', `Bearer ${api.admin.token}`)
        .set('X-CSRF-Token', api.author.csrfToken);
      expect(foreign.status, `${route.method} ${route.path} (foreign token)`).toBe(403);
    }
  });

  describe('sessions', () => {
    test('login answers a token, a CSRF token, the user and the expiry; only hashes are stored', async () => {
      const res = await api.http
        .post('/api/admin/session')
        .set('X-Forwarded-For', '192.0.2.1')
        .send({ email: 'ADMIN@example.com', password: PASSWORD })
        .expect(201);
      expect(res.body).toEqual({
        token: expect.stringMatching(/^[\w-]{43}$/),
        csrfToken: expect.stringMatching(/^[\w-]{43}$/),
        user: { id: api.admin.userId, email: 'admin@example.com', name: 'admin', role: 'ADMIN' },
        expiresAt: expect.any(String),
      });
      // The idle window (SESSION_IDLE_DAYS), not the absolute lifetime.
      const days = (Date.parse(res.body.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThan(7.1);
      expect(res.body.token).not.toBe(api.admin.token);
      const rows = await api.db.prisma.session.findMany({ where: { userId: api.admin.userId } });
      expect(rows.map((r) => r.tokenHash)).toContain(hashSessionToken(res.body.token));
      expect(rows.map((r) => r.csrfTokenHash)).toContain(hashSessionToken(res.body.csrfToken));
      expect(JSON.stringify(rows)).not.toContain(res.body.token);
      expect(JSON.stringify(rows)).not.toContain(res.body.csrfToken);
      const current = await api.http
        .get('/api/admin/session')
        .set('Authorization', `Bearer ${res.body.token}`)
        .expect(200);
      expect(current.body).toEqual({
        user: expect.objectContaining({ role: 'ADMIN' }),
        expiresAt: expect.any(String),
      });
      // The hashed CSRF token still guards writes: the right one passes, its hash does not.
      const write = (csrf: string) =>
        api.http
          .delete('/api/admin/session')
          .set('Authorization', `Bearer ${res.body.token}`)
          .set('X-CSRF-Token', csrf);
      await write(hashSessionToken(res.body.csrfToken)).expect(403);
      await write(res.body.csrfToken).expect(204);
    });

    test('a wrong password and an unknown email get the same 401', async () => {
      const wrong = await api.http
        .post('/api/admin/session')
        .set('X-Forwarded-For', '192.0.2.2')
        .send({ email: 'admin@example.com', password: 'nope' })
        .expect(401);
      const unknown = await api.http
        .post('/api/admin/session')
        .set('X-Forwarded-For', '192.0.2.2')
        .send({ email: 'ghost@example.com', password: 'nope' })
        .expect(401);
      expect(wrong.body.message).toBe('Wrong email or password');
      expect(unknown.body).toEqual(wrong.body);
      await api.http.post('/api/admin/session').send({ email: 'x' }).expect(400);
    });

    test('logout ends this session; logout everywhere ends them all', async () => {
      const user = await api.addUser('leaver@example.com', 'AUTHOR');
      const second = await api.addUser('leaver2@example.com', 'AUTHOR');
      await api.as(user, 'delete', '/api/admin/session').expect(204);
      await api.as(user, 'get', '/api/admin/session').expect(401);
      const login = async () =>
        (
          await api.http
            .post('/api/admin/session')
            .set('X-Forwarded-For', '192.0.2.3')
            .send({ email: 'leaver@example.com', password: PASSWORD })
            .expect(201)
        ).body;
      const [a, b] = [await login(), await login()];
      await api.as({ ...a, userId: 0 }, 'delete', '/api/admin/sessions').expect(204);
      for (const s of [a, b]) {
        await api.http
          .get('/api/admin/session')
          .set('Authorization', `Bearer ${s.token}`)
          .expect(401);
      }
      await api.as(second, 'get', '/api/admin/session').expect(200);
    });

    test('an expired session is refused; a used one slides forward', async () => {
      const user = await api.addUser('sleeper@example.com', 'AUTHOR');
      const session = await api.db.prisma.session.findFirstOrThrow({
        where: { userId: user.userId },
      });
      await api.db.prisma.session.update({
        where: { id: session.id },
        data: { expiresAt: new Date(Date.now() + 2 * 86_400_000) },
      });
      await api.as(user, 'get', '/api/admin/session').expect(200);
      const slid = await api.db.prisma.session.findUniqueOrThrow({ where: { id: session.id } });
      expect(slid.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
      await api.db.prisma.session.update({
        where: { id: session.id },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      await api.as(user, 'get', '/api/admin/session').expect(401);
    });

    test('a session in daily use still ends 30 days after sign-in', async () => {
      const user = await api.addUser('daily@example.com', 'AUTHOR');
      const session = await api.db.prisma.session.findFirstOrThrow({
        where: { userId: user.userId },
      });
      const day = 86_400_000;
      // Signed in 29.5 days ago, used every day since: the idle window is still open.
      await api.db.prisma.session.update({
        where: { id: session.id },
        data: {
          createdAt: new Date(Date.now() - 29.5 * day),
          expiresAt: new Date(Date.now() + 6 * day),
        },
      });
      const used = await api.as(user, 'get', '/api/admin/session').expect(200);
      const left = Date.parse(used.body.expiresAt) - Date.now();
      expect(left).toBeLessThan(0.51 * day);
      expect(left).toBeGreaterThan(0.49 * day);
      await api.db.prisma.session.update({
        where: { id: session.id },
        data: { createdAt: new Date(Date.now() - 30 * day - 1000) },
      });
      await api.as(user, 'get', '/api/admin/session').expect(401);
    });

    test('a password hashed with older scrypt parameters signs in and is stored with the current ones', async () => {
      const email = 'old-hash@example.com';
      await createUser(api.db.prisma, { email, password: PASSWORD }, { N: 2 ** 9, r: 8, p: 1 });
      await api.http
        .post('/api/admin/session')
        .set('X-Forwarded-For', '192.0.2.77')
        .send({ email, password: PASSWORD })
        .expect(201);
      const { passwordHash } = await api.db.prisma.user.findUniqueOrThrow({ where: { email } });
      expect(passwordHash).toMatch(/^scrypt\$1024\$8\$1\$/);
      await api.http
        .post('/api/admin/session')
        .set('X-Forwarded-For', '192.0.2.77')
        .send({ email, password: PASSWORD })
        .expect(201);
    });
  });

  describe('login rate limit', () => {
    const attempt = (ip: string, email: string, password = 'wrong password') =>
      api.http.post('/api/admin/session').set('X-Forwarded-For', ip).send({ email, password });

    test('failures from many addresses slow no one: the owner still signs in', async () => {
      await api.addUser('target@example.com', 'AUTHOR');
      for (let i = 0; i < 5; i += 1) {
        await attempt(`203.0.113.${i + 1}`, 'target@example.com').expect(401);
      }
      await attempt('203.0.113.50', 'target@example.com', PASSWORD).expect(201);
    });

    test('10 failures from one address make that address wait, not others', async () => {
      for (let i = 0; i < 10; i += 1) {
        await attempt('203.0.113.200', `guess${i}@example.com`).expect(401);
      }
      const locked = await attempt('203.0.113.200', 'admin@example.com', PASSWORD).expect(429);
      expect(locked.body.message).toMatch(/^Too many failed logins from this address/);
      expect(locked.headers['retry-after']).toBeDefined();
      await attempt('203.0.113.201', 'admin@example.com', PASSWORD).expect(201);
    });

    test('a successful login clears the count of its address for the account', async () => {
      await api.addUser('forgetful@example.com', 'AUTHOR');
      for (let round = 0; round < 2; round += 1) {
        for (let i = 0; i < 4; i += 1) {
          await attempt('198.18.0.1', 'forgetful@example.com').expect(401);
        }
        await attempt('198.18.0.1', 'forgetful@example.com', PASSWORD).expect(201);
      }
    });
  });
});
