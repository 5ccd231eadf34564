import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engineKinds } from '../test-api.js';
import { type AdminTestApi, type SignedIn, startAdminTestApi } from './admin-test-api.js';

/** Authors change only their own posts and images; admins change everyone's. */
describe.each(engineKinds)('post and image ownership on %s', (kind) => {
  let api: AdminTestApi;
  let otherAuthor: SignedIn;
  beforeAll(async () => {
    api = await startAdminTestApi(kind);
    otherAuthor = await api.addUser('other-author@example.com', 'AUTHOR');
  });
  afterAll(async () => {
    await api?.close();
  });

  const newPost = async (who: SignedIn, title: string) =>
    (await api.as(who, 'post', '/api/admin/posts').send({ title, body: 'Text.' }).expect(201))
      .body as { id: number; version: number };

  const png = async (shade: string): Promise<Buffer> => {
    const { default: sharp } = await import('sharp');
    return sharp({ create: { width: 20, height: 20, channels: 3, background: shade } })
      .png()
      .toBuffer();
  };

  test("an author can neither edit, publish, unpublish nor delete someone else's post", async () => {
    const post = await newPost(api.admin, 'The admin’s post');
    await api
      .as(api.admin, 'post', `/api/admin/posts/${post.id}/publish`)
      .send({ version: 1 })
      .expect(200);
    const attempts = [
      api.as(api.author, 'put', `/api/admin/posts/${post.id}`).send({ version: 2, title: 'Mine' }),
      api.as(api.author, 'post', `/api/admin/posts/${post.id}/publish`).send({ version: 2 }),
      api.as(api.author, 'post', `/api/admin/posts/${post.id}/unpublish`).send({ version: 2 }),
      api.as(api.author, 'delete', `/api/admin/posts/${post.id}`),
    ];
    for (const attempt of attempts) {
      const res = await attempt;
      expect(res.status).toBe(403);
      expect(res.body.message).toBe(
        'This post belongs to another author: only they or an admin may change it',
      );
    }
    const after = await api.as(api.admin, 'get', `/api/admin/posts/${post.id}`).expect(200);
    expect(after.body).toMatchObject({ title: 'The admin’s post', state: 'published', version: 2 });
    // Reading is still open to every author (the list shows every post).
    expect(
      (await api.as(api.author, 'get', `/api/admin/posts/${post.id}`).expect(200)).body.canEdit,
    ).toBe(false);
  });

  test('an author changes their own posts; an admin changes anyone’s', async () => {
    const post = await newPost(api.author, 'An author’s post');
    await api
      .as(api.author, 'put', `/api/admin/posts/${post.id}`)
      .send({ version: 1, title: 'Renamed by its author' })
      .expect(200);
    await api
      .as(otherAuthor, 'put', `/api/admin/posts/${post.id}`)
      .send({ version: 2, title: 'Taken over' })
      .expect(403);
    await api
      .as(api.admin, 'post', `/api/admin/posts/${post.id}/publish`)
      .send({ version: 2 })
      .expect(200);
    await api
      .as(api.author, 'post', `/api/admin/posts/${post.id}/unpublish`)
      .send({ version: 3 })
      .expect(200);
    await api.as(otherAuthor, 'delete', `/api/admin/posts/${post.id}`).expect(403);
    await api.as(api.author, 'delete', `/api/admin/posts/${post.id}`).expect(204);
    await api.as(api.admin, 'get', `/api/admin/posts/${post.id}`).expect(404);
  });

  test('the post list says who wrote each post and whether the caller may change it', async () => {
    const mine = await newPost(api.author, 'Listed: mine');
    const theirs = await newPost(api.admin, 'Listed: theirs');
    const rows = async (who: SignedIn) =>
      (await api.as(who, 'get', '/api/admin/posts?q=Listed:').expect(200)).body.items as {
        id: number;
        author: { id: number; name: string } | null;
        canEdit: boolean;
      }[];
    const seenByAuthor = await rows(api.author);
    expect(seenByAuthor.find((p) => p.id === mine.id)).toMatchObject({
      author: { id: api.author.userId, name: 'author' },
      canEdit: true,
    });
    expect(seenByAuthor.find((p) => p.id === theirs.id)).toMatchObject({
      author: { id: api.admin.userId, name: 'admin' },
      canEdit: false,
    });
    expect((await rows(api.admin)).every((p) => p.canEdit)).toBe(true);
  });

  test('a post without an author (imported, or its author deleted) is for admins only', async () => {
    const orphan = await api.db.prisma.post.findFirstOrThrow({ where: { authorId: null } });
    await api
      .as(api.author, 'put', `/api/admin/posts/${orphan.id}`)
      .send({ version: orphan.version, summary: 'x' })
      .expect(403);
    await api
      .as(api.admin, 'put', `/api/admin/posts/${orphan.id}`)
      .send({ version: orphan.version, summary: 'Checked by the admin.' })
      .expect(200);
  });

  test('an author deletes only the images they uploaded; an admin any', async () => {
    const upload = async (who: SignedIn, shade: string) =>
      (
        await api
          .as(who, 'post', '/api/admin/images')
          .attach('file', await png(shade), `${shade.slice(1)}.png`)
          .expect(201)
      ).body as { id: number; uploadedBy: { id: number; name: string } | null };
    const adminImage = await upload(api.admin, '#aa0000');
    const authorImage = await upload(api.author, '#00aa00');
    expect(adminImage.uploadedBy).toEqual({ id: api.admin.userId, name: 'admin' });

    const refused = await api
      .as(api.author, 'delete', `/api/admin/images/${adminImage.id}`)
      .expect(403);
    expect(refused.body.message).toBe(
      'This image was uploaded by someone else: only they or an admin may delete it',
    );
    const list = await api.as(api.author, 'get', '/api/admin/images').expect(200);
    const flags = Object.fromEntries(
      list.body.items.map((i: { id: number; canDelete: boolean }) => [i.id, i.canDelete]),
    );
    expect(flags[adminImage.id]).toBe(false);
    expect(flags[authorImage.id]).toBe(true);

    await api.as(otherAuthor, 'delete', `/api/admin/images/${authorImage.id}`).expect(403);
    await api.as(api.author, 'delete', `/api/admin/images/${authorImage.id}`).expect(204);
    await api.as(api.admin, 'delete', `/api/admin/images/${adminImage.id}`).expect(204);
    expect(await api.db.prisma.image.count({ where: { id: adminImage.id } })).toBe(0);
  });
});
