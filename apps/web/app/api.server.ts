import { z } from 'zod';
import { callApi, DEFAULT_API_TIMEOUT_MS } from './lib/api-call.server.js';
import { type ApiReads } from './lib/api-reads.server.js';

/*
 * The one HTTP client for the Inkwell API (contract: docs/api.md). Responses are validated on
 * the way in so a contract drift fails loudly here instead of as `undefined` deep in a page.
 */

const categoryRef = z.object({ slug: z.string(), name: z.string() });
const postRef = z.object({ slug: z.string(), title: z.string() });

const postSummary = z.object({
  id: z.number(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  publishedAt: z.string(),
  externalUrl: z.string().nullable(),
  categories: z.array(categoryRef),
  commentCount: z.number(),
});

const postPage = z.object({
  items: z.array(postSummary),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  pages: z.number(),
  categories: z.array(categoryRef),
});

export interface CommentShape {
  id: number;
  parentId: number | null;
  authorName: string;
  html: string;
  createdAt: string;
  replies: CommentShape[];
}
const comment: z.ZodType<CommentShape> = z.lazy(() =>
  z.object({
    id: z.number(),
    parentId: z.number().nullable(),
    authorName: z.string(),
    html: z.string(),
    createdAt: z.string(),
    replies: z.array(comment),
  }),
);

const postDetail = z.object({
  post: postSummary.extend({ updatedAt: z.string(), html: z.string() }),
  comments: z.array(comment),
  previous: postRef.nullable(),
  next: postRef.nullable(),
  related: z.array(postRef.extend({ publishedAt: z.string() })),
});

/** The API's answer for a slug the post had before it was renamed (a 301, docs/api.md). */
const postMoved = z.object({ statusCode: z.literal(301), slug: z.string().min(1) });

const categoryList = z.object({
  items: z.array(categoryRef.extend({ description: z.string(), postCount: z.number() })),
});

const commentCreated = z.object({ id: z.number(), awaitingModeration: z.boolean() });

const searchHit = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('post'),
    id: z.number(),
    slug: z.string(),
    title: z.string(),
    publishedAt: z.string(),
    categories: z.array(categoryRef),
    /** HTML-escaped text with matches in <mark>; see lib/snippet.ts. */
    snippet: z.string(),
  }),
  z.object({
    kind: z.literal('comment'),
    id: z.number(),
    slug: z.string(),
    title: z.string(),
    snippet: z.string(),
  }),
]);

const searchResults = z.object({
  q: z.string(),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  hits: z.array(searchHit),
  terms: z.object({ correctedTo: z.string().nullable() }),
  /** With no hits: the closest spellings of the query, to offer as links. */
  suggestions: z.array(z.string()).default([]),
});

const settingsImage = z.object({ id: z.number(), url: z.string() }).nullable();

/** The site's settings (GET /api/settings); the admin API answers the same shape. */
export const siteSettings = z.object({
  title: z.string(),
  description: z.string(),
  ownerName: z.string(),
  logo: settingsImage,
  favicon: settingsImage,
  navigation: z.array(z.object({ label: z.string(), url: z.string() })),
  postsPerPage: z.number(),
  commentsEnabled: z.boolean(),
  holdFirstComments: z.boolean(),
  updatedAt: z.string(),
});

const errorBody = z.object({
  message: z.union([z.string(), z.array(z.string())]).optional(),
  fields: z.record(z.string(), z.string()).optional(),
});

export type CategoryRef = z.infer<typeof categoryRef>;
export type PostSummary = z.infer<typeof postSummary>;
export type PostPage = z.infer<typeof postPage>;
export type PostDetail = z.infer<typeof postDetail>;
/** A post found under its current slug, or the slug it moved to. */
export type PostLookup = { found: PostDetail } | { movedTo: string };
export type Comment = CommentShape;
export type CategoryList = z.infer<typeof categoryList>;
export type SearchResults = z.infer<typeof searchResults>;
export type SearchHit = z.infer<typeof searchHit>;
export type SiteSettings = z.infer<typeof siteSettings>;

export interface NewComment {
  authorName: string;
  authorEmail: string;
  body: string;
  parentId?: number;
  /** The form's honeypot, passed on as typed (the API discards comments that fill it). */
  website?: string;
  /** When the form was rendered, ms since the epoch (the API holds too-fast submissions). */
  renderedAt?: number;
}

/** Who is commenting, forwarded so the API can keep it for moderation. */
export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

/** A non-2xx answer from the API, with the per-field messages of a 400 when there are any. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  baseUrl: string;
  /** How long a call may take before the page answers 504 (API_TIMEOUT_MS). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Sees every read's response (its cache headers), e.g. `ApiReads.record`. */
  onRead?: (response: Response) => void;
}

export interface ListPostsQuery {
  page?: number;
  pageSize?: number;
  categories?: readonly string[];
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient({
  baseUrl,
  timeoutMs = DEFAULT_API_TIMEOUT_MS,
  fetch: fetchImpl = fetch,
  onRead,
}: ApiClientOptions) {
  async function request<T>(
    schema: z.ZodType<T>,
    path: string,
    init: RequestInit & {
      query?: Record<string, string | number | undefined>;
      /** Non-2xx statuses whose body the schema reads instead of raising an `ApiError`. */
      acceptStatus?: readonly number[];
    } = {},
  ): Promise<T> {
    const url = new URL(`${baseUrl}${path}`);
    for (const [key, value] of Object.entries(init.query ?? {})) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    const { query: _query, acceptStatus = [], ...requestInit } = init;
    const { response, body } = await callApi(
      fetchImpl,
      url,
      { ...requestInit, headers: { accept: 'application/json', ...init.headers } },
      timeoutMs,
    );
    if ((requestInit.method ?? 'GET') === 'GET') onRead?.(response);
    if (!response.ok && !acceptStatus.includes(response.status)) {
      throw toApiError(response.status, body);
    }
    return schema.parse(body);
  }

  return {
    listPosts({ page, pageSize, categories = [] }: ListPostsQuery = {}): Promise<PostPage> {
      return request(postPage, '/api/posts', {
        query: { page, pageSize, category: categories.join(',') },
      });
    },

    /**
     * A renamed post's old slug answers 301: not followed (the page must redirect the reader,
     * not show the post under its old URL), but returned as `{ movedTo }`.
     */
    getPost(slug: string): Promise<PostLookup> {
      const lookup: z.ZodType<PostLookup> = z.union([
        postDetail.transform((found) => ({ found })),
        postMoved.transform((answer) => ({ movedTo: answer.slug })),
      ]);
      return request(lookup, `/api/posts/${encodeURIComponent(slug)}`, {
        redirect: 'manual',
        acceptStatus: [301],
      });
    },

    siteSettings(): Promise<SiteSettings> {
      return request(siteSettings, '/api/settings');
    },

    listCategories(): Promise<CategoryList> {
      return request(categoryList, '/api/categories');
    },

    search(query: string, page = 1): Promise<SearchResults> {
      return request(searchResults, '/api/search', { query: { q: query, page } });
    },

    createComment(slug: string, comment: NewComment, client: ClientInfo = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (client.ip) headers['x-forwarded-for'] = client.ip;
      if (client.userAgent) headers['user-agent'] = client.userAgent;
      return request(commentCreated, `/api/posts/${encodeURIComponent(slug)}/comments`, {
        method: 'POST',
        headers,
        body: JSON.stringify(comment),
      });
    },
  };
}

const clientsByRequest = new WeakMap<ApiReads, ApiClient>();

/**
 * The client for the API the server was configured with (`context.apiUrl`), made once per
 * request: it records what each read says about caching in `context.apiReads`, from which the
 * page's cache headers are made, and calls it with the configured timeout. It lives in the app bundle so loaders and `ApiError` share one
 * module instance.
 */
export function apiFor(context: {
  apiUrl: string;
  apiTimeoutMs: number;
  apiReads: ApiReads;
}): ApiClient {
  let client = clientsByRequest.get(context.apiReads);
  if (!client) {
    const reads = context.apiReads;
    client = createApiClient({
      baseUrl: context.apiUrl,
      timeoutMs: context.apiTimeoutMs,
      onRead: (response) => reads.record(response),
    });
    clientsByRequest.set(reads, client);
  }
  return client;
}

function toApiError(status: number, body: unknown): ApiError {
  const parsed = errorBody.safeParse(body);
  const data = parsed.success ? parsed.data : {};
  const message = Array.isArray(data.message) ? data.message.join('; ') : data.message;
  return new ApiError(status, message ?? `API answered ${status}`, data.fields);
}

/**
 * Turns an API refusal (any 4xx: a missing post, a page number or filter out of range) into the
 * page's own answer with the same status, rendered by the error boundary; anything else is
 * rethrown for Remix to report as a server error.
 */
export function rethrowApiRefusal(error: unknown): never {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
    const statusText = STATUS_TEXT[error.status] ?? 'Bad Request';
    throw new Response(statusText, { status: error.status, statusText });
  }
  throw error;
}

/** Reason phrases of the refusals the API gives. */
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  429: 'Too Many Requests',
};
