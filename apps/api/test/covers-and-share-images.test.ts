import { shareImageKey } from '@inkwell/assets/share-images';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AdminTestApi, startAdminTestApi } from './admin/admin-test-api.js';

let api: AdminTestApi;
beforeAll(async () => {
  api = await startAdminTestApi('pglite');
});
afterAll(() => api?.close());

const upload = async (width: number, height: number, name: string) => {
  const bytes = await sharp({
    create: { width, height, channels: 3, background: '#3366aa' },
  })
    .jpeg()
    .toBuffer();
  const res = await api
    .as(api.author, 'post', '/api/admin/images')
    .attach('file', bytes, name)
    .expect(201);
  return res.body as { id: number; hash: string };
};

describe('cover images', () => {
  test('a cover with its alt text shows in the post, the listing and its share image', async () => {
    const image = await upload(1600, 900, 'harbour.jpg');
    const post = await api.publishedPost({
      title: 'Harbour at dawn',
      coverImageId: image.id,
      coverAlt: '  Boats in a misty harbour ',
    });
    const edited = await api.as(api.author, 'get', `/api/admin/posts/${post.id}`).expect(200);
    expect(edited.body).toMatchObject({
      cover: { id: image.id, hash: image.hash, width: 1600, height: 900 },
      coverAlt: 'Boats in a misty harbour',
    });
    await api.http.get(edited.body.cover.url).expect(200);

    const page = await api.http.get(`/api/posts/${post.slug}`).expect(200);
    const cover = { hash: image.hash, width: 1600, height: 900, alt: 'Boats in a misty harbour' };
    expect(page.body.post.cover).toEqual(cover);
    expect(page.body.shareImage).toEqual({
      url: `/images/${image.hash}/1280.jpg`,
      width: 1280,
      height: 720,
      type: 'image/jpeg',
    });
    const shared = await api.http.get(page.body.shareImage.url).buffer(true).expect(200);
    expect(shared.headers['content-type']).toBe('image/jpeg');
    const listing = await api.http.get('/api/posts?pageSize=50').expect(200);
    const listed = listing.body.items.find((item: { slug: string }) => item.slug === post.slug);
    expect(listed.cover).toEqual(cover);
  });

  test('removing the cover, or deleting its image, shows the post without it at once', async () => {
    const image = await upload(800, 600, 'gone.jpg');
    const post = await api.publishedPost({ title: 'Soon without a cover', coverImageId: image.id });
    expect((await api.http.get(`/api/posts/${post.slug}`).expect(200)).body.post.cover).not.toBe(
      null,
    );
    await api.as(api.author, 'delete', `/api/admin/images/${image.id}`).expect(204);
    const after = await api.http.get(`/api/posts/${post.slug}`).expect(200);
    expect(after.body.post.cover).toBeNull();
    expect(after.body.shareImage.url).toMatch(/^\/images\/og\//);

    const other = await upload(640, 480, 'kept.jpg');
    const second = await api.publishedPost({ title: 'Cover removed', coverImageId: other.id });
    await api
      .as(api.author, 'put', `/api/admin/posts/${second.id}`)
      .send({ version: second.version, coverImageId: null })
      .expect(200);
    expect((await api.http.get(`/api/posts/${second.slug}`).expect(200)).body.post.cover).toBe(
      null,
    );
  });

  test('an unknown image, a bad id or an overlong alt text is a 400 naming the field', async () => {
    for (const [body, field] of [
      [{ coverImageId: 999_999 }, 'coverImageId'],
      [{ coverImageId: 'abc' }, 'coverImageId'],
      [{ coverAlt: 'x'.repeat(301) }, 'coverAlt'],
    ] as const) {
      const res = await api
        .as(api.author, 'post', '/api/admin/posts')
        .send({ title: 'Refused', ...body })
        .expect(400);
      expect(Object.keys(res.body.fields)).toEqual([field]);
    }
  });
});

describe('generated share images', () => {
  test('a post without a cover gets a 1200x630 PNG of its title, immutable, made once', async () => {
    const post = await api.publishedPost({ title: 'Share me, please' });
    const page = await api.http.get(`/api/posts/${post.slug}`).expect(200);
    const key = shareImageKey({ title: 'Share me, please', siteName: 'Inkwell' });
    expect(page.body.shareImage).toEqual({
      url: `/images/og/${post.slug}/${key}.png`,
      width: 1200,
      height: 630,
      type: 'image/png',
    });
    const res = await api.http.get(page.body.shareImage.url).buffer(true).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(await sharp(res.body as Buffer).metadata()).toMatchObject({
      format: 'png',
      width: 1200,
      height: 630,
    });
    await api.http
      .get(page.body.shareImage.url)
      .set('If-None-Match', res.headers.etag!)
      .expect(304);
  });

  test('a new title or site name gives a new URL; the old one answers 404', async () => {
    const post = await api.publishedPost({ title: 'Before the rename' });
    const before = (await api.http.get(`/api/posts/${post.slug}`).expect(200)).body.shareImage.url;
    await api
      .as(api.author, 'put', `/api/admin/posts/${post.id}`)
      .send({ version: post.version, title: 'After the rename' })
      .expect(200);
    const after = (await api.http.get(`/api/posts/${post.slug}`).expect(200)).body.shareImage.url;
    expect(after).not.toBe(before);
    await api.http.get(before).expect(404);
    await api.http.get(after).expect(200);

    await api
      .as(api.admin, 'patch', '/api/admin/settings')
      .send({ title: 'Renamed site' })
      .expect(200);
    const renamed = (await api.http.get(`/api/posts/${post.slug}`).expect(200)).body.shareImage;
    expect(renamed.url).toContain(
      shareImageKey({ title: 'After the rename', siteName: 'Renamed site' }),
    );
    await api.http.get(renamed.url).expect(200);
  });

  test.each([
    ['an unknown post', '/images/og/no-such-post/0123456789abcdef.png'],
    ['a draft', '/images/og/DRAFT/0123456789abcdef.png'],
    ['a key of another text', '/images/og/post-1/0123456789abcdef.png'],
    ['a file that is not a key', '/images/og/post-1/title.png'],
    ['an absurdly long slug', `/images/og/${'a'.repeat(5000)}/0123456789abcdef.png`],
    ['a path outside', '/images/og/..%2F..%2Fetc/0123456789abcdef.png'],
  ])('%s answers 404 and draws nothing', async (_what, url) => {
    const draft = await api
      .as(api.author, 'post', '/api/admin/posts')
      .send({ title: 'Hidden draft' });
    const res = await api.http.get(url.replace('DRAFT', draft.body.slug)).expect(404);
    expect(res.body.message).toEqual(expect.any(String));
  });
});
