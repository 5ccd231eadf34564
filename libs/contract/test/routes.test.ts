import { describe, expect, it } from 'vitest';
import {
  errorBody,
  listPostsQuerySchema,
  postDetailView,
  routes,
  type RouteSpec,
  updatePostSchema,
} from '../src/index.js';

describe('the route table', () => {
  it('keys every route by its method and path', () => {
    for (const [key, route] of Object.entries(routes) as [string, RouteSpec][]) {
      expect(key).toBe(`${route.method} ${route.path}`);
    }
  });

  it('declares a schema for every path parameter its template names, and no other', () => {
    for (const route of Object.values(routes) as RouteSpec[]) {
      const named = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect(Object.keys(route.params?.shape ?? {}).sort(), route.path).toEqual(named);
    }
  });

  it('gives every route a successful answer (or a redirect)', () => {
    for (const [key, route] of Object.entries(routes) as [string, RouteSpec][]) {
      const statuses = Object.keys(route.responses).map(Number);
      // A 2xx, or for a lookup of old addresses the redirect it exists to give.
      expect(
        statuses.some((status) => status >= 200 && status < 400),
        key,
      ).toBe(true);
    }
  });
});

describe('the schemas', () => {
  it('parse the query string as the API reads it', () => {
    expect(listPostsQuerySchema.parse({ category: 'Rust, go,rust', page: '2' })).toEqual({
      category: ['rust', 'go'],
      page: 2,
      pageSize: 10,
    });
    expect(listPostsQuerySchema.safeParse({ pageSize: '51' }).success).toBe(false);
  });

  it('refuse an edit without the version it is based on', () => {
    const parsed = updatePostSchema.safeParse({ title: 'New' });
    expect(parsed.error?.issues[0]?.path).toEqual(['version']);
  });

  it('describe comment threads of any depth', () => {
    const reply = {
      id: 2,
      parentId: 1,
      authorName: 'B',
      html: '<p>b</p>',
      createdAt: '2026-01-02T00:00:00.000Z',
      replies: [],
    };
    const detail = {
      post: {
        id: 1,
        slug: 'a',
        title: 'A',
        summary: '',
        publishedAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        externalUrl: null,
        categories: [],
        commentCount: 2,
        readingMinutes: 1,
        cover: null,
        author: { slug: 'ada', name: 'Ada' },
        html: '<p>a</p>',
        headings: [],
      },
      series: null,
      shareImage: {
        url: '/images/og/a/0123456789abcdef.png',
        width: 1200,
        height: 630,
        type: 'image/png',
      },
      comments: [{ ...reply, id: 1, parentId: null, replies: [reply] }],
      previous: null,
      next: null,
      related: [],
    };
    expect(postDetailView.parse(detail)).toEqual(detail);
    const broken = structuredClone(detail);
    (broken.comments[0]!.replies[0] as { createdAt: unknown }).createdAt = 'yesterday';
    expect(postDetailView.safeParse(broken).success).toBe(false);
  });

  it('accept any refusal with a status, a reason and a message', () => {
    expect(
      errorBody.safeParse({
        statusCode: 400,
        error: 'Bad Request',
        message: 'x',
        fields: { x: 'y' },
      }).success,
    ).toBe(true);
    expect(errorBody.safeParse({ message: 'x' }).success).toBe(false);
  });
});
