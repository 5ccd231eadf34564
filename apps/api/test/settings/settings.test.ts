import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type AdminTestApi, startAdminTestApi } from '../admin/admin-test-api.js';
import { formRenderedAt } from '../fixtures.js';

/** Site settings over the real API: validated per field, admins only, read fresh after a save. */
let api: AdminTestApi;
beforeAll(async () => {
  api = await startAdminTestApi('pglite');
});
afterAll(() => api?.close());

const patch = (body: unknown) =>
  api.as(api.admin, 'patch', '/api/admin/settings').send(body as object);

test('the defaults are readable by anyone', async () => {
  const res = await api.http.get('/api/settings').expect(200);
  expect(res.body).toMatchObject({
    title: 'Inkwell',
    logo: null,
    favicon: null,
    navigation: [],
    postsPerPage: 10,
    commentsEnabled: true,
    holdFirstComments: true,
    // No SMTP_URL here: the comment form offers no reply emails.
    replyEmails: false,
    fullContentFeeds: false,
    pageOrder: [],
  });
});

test('names each bad field', async () => {
  const res = await patch({
    title: '',
    navigation: [
      { label: 'Evil', url: 'javascript:alert(1)' },
      { label: '', url: '/ok' },
    ],
    postsPerPage: 0,
    commentsEnabled: 'yes',
    logoImageId: 999_999,
  }).expect(400);
  expect(res.body.fields).toEqual({
    title: 'must not be empty',
    'navigation.0.url': 'must be a path like /posts/about or an http(s) URL',
    'navigation.1.label': 'must not be empty',
    postsPerPage: 'must be at least 1',
    commentsEnabled: 'must be true or false',
  });
  const image = await patch({ logoImageId: 999_999 }).expect(400);
  expect(image.body.fields).toEqual({ logoImageId: 'must be an uploaded image' });
  expect((await api.http.get('/api/settings').expect(200)).body.title).toBe('Inkwell');
});

test('only admins may change them', async () => {
  await api.http.patch('/api/admin/settings').send({ title: 'Anonymous' }).expect(401);
  await api.as(api.author, 'patch', '/api/admin/settings').send({ title: 'Author' }).expect(403);
  await api.http
    .patch('/api/admin/settings')
    .set('Authorization', `Bearer ${api.admin.token}`)
    .send({ title: 'No CSRF token' })
    .expect(403);
  await api.as(api.author, 'get', '/api/admin/settings').expect(403);
  expect((await api.http.get('/api/settings').expect(200)).body.title).toBe('Inkwell');
});

test('a save is read back at once, through the memoized read', async () => {
  await api.http.get('/api/settings').expect(200); // cached now
  api.events.length = 0;
  const png = await sharp({
    create: { width: 64, height: 64, channels: 3, background: { r: 200, g: 40, b: 40 } },
  })
    .png()
    .toBuffer();
  const upload = await api
    .as(api.admin, 'post', '/api/admin/images')
    .attach('file', png, 'logo.png')
    .expect(201);
  const saved = await patch({
    title: 'Field Notes',
    description: 'Things learned the hard way.',
    ownerName: 'Ada',
    logoImageId: upload.body.id,
    navigation: [
      { label: 'About', url: '/posts/about' },
      { label: 'Code', url: 'https://example.org/code' },
    ],
    postsPerPage: 5,
    holdFirstComments: false,
  }).expect(200);
  expect(saved.body.logo).toEqual({
    id: upload.body.id,
    url: `/images/${upload.body.hash}/320.webp`,
  });
  const read = (await api.http.get('/api/settings').expect(200)).body;
  expect(read).toMatchObject({
    title: 'Field Notes',
    description: 'Things learned the hard way.',
    ownerName: 'Ada',
    navigation: [
      { label: 'About', url: '/posts/about' },
      { label: 'Code', url: 'https://example.org/code' },
    ],
    postsPerPage: 5,
    commentsEnabled: true,
    holdFirstComments: false,
  });
  expect(api.events).toEqual([
    {
      type: 'settings.saved',
      payload: {
        fields: [
          'title',
          'description',
          'ownerName',
          'logoImageId',
          'navigation',
          'postsPerPage',
          'holdFirstComments',
        ],
      },
    },
  ]);
});

test('deleting the logo image takes it off the settings at once', async () => {
  const before = (await api.http.get('/api/settings').expect(200)).body;
  expect(before.logo).not.toBeNull();
  await api.as(api.admin, 'delete', `/api/admin/images/${before.logo.id}`).expect(204);
  expect((await api.http.get('/api/settings').expect(200)).body.logo).toBeNull();
});

test('the comment policy applies to the next comment', async () => {
  const comment = (n: number) =>
    api.http
      .post('/api/posts/post-1/comments')
      .set('X-Forwarded-For', `192.0.2.${n}`)
      .send({
        authorName: 'First Timer',
        authorEmail: `first${n}@example.org`,
        body: 'A first comment.',
        renderedAt: formRenderedAt(),
      });
  await patch({ holdFirstComments: true, commentsEnabled: true }).expect(200);
  expect((await comment(1).expect(201)).body.awaitingModeration).toBe(true);
  await patch({ holdFirstComments: false }).expect(200);
  expect((await comment(2).expect(201)).body.awaitingModeration).toBe(false);
  await patch({ commentsEnabled: false }).expect(200);
  const closed = await comment(3).expect(403);
  expect(closed.body.message).toBe('Comments are closed on this site');
});
