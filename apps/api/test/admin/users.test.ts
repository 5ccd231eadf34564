import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engineKinds } from '../test-api.js';
import { PASSWORD, type AdminTestApi, type SignedIn, startAdminTestApi } from './admin-test-api.js';

/** User management (admins) and changing one's own password (everyone signed in). */
describe.each(engineKinds)('users and passwords on %s', (kind) => {
  let api: AdminTestApi;
  let address = 0;
  beforeAll(async () => {
    api = await startAdminTestApi(kind);
  });
  afterAll(async () => {
    await api?.close();
  });

  /** Each call from its own address, so the per-address login limit never interferes. */
  const login = (email: string, password: string) => {
    address += 1;
    return api.http
      .post('/api/admin/session')
      .set('X-Forwarded-For', `192.0.2.${address}`)
      .send({ email, password });
  };
  const signIn = async (email: string, password: string): Promise<SignedIn> => {
    const res = await login(email, password).expect(201);
    return { token: res.body.token, csrfToken: res.body.csrfToken, userId: res.body.user.id };
  };
  const sessionWorks = async (who: SignedIn) =>
    (await api.as(who, 'get', '/api/admin/session')).status === 200;
  const addAuthor = async (email: string) =>
    (
      await api
        .as(api.admin, 'post', '/api/admin/users')
        .send({ email, role: 'AUTHOR', password: PASSWORD })
        .expect(201)
    ).body as { id: number };

  describe('who may use the new routes', () => {
    const userRoutes: [method: 'get' | 'post' | 'patch' | 'delete', path: string][] = [
      ['get', '/api/admin/users'],
      ['post', '/api/admin/users'],
      ['get', '/api/admin/users/1'],
      ['patch', '/api/admin/users/1'],
      ['post', '/api/admin/users/1/password'],
      ['post', '/api/admin/users/1/unlock'],
      ['delete', '/api/admin/users/1'],
    ];

    test.each(userRoutes)('%s %s: 401 anonymous, 403 author', async (method, path) => {
      const anonymous = await api.http[method](path);
      expect(anonymous.status).toBe(401);
      const author = await api.as(api.author, method, path);
      expect(author.status).toBe(403);
      expect(author.body.message).toBe('This needs the ADMIN role');
    });

    test('changing one’s own password: 401 anonymous; authors and admins alike', async () => {
      await api.http.put('/api/admin/account/password').send({}).expect(401);
      for (const who of [api.author, api.admin]) {
        const res = await api.as(who, 'put', '/api/admin/account/password').send({}).expect(400);
        expect(Object.keys(res.body.fields)).toEqual(['currentPassword', 'newPassword']);
      }
    });
  });

  describe('adding users', () => {
    test('a generated password is answered once and signs in; the list shows the user', async () => {
      const res = await api
        .as(api.admin, 'post', '/api/admin/users')
        .send({ email: ' New.Writer@Example.com ', name: 'New Writer', role: 'AUTHOR' })
        .expect(201);
      expect(res.body).toMatchObject({
        email: 'new.writer@example.com',
        name: 'New Writer',
        role: 'AUTHOR',
        status: 'active',
        locked: false,
        lastSignInAt: null,
        postCount: 0,
        generatedPassword: expect.stringMatching(/^[\w-]{20}$/),
      });
      const before = Date.now();
      await signIn('new.writer@example.com', res.body.generatedPassword);
      const list = await api.as(api.admin, 'get', '/api/admin/users').expect(200);
      const listed = list.body.find((u: { id: number }) => u.id === res.body.id);
      expect(listed).not.toHaveProperty('generatedPassword');
      expect(Date.parse(listed.lastSignInAt)).toBeGreaterThanOrEqual(before - 1000);
      const stored = await api.db.prisma.user.findUniqueOrThrow({ where: { id: res.body.id } });
      expect(stored.passwordHash).not.toContain(res.body.generatedPassword);
    });

    test('a typed password is used as given and not answered back', async () => {
      const res = await api
        .as(api.admin, 'post', '/api/admin/users')
        .send({ email: 'typed@example.com', role: 'ADMIN', password: 'a typed password' })
        .expect(201);
      expect(res.body).toMatchObject({ role: 'ADMIN', name: 'typed', generatedPassword: null });
      await signIn('typed@example.com', 'a typed password');
    });

    test('a taken email (in any case) is a 409 naming the field', async () => {
      const res = await api
        .as(api.admin, 'post', '/api/admin/users')
        .send({ email: 'AUTHOR@example.com', role: 'AUTHOR' })
        .expect(409);
      expect(res.body.fields).toEqual({ email: 'already has an account' });
    });

    test.each([
      [{ email: 'not an email', role: 'AUTHOR' }, 'email'],
      [{ role: 'AUTHOR' }, 'email'],
      [{ email: 'x@example.com', role: 'OWNER' }, 'role'],
      [{ email: 'x@example.com', role: 'AUTHOR', password: 'short' }, 'password'],
      [{ email: 'x@example.com', role: 'AUTHOR', name: '' }, 'name'],
    ])('%j is a 400 naming %s', async (body, field) => {
      const res = await api.as(api.admin, 'post', '/api/admin/users').send(body).expect(400);
      expect(Object.keys(res.body.fields)).toEqual([field]);
    });
  });

  describe('changing users', () => {
    test('unknown ids are 404 on every route', async () => {
      const id = 999_999;
      await api.as(api.admin, 'get', `/api/admin/users/${id}`).expect(404);
      await api.as(api.admin, 'patch', `/api/admin/users/${id}`).send({ name: 'X' }).expect(404);
      await api.as(api.admin, 'post', `/api/admin/users/${id}/password`).expect(404);
      await api.as(api.admin, 'post', `/api/admin/users/${id}/unlock`).expect(404);
      await api.as(api.admin, 'delete', `/api/admin/users/${id}`).expect(404);
      await api.as(api.admin, 'get', '/api/admin/users/abc').expect(404);
    });

    test('bad changes are 400s naming the field', async () => {
      const { id } = await addAuthor('renamed@example.com');
      const patch = (body: unknown) =>
        api.as(api.admin, 'patch', `/api/admin/users/${id}`).send(body as object);
      expect((await patch({ role: 'root' }).expect(400)).body.fields).toEqual({
        role: 'must be ADMIN or AUTHOR',
      });
      expect((await patch({ disabled: 'yes' }).expect(400)).body.fields).toEqual({
        disabled: 'must be true or false',
      });
      expect((await patch({}).expect(400)).body.fields).toEqual({
        body: 'must name at least one of name, role, disabled',
      });
      const renamed = await patch({ name: '  Renamed Writer ' }).expect(200);
      expect(renamed.body).toMatchObject({ name: 'Renamed Writer', role: 'AUTHOR' });
      const promoted = await patch({ role: 'ADMIN' }).expect(200);
      expect(promoted.body.role).toBe('ADMIN');
    });

    test('a disabled user is signed out everywhere and cannot sign in until enabled', async () => {
      const { id } = await addAuthor('leaving@example.com');
      const first = await signIn('leaving@example.com', PASSWORD);
      const second = await signIn('leaving@example.com', PASSWORD);
      const disabled = await api
        .as(api.admin, 'patch', `/api/admin/users/${id}`)
        .send({ disabled: true })
        .expect(200);
      expect(disabled.body.status).toBe('disabled');
      expect(await sessionWorks(first)).toBe(false);
      expect(await sessionWorks(second)).toBe(false);
      const refused = await login('leaving@example.com', PASSWORD).expect(401);
      expect(refused.body.message).toBe('This account is disabled: ask an admin');
      // A wrong password still gets the usual answer: nothing is told to a guesser.
      const guess = await login('leaving@example.com', 'wrong password').expect(401);
      expect(guess.body.message).toBe('Wrong email or password');

      await api
        .as(api.admin, 'patch', `/api/admin/users/${id}`)
        .send({ disabled: false })
        .expect(200);
      expect(await sessionWorks(await signIn('leaving@example.com', PASSWORD))).toBe(true);
    });

    test('an admin cannot disable, demote or delete themselves', async () => {
      const self = `/api/admin/users/${api.admin.userId}`;
      const cases = [
        [api.as(api.admin, 'patch', self).send({ disabled: true }), 'disable'],
        [api.as(api.admin, 'patch', self).send({ role: 'AUTHOR' }), 'demote'],
        [api.as(api.admin, 'delete', self), 'delete'],
      ] as const;
      for (const [request, what] of cases) {
        const res = await request.expect(403);
        expect(res.body.message).toBe(`You cannot ${what} your own account: ask another admin`);
      }
      const me = await api.as(api.admin, 'get', self).expect(200);
      expect(me.body).toMatchObject({ role: 'ADMIN', status: 'active' });
      // Renaming oneself is fine.
      await api.as(api.admin, 'patch', self).send({ name: 'admin' }).expect(200);
    });

    test('two admins disabling each other at once leave one active admin', async () => {
      const created = await api
        .as(api.admin, 'post', '/api/admin/users')
        .send({ email: 'rival@example.com', role: 'ADMIN', password: PASSWORD })
        .expect(201);
      const rival = await signIn('rival@example.com', PASSWORD);
      // The fixture's other admins ('typed', a promoted author) step aside first.
      for (const user of await api.db.prisma.user.findMany({ where: { role: 'ADMIN' } })) {
        if (![api.admin.userId, created.body.id].includes(user.id)) {
          await api
            .as(api.admin, 'patch', `/api/admin/users/${user.id}`)
            .send({ role: 'AUTHOR' })
            .expect(200);
        }
      }
      const [a, b] = await Promise.all([
        api.as(api.admin, 'patch', `/api/admin/users/${rival.userId}`).send({ disabled: true }),
        api.as(rival, 'patch', `/api/admin/users/${api.admin.userId}`).send({ disabled: true }),
      ]);
      const statuses = [a.status, b.status].sort();
      // One wins; the other is refused as the last admin, or finds its own session ended (401).
      expect(statuses[0]).toBe(200);
      expect([401, 409]).toContain(statuses[1]);
      const active = await api.db.prisma.user.count({
        where: { role: 'ADMIN', disabledAt: null },
      });
      expect(active).toBe(1);
      // Whoever won, the original admin is back for the other tests, as the only active admin.
      await api.db.prisma.user.update({
        where: { id: api.admin.userId },
        data: { disabledAt: null },
      });
      await api.db.prisma.user.update({
        where: { id: created.body.id },
        data: { disabledAt: new Date() },
      });
      Object.assign(api.admin, await signIn('admin@example.com', PASSWORD));
    });

    test('the last active admin cannot be disabled, demoted or deleted', async () => {
      // Another admin's session, while the original admin is the only active admin: the
      // refusal comes from the count, not from "yourself".
      const helper = await api
        .as(api.admin, 'post', '/api/admin/users')
        .send({ email: 'helper@example.com', role: 'ADMIN', password: PASSWORD })
        .expect(201);
      const session = await signIn('helper@example.com', PASSWORD);
      await api.db.prisma.user.update({
        where: { id: helper.body.id },
        data: { disabledAt: new Date() },
      });
      const target = `/api/admin/users/${api.admin.userId}`;
      const disable = await api.as(session, 'patch', target).send({ disabled: true }).expect(409);
      expect(disable.body.message).toBe(
        'Cannot disable the last active admin: make another admin first',
      );
      await api.as(session, 'patch', target).send({ role: 'AUTHOR' }).expect(409);
      await api.as(session, 'delete', target).expect(409);
      await api.db.prisma.user.delete({ where: { id: helper.body.id } });
    });

    test('a reset password is answered once, ends every session and works at once', async () => {
      const { id } = await addAuthor('forgot@example.com');
      const session = await signIn('forgot@example.com', PASSWORD);
      const res = await api.as(api.admin, 'post', `/api/admin/users/${id}/password`).expect(200);
      expect(res.body.generatedPassword).toMatch(/^[\w-]{20}$/);
      expect(await sessionWorks(session)).toBe(false);
      await login('forgot@example.com', PASSWORD).expect(401);
      await signIn('forgot@example.com', res.body.generatedPassword);

      const typed = await api
        .as(api.admin, 'post', `/api/admin/users/${id}/password`)
        .send({ password: 'a password chosen by the admin' })
        .expect(200);
      expect(typed.body.generatedPassword).toBeNull();
      await signIn('forgot@example.com', 'a password chosen by the admin');
      const short = await api
        .as(api.admin, 'post', `/api/admin/users/${id}/password`)
        .send({ password: 'short' })
        .expect(400);
      expect(Object.keys(short.body.fields)).toEqual(['password']);
    });

    test('unlocking a delayed account lets its owner sign in before the wait ends', async () => {
      const { id } = await addAuthor('fumbler@example.com');
      const fromHome = (password: string) =>
        api.http
          .post('/api/admin/session')
          .set('X-Forwarded-For', '192.0.2.250')
          .send({ email: 'fumbler@example.com', password });
      for (let i = 0; i < 5; i += 1) await fromHome('wrong password').expect(401);
      await fromHome(PASSWORD).expect(429);
      const listed = await api.as(api.admin, 'get', `/api/admin/users/${id}`).expect(200);
      expect(listed.body.locked).toBe(true);
      const unlocked = await api.as(api.admin, 'post', `/api/admin/users/${id}/unlock`).expect(200);
      expect(unlocked.body.locked).toBe(false);
      await fromHome(PASSWORD).expect(201);
    });
  });

  describe('deleting users', () => {
    test('refused while they have posts; with reassignTo their posts and images move', async () => {
      const { id } = await addAuthor('departing@example.com');
      const departing = await signIn('departing@example.com', PASSWORD);
      const post = await api
        .as(departing, 'post', '/api/admin/posts')
        .send({ title: 'Written before leaving' })
        .expect(201);
      const { default: sharp } = await import('sharp');
      const png = await sharp({
        create: { width: 8, height: 8, channels: 3, background: '#123456' },
      })
        .png()
        .toBuffer();
      const image = await api
        .as(departing, 'post', '/api/admin/images')
        .attach('file', png, 'leaving.png')
        .expect(201);

      const refused = await api.as(api.admin, 'delete', `/api/admin/users/${id}`).expect(409);
      expect(refused.body).toMatchObject({
        message: 'departing wrote 1 post; give reassignTo to hand them to another user',
        postCount: 1,
      });
      await api.as(api.admin, 'delete', `/api/admin/users/${id}?reassignTo=${id}`).expect(400);
      const unknown = await api
        .as(api.admin, 'delete', `/api/admin/users/${id}?reassignTo=999999`)
        .expect(400);
      expect(unknown.body.fields).toEqual({ reassignTo: 'is not a user' });
      await api.as(api.admin, 'delete', `/api/admin/users/${id}?reassignTo=x`).expect(400);

      await api
        .as(api.admin, 'delete', `/api/admin/users/${id}?reassignTo=${api.author.userId}`)
        .expect(204);
      await api.as(api.admin, 'get', `/api/admin/users/${id}`).expect(404);
      expect(await sessionWorks(departing)).toBe(false);
      const moved = await api.as(api.author, 'get', `/api/admin/posts/${post.body.id}`).expect(200);
      expect(moved.body).toMatchObject({ author: { id: api.author.userId }, canEdit: true });
      await api.as(api.author, 'delete', `/api/admin/images/${image.body.id}`).expect(204);
    });

    test('a user without posts is deleted outright', async () => {
      const { id } = await addAuthor('brief@example.com');
      await api.as(api.admin, 'delete', `/api/admin/users/${id}`).expect(204);
      await login('brief@example.com', PASSWORD).expect(401);
    });
  });

  describe('changing one’s own password', () => {
    test('needs the current password; other sessions end, this one stays', async () => {
      await addAuthor('changer@example.com');
      const here = await signIn('changer@example.com', PASSWORD);
      const elsewhere = await signIn('changer@example.com', PASSWORD);
      const change = (currentPassword: string, newPassword: string) =>
        api.as(here, 'put', '/api/admin/account/password').send({ currentPassword, newPassword });

      const wrong = await change('not my password', 'a brand new password').expect(400);
      expect(wrong.body.fields).toEqual({ currentPassword: 'is not your current password' });
      const short = await change(PASSWORD, 'short').expect(400);
      expect(Object.keys(short.body.fields)).toEqual(['newPassword']);
      const same = await change(PASSWORD, PASSWORD).expect(400);
      expect(same.body.fields).toEqual({ newPassword: 'must differ from the current password' });
      expect(await sessionWorks(elsewhere)).toBe(true);

      await change(PASSWORD, 'a brand new password').expect(204);
      expect(await sessionWorks(here)).toBe(true);
      expect(await sessionWorks(elsewhere)).toBe(false);
      await login('changer@example.com', PASSWORD).expect(401);
      await signIn('changer@example.com', 'a brand new password');
    });

    test('wrong current passwords count as failed logins', async () => {
      await addAuthor('guessed@example.com');
      const stolen = await signIn('guessed@example.com', PASSWORD);
      for (let i = 0; i < 5; i += 1) {
        await api
          .as(stolen, 'put', '/api/admin/account/password')
          .send({ currentPassword: `guess ${i}`, newPassword: 'taken over now' })
          .expect(400);
      }
      await api
        .as(stolen, 'put', '/api/admin/account/password')
        .send({ currentPassword: PASSWORD, newPassword: 'taken over now' })
        .expect(429);
    });
  });
});
