import { describe, expect, it } from 'vitest';
import { openApiDocument, operationId, routes, type RouteSpec } from '../src/index.js';

const document = openApiDocument({ title: 'Inkwell API', version: '1.0.0' });
const allRoutes = Object.values(routes) as RouteSpec[];

/** Every `$ref` in the document, wherever it sits. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.push(item);
      else refsIn(item, found);
    }
  }
  return found;
}

describe('openApiDocument', () => {
  it('is OpenAPI 3.1 with an info block', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toEqual({ title: 'Inkwell API', version: '1.0.0' });
  });

  it('lists every route once, under its path and method', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(Object.keys(routes).sort());
  });

  it('gives each operation a unique id, a summary and its answers', () => {
    const ids = new Set<string>();
    for (const route of allRoutes) {
      const operation = document.paths[route.path]![route.method.toLowerCase()]!;
      expect(operation.operationId).toBe(operationId(route));
      ids.add(operation.operationId as string);
      expect(operation.summary).toBe(route.summary);
      expect(Object.keys(operation.responses as object).sort()).toEqual(
        Object.keys(route.responses).sort(),
      );
    }
    expect(ids.size).toBe(allRoutes.length);
  });

  it('marks the routes that need an admin session', () => {
    const operation = (method: string, path: string) => document.paths[path]![method]!;
    expect(operation('get', '/api/admin/posts').security).toEqual([{ adminSession: [] }]);
    expect(operation('get', '/api/posts').security).toEqual([]);
    expect(document.components.securitySchemes.adminSession).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('spreads path and query schemas into parameters', () => {
    const get = document.paths['/api/admin/posts/{id}']!.get!;
    expect(get.parameters).toEqual([
      {
        name: 'id',
        in: 'path',
        required: true,
        schema: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
      },
    ]);
    const list = document.paths['/api/posts']!.get!.parameters as { name: string }[];
    expect(list.map((parameter) => parameter.name)).toEqual([
      'category',
      'author',
      'content',
      'page',
      'pageSize',
    ]);
  });

  it('resolves every $ref to a component, including the recursive comment thread', () => {
    const refs = refsIn(document);
    expect(refs).toContain('#/components/schemas/Comment');
    for (const ref of refs) {
      const name = ref.replace('#/components/schemas/', '');
      expect(document.components.schemas[name], ref).toBeDefined();
    }
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });
});
