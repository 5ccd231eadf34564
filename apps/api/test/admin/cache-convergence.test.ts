import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type SearchEngine } from '@inkwell/search';
import { SEARCH_ENGINE } from '../../src/core/tokens.js';
import { DomainEvents } from '../../src/events/domain-events.js';
import { engineKinds } from '../test-api.js';
import { type AdminTestApi, startAdminTestApi } from './admin-test-api.js';

/** What a reader sees right after an admin write, every cache warmed beforehand. */
describe.each(engineKinds)('readers see admin writes at once on %s', (kind) => {
  let api: AdminTestApi;
  beforeAll(async () => {
    api = await startAdminTestApi(kind);
  });
  afterAll(async () => {
    await api?.close();
  });

  const categoryNames = async (path: string, pick: (body: never) => Array<{ name: string }>) =>
    pick((await api.http.get(path).expect(200)).body as never).map((c) => c.name);

  test('a renamed category shows its new name in the category list, listings and post pages', async () => {
    const rust = await api.db.prisma.category.findUniqueOrThrow({ where: { slug: 'rust' } });
    const post = await api.db.prisma.post.findFirstOrThrow({
      where: {
        status: 'PUBLISHED',
        publishedAt: { lte: new Date() },
        categories: { some: { categoryId: rust.id } },
      },
      orderBy: { publishedAt: 'desc' },
    });
    const listed = (body: {
      items: Array<{ slug: string; categories: Array<{ name: string }> }>;
    }) => body.items.find((item) => item.slug === post.slug)?.categories ?? [];
    const reads = {
      categories: () =>
        categoryNames('/api/categories', (body: { items: Array<{ name: string }> }) => body.items),
      listedPost: () => categoryNames('/api/posts?category=rust', listed),
      listing: () =>
        categoryNames(
          '/api/posts?category=rust',
          (body: { categories: Array<{ name: string }> }) => body.categories,
        ),
      page: () =>
        categoryNames(
          `/api/posts/${post.slug}`,
          (body: { post: { categories: Array<{ name: string }> } }) => body.post.categories,
        ),
    };
    for (const read of Object.values(reads)) expect(await read()).toContain('Rust');

    await api
      .as(api.admin, 'patch', `/api/admin/categories/${rust.id}`)
      .send({ name: 'Rust Lang' })
      .expect(200);

    for (const read of Object.values(reads)) {
      const names = await read();
      expect(names).toContain('Rust Lang');
      expect(names).not.toContain('Rust');
    }
  });

  test('a new category is listed at once', async () => {
    await api.http.get('/api/categories').expect(200);
    await api
      .as(api.admin, 'post', '/api/admin/categories')
      .send({ name: 'Compilers' })
      .expect(201);
    const res = await api.http.get('/api/categories').expect(200);
    expect(res.body.items.map((c: { slug: string }) => c.slug)).toContain('compilers');
  });

  test('a deleted category leaves the list at once', async () => {
    const created = await api
      .as(api.admin, 'post', '/api/admin/categories')
      .send({ name: 'Short Lived' })
      .expect(201);
    const listed = await api.http.get('/api/categories').expect(200);
    expect(listed.body.items.map((c: { slug: string }) => c.slug)).toContain('short-lived');
    await api.as(api.admin, 'delete', `/api/admin/categories/${created.body.id}`).expect(204);
    const res = await api.http.get('/api/categories').expect(200);
    expect(res.body.items.map((c: { slug: string }) => c.slug)).not.toContain('short-lived');
  });

  test('a search made while the index is being written is not cached past the write', async () => {
    const search = async () =>
      (await api.http.get('/api/search?q=zeppelin').expect(200)).body.hits
        .filter((hit: { kind: string }) => hit.kind === 'post')
        .map((hit: { slug: string }) => hit.slug);
    const post = await api.db.prisma.post.findFirstOrThrow({
      where: { status: 'PUBLISHED', publishedAt: { lte: new Date() } },
    });
    const engine = api.app.get<SearchEngine>(SEARCH_ENGINE);
    const indexPost = engine.indexPost.bind(engine);
    // A reader searches while the index write is under way: the answer is the old one.
    engine.indexPost = async (doc) => {
      expect(await search()).toEqual([]);
      await indexPost(doc);
    };
    try {
      await api.db.prisma.post.update({
        where: { id: post.id },
        data: { title: 'Zeppelin flights' },
      });
      await api.app.get(DomainEvents).emit('post.saved', {
        postId: post.id,
        slug: post.slug,
        previousSlug: null,
        categorySlugs: [],
        previousCategorySlugs: [],
        published: true,
        wasPublished: true,
      });
    } finally {
      engine.indexPost = indexPost;
    }
    expect(await search()).toEqual([post.slug]);
  });

  // A race: each round gives the two requests a chance to interleave; three make a miss unlikely.
  test.each([1, 2, 3])(
    'two simultaneous bulk actions on the same 20 comments affect each once (round %i)',
    async () => {
      const post = await api.db.prisma.post.findFirstOrThrow({ where: { status: 'PUBLISHED' } });
      const comments = await api.db.prisma.comment.createManyAndReturn({
        data: Array.from({ length: 20 }, (_, i) => ({
          postId: post.id,
          authorName: 'Reader',
          authorEmail: 'r@example.com',
          body: `Pending ${i}`,
        })),
        select: { id: true },
      });
      const ids = comments.map((c) => c.id);
      const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
      const bulkTwice = async (action: 'approve' | 'delete') => {
        const answers = await Promise.all(
          [1, 2].map(() =>
            api.as(api.admin, 'post', '/api/admin/comments/bulk').send({ action, ids }).expect(200),
          ),
        );
        return sorted(answers.flatMap((res) => res.body.affected as number[]));
      };
      const announced = (type: string) =>
        sorted(
          api.events
            .filter((event) => event.type === type)
            .map((event) => (event.payload as { commentId: number }).commentId),
        );

      api.events.length = 0;
      expect(await bulkTwice('approve')).toEqual(ids);
      expect(announced('comment.approved')).toEqual(ids);

      api.events.length = 0;
      expect(await bulkTwice('delete')).toEqual(ids);
      expect(announced('comment.deleted')).toEqual(ids);
    },
  );
});
