import { openApiDocument, routes, type RouteSpec } from '@inkwell/contract';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listAdminRoutes } from './admin/admin-routes.js';
import { contractBreach, contractRouteFor } from './contract-answers.js';
import { buildFixtureContent } from './fixtures.js';
import { declaredRoutes } from './nest-routes.js';
import { startTestApi, type TestApi } from './test-api.js';

const allRoutes = Object.values(routes) as RouteSpec[];
/** `/api/posts/:slug` -> `/api/posts/{slug}` */
const template = (path: string) => path.replace(/:(\w+)/g, '{$1}');

describe('contract answers check', () => {
  const postList = routes['GET /api/posts'];
  const page = {
    items: [],
    page: 1,
    pageSize: 10,
    total: 0,
    pages: 0,
    categories: [],
    author: null,
  };

  test('finds the route of a request, a static segment before a parameter', () => {
    expect(contractRouteFor('GET', '/api/posts?page=2')?.path).toBe('/api/posts');
    expect(contractRouteFor('POST', '/api/admin/posts/preview')?.path).toBe(
      '/api/admin/posts/preview',
    );
    expect(contractRouteFor('POST', '/api/admin/posts/12/publish')?.path).toBe(
      '/api/admin/posts/{id}/publish',
    );
    expect(contractRouteFor('GET', '/nowhere')).toBeUndefined();
  });

  test('accepts an answer as described and names the field of one that drifted', () => {
    expect(contractBreach(postList, 200, 'application/json', JSON.stringify(page))).toBeNull();
    const drifted = JSON.stringify({ ...page, total: '0' });
    expect(contractBreach(postList, 200, 'application/json', drifted)).toMatch(/^total:/);
  });

  test('refuses a success the route does not describe, and checks undescribed refusals', () => {
    expect(contractBreach(postList, 201, 'application/json', '{}')).toMatch(/not in the contract/);
    const refusal = { statusCode: 429, error: 'Too Many Requests', message: 'slow down' };
    expect(contractBreach(postList, 429, 'application/json', JSON.stringify(refusal))).toBeNull();
    expect(contractBreach(postList, 429, 'application/json', '{"oops":1}')).not.toBeNull();
  });

  test('accepts no body for a 204 and a file where the route declares one', () => {
    expect(contractBreach(routes['DELETE /api/admin/posts/{id}'], 204, '', '')).toBeNull();
    expect(
      contractBreach(routes['GET /images/{hash}/{file}'], 200, 'image/webp', 'RIFF'),
    ).toBeNull();
  });
});

describe('the API and its contract', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('pglite', buildFixtureContent());
  });
  afterAll(async () => {
    await api?.close();
  });

  test('every route Nest registers is in the route table, and every route in it is served', () => {
    const served = declaredRoutes(api.app).map(({ method, path }) => `${method} ${template(path)}`);
    expect(served.sort()).toEqual(Object.keys(routes).sort());
  });

  test('the table says which admin routes need a session, as the guard does', () => {
    for (const route of listAdminRoutes(api.app)) {
      const key = `${route.method} ${template(route.path)}` as keyof typeof routes;
      expect(routes[key].session, key).toBe(!route.public);
    }
    for (const route of allRoutes.filter(({ path }) => !path.startsWith('/api/admin'))) {
      expect(route.session, route.path).toBe(false);
    }
  });

  test('GET /api/openapi.json is the OpenAPI 3.1 document of every route', async () => {
    const res = await api.http.get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.info).toMatchObject({ title: 'Inkwell API', version: expect.any(String) });
    expect(res.body).toEqual(JSON.parse(JSON.stringify(openApiDocument(res.body.info))));
    for (const route of allRoutes) {
      expect(res.body.paths[route.path]?.[route.method.toLowerCase()], route.path).toBeDefined();
    }
  });

  test('GET /api/docs renders the document with files served by the API itself', async () => {
    const page = await api.http.get('/api/docs').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const policy = page.headers['content-security-policy'];
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(sources.every((source) => source.startsWith('docs/'))).toBe(true);
    expect(page.text).not.toMatch(/<script>(?!<)/);
    for (const source of sources) {
      const asset = await api.http.get(`/api/${source}`).expect(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=86400');
    }
    const init = await api.http.get('/api/docs/init.js').expect(200);
    expect(init.text).toContain("url: 'openapi.json'");
  });

  test('the docs folder serves its own files only', async () => {
    await api.http.get('/api/docs/package.json').expect(404);
    await api.http.get('/api/docs/..%2F..%2Fpackage.json').expect(404);
  });

  test('the answers of this file were checked against the contract', () => {
    expect(api.contract.checked).toBeGreaterThan(5);
    expect(api.contract.breaches).toEqual([]);
  });
});
