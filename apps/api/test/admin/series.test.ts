import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AdminTestApi, startAdminTestApi } from './admin-test-api.js';

/** Posts read in order: the "Part N of M" box readers see, kept current by every write. */
describe('series', () => {
  let api: AdminTestApi;
  beforeAll(async () => {
    api = await startAdminTestApi('pglite');
  });
  afterAll(async () => {
    await api?.close();
  });

  const startSeries = async (name: string) =>
    (await api.as(api.author, 'post', '/api/admin/series').send({ name }).expect(201)).body as {
      id: number;
      slug: string;
    };
  const writePart = async (title: string, series: { slug: string; part: number }) =>
    (
      await api
        .as(api.author, 'post', '/api/admin/posts')
        .send({ title, body: 'words', series })
        .expect(201)
    ).body as { id: number; slug: string; version: number };
  const publish = (post: { id: number; version: number }) =>
    api
      .as(api.author, 'post', `/api/admin/posts/${post.id}/publish`)
      .send({ version: post.version });
  const seriesOf = async (slug: string) =>
    (await api.http.get(`/api/posts/${slug}`).expect(200)).body.series;

  test('a post page lists the published parts in order; drafts are left out', async () => {
    const series = await startSeries('Writing a Database');
    expect(series.slug).toBe('writing-a-database');
    const third = await writePart('Indexes', { slug: series.slug, part: 3 });
    const first = await writePart('Pages', { slug: series.slug, part: 1 });
    await writePart('Buffers', { slug: series.slug, part: 2 });
    await publish(third).expect(200);
    await publish(first).expect(200);

    expect(await seriesOf(third.slug)).toEqual({
      slug: 'writing-a-database',
      name: 'Writing a Database',
      position: 2,
      parts: [
        { slug: first.slug, title: 'Pages' },
        { slug: third.slug, title: 'Indexes' },
      ],
    });
    const edited = await api.as(api.author, 'get', `/api/admin/posts/${first.id}`).expect(200);
    expect(edited.body.series).toEqual({
      id: series.id,
      slug: 'writing-a-database',
      name: 'Writing a Database',
      part: 1,
    });
    const list = await api.as(api.author, 'get', '/api/admin/series').expect(200);
    expect(list.body).toContainEqual({ ...series, name: 'Writing a Database', postCount: 3 });
  });

  test('a reorder and a rename show on every part at once, cached pages included', async () => {
    const series = await startSeries('Compilers');
    const a = await writePart('Lexing', { slug: series.slug, part: 1 });
    const b = await writePart('Parsing', { slug: series.slug, part: 2 });
    const [pa, pb] = [(await publish(a).expect(200)).body, (await publish(b).expect(200)).body];
    expect((await seriesOf(a.slug)).position).toBe(1);
    expect((await seriesOf(b.slug)).name).toBe('Compilers');

    await api
      .as(api.author, 'put', `/api/admin/posts/${pa.id}`)
      .send({ version: pa.version, series: { slug: series.slug, part: 5 } })
      .expect(200);
    expect((await seriesOf(a.slug)).position).toBe(2);
    expect((await seriesOf(b.slug)).parts.map((p: { title: string }) => p.title)).toEqual([
      'Parsing',
      'Lexing',
    ]);

    await api
      .as(api.author, 'patch', `/api/admin/series/${series.id}`)
      .send({ name: 'X' })
      .expect(403);
    await api
      .as(api.admin, 'patch', `/api/admin/series/${series.id}`)
      .send({ name: 'Building a Compiler' })
      .expect(200);
    expect((await seriesOf(a.slug)).name).toBe('Building a Compiler');
    expect((await seriesOf(b.slug)).name).toBe('Building a Compiler');

    await api
      .as(api.author, 'put', `/api/admin/posts/${pb.id}`)
      .send({ version: pb.version, series: null })
      .expect(200);
    expect(await seriesOf(b.slug)).toBeNull();
    expect((await seriesOf(a.slug)).parts).toHaveLength(1);
  });

  test('bad series input answers 400 or 409 naming the field', async () => {
    const refused = async (url: string, body: unknown, status = 400) =>
      (
        await api
          .as(api.author, 'post', url)
          .send(body as object)
          .expect(status)
      ).body;
    expect((await refused('/api/admin/series', {})).fields).toHaveProperty('name');
    expect(
      (await refused('/api/admin/series', { name: 'A', slug: 'Not A Slug' })).fields,
    ).toHaveProperty('slug');
    await startSeries('Twice');
    expect((await refused('/api/admin/series', { name: 'twice' }, 409)).fields).toEqual({
      name: 'is already used by another series',
    });
    const post = (body: unknown) => refused('/api/admin/posts', { title: 'P', series: body });
    expect((await post({ slug: 'nope', part: 1 })).fields).toEqual({
      series: 'unknown series: nope',
    });
    expect(Object.keys((await post({ slug: 'twice', part: 0 })).fields)).toEqual(['series.part']);
    expect(Object.keys((await post({ slug: 'twice', part: 1.5 })).fields)).toEqual(['series.part']);
    expect(Object.keys((await post('twice')).fields)).toEqual(['series']);
    await api.as(api.admin, 'patch', '/api/admin/series/999999').send({ name: 'Y' }).expect(404);
  });

  test('reading time and headings come with the post, reading time with listings too', async () => {
    const body = `## One\n\n${'word '.repeat(460)}\n\n### Two\n\n## Three`;
    const created = (
      await api
        .as(api.author, 'post', '/api/admin/posts')
        .send({ title: 'Long read', body })
        .expect(201)
    ).body;
    await publish(created).expect(200);
    const page = (await api.http.get(`/api/posts/${created.slug}`).expect(200)).body;
    expect(page.post.readingMinutes).toBe(3);
    expect(page.post.headings).toEqual([
      { id: 'one', text: 'One', depth: 2 },
      { id: 'two', text: 'Two', depth: 3 },
      { id: 'three', text: 'Three', depth: 2 },
    ]);
    const listing = (await api.http.get('/api/posts').expect(200)).body;
    expect(
      listing.items.find((item: { slug: string }) => item.slug === created.slug),
    ).toMatchObject({
      readingMinutes: 3,
    });
  });
});
