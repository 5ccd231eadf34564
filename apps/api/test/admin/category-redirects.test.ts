import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engineKinds } from '../test-api.js';
import { type AdminTestApi, startAdminTestApi } from './admin-test-api.js';

/** Links and feeds of a renamed or merged category keep working, as renamed posts' do. */
describe.each(engineKinds)('old category slugs on %s', (kind) => {
  let api: AdminTestApi;
  beforeAll(async () => {
    api = await startAdminTestApi(kind);
  });
  afterAll(async () => {
    await api?.close();
  });

  const listing = (category: string) => api.http.get(`/api/posts?category=${category}`);
  const create = async (name: string, slug: string): Promise<number> =>
    (await api.as(api.admin, 'post', '/api/admin/categories').send({ name, slug }).expect(201)).body
      .id;

  test('a renamed slug answers 301 to the listing under the new one, also in a list', async () => {
    const id = await create('Compilers', 'compilers');
    await listing('compilers').expect(200);

    await api
      .as(api.admin, 'patch', `/api/admin/categories/${id}`)
      .send({ slug: 'compiler-design' })
      .expect(200);

    const moved = await listing('compilers').expect(301);
    expect(moved.body).toMatchObject({ statusCode: 301, slug: 'compiler-design' });
    expect(moved.headers.location).toBe('/api/posts?category=compiler-design');
    expect((await listing('compilers,rust').expect(301)).body.slug).toBe('compiler-design,rust');
    await listing('compiler-design').expect(200);
  });

  test('a merged category, and the slugs it had before, lead to the category it went into', async () => {
    const source = await create('Shaders', 'shaders');
    await api
      .as(api.admin, 'patch', `/api/admin/categories/${source}`)
      .send({ slug: 'gpu-shaders' })
      .expect(200);
    const target = await create('Graphics', 'graphics');
    await api
      .as(api.admin, 'post', `/api/admin/categories/${source}/merge`)
      .send({ into: target })
      .expect(200);

    for (const old of ['shaders', 'gpu-shaders']) {
      expect((await listing(old).expect(301)).body.slug, old).toBe('graphics');
    }
    // Both old slugs together, and with the target itself: one listing, named once.
    expect((await listing('shaders,graphics,gpu-shaders').expect(301)).body.slug).toBe('graphics');
  });

  test('a category that takes an old slug again is listed under it', async () => {
    const id = await create('Parsers', 'parsers');
    await api
      .as(api.admin, 'patch', `/api/admin/categories/${id}`)
      .send({ slug: 'parsing' })
      .expect(200);
    await listing('parsers').expect(301);

    await create('Parsers Again', 'parsers');
    const answer = await listing('parsers').expect(200);
    expect(answer.body.categories).toEqual([{ slug: 'parsers', name: 'Parsers Again' }]);
  });

  test('a deleted category without posts leaves no redirect', async () => {
    const id = await create('Ephemera', 'ephemera');
    await api.as(api.admin, 'delete', `/api/admin/categories/${id}`).expect(204);
    await listing('ephemera').expect(404);
  });
});
