import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engineKinds } from '../test-api.js';
import { type AdminTestApi, startAdminTestApi } from './admin-test-api.js';

describe.each(engineKinds)('slugs for posts created from one title on %s', (kind) => {
  let api: AdminTestApi;
  beforeAll(async () => {
    api = await startAdminTestApi(kind);
  });
  afterAll(async () => {
    await api?.close();
  });

  const create = (title: string) =>
    api.as(api.author, 'post', '/api/admin/posts').send({ title, body: 'Text' });

  test('simultaneous creates each get their own slug', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => create('Same Title')));
    expect(answers.map((res) => res.status)).toEqual(Array(10).fill(201));
    const slugs = answers.map((res) => res.body.slug as string).sort();
    expect(new Set(slugs).size).toBe(10);
    expect(slugs).toContain('same-title');
    expect(slugs).toContain('same-title-10');
  });

  test('the next free slug is found without probing taken ones one by one', async () => {
    const title = 'Weekly Notes';
    await api.db.prisma.post.createMany({
      data: Array.from({ length: 40 }, (_, i) => ({
        slug: i === 0 ? 'weekly-notes' : `weekly-notes-${i + 1}`,
        title,
        body: 'Text',
        authorId: api.author.userId,
      })),
    });
    api.resetQueries();
    const res = await create(title).expect(201);
    expect(res.body.slug).toBe('weekly-notes-41');
    const slugLookups = api.queries.filter((sql) =>
      /FROM "public"\."Post" WHERE .*"public"\."Post"\."slug"/.test(sql),
    );
    expect(slugLookups.length).toBeLessThan(5);
  });
});
