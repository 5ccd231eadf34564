import { z } from 'zod';
import { siteSettingsView as siteSettings } from '@inkwell/contract';
import { ApiError } from '../api-client.server.js';
import { callApi, DEFAULT_API_TIMEOUT_MS } from '../lib/api-call.server.js';

/*
 * The admin panel's client for the admin JSON API (contract: docs/admin-api.md). Server-only:
 * the bearer token never reaches the browser. Responses are validated like the readers' client
 * (app/api.server.ts) and failures raise the same `ApiError`, so route code handles both alike.
 */

const role = z.enum(['ADMIN', 'AUTHOR']);
const adminUser = z.object({ id: z.number(), email: z.string(), name: z.string(), role });

const loginResult = z.object({
  token: z.string(),
  csrfToken: z.string(),
  user: adminUser,
  expiresAt: z.string(),
});
const sessionInfo = z.object({ user: adminUser, expiresAt: z.string() });

const categoryRef = z.object({ slug: z.string(), name: z.string() });
const personRef = z.object({ id: z.number(), name: z.string() });
const postState = z.enum(['draft', 'scheduled', 'published']);

const adminPost = z.object({
  id: z.number(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  externalUrl: z.string().nullable(),
  status: z.enum(['DRAFT', 'PUBLISHED']),
  state: postState,
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
  categories: z.array(categoryRef),
  previousSlugs: z.array(z.string()),
  author: personRef.nullable(),
  /** The API's word on whether this user may change the post (authors: their own only). */
  canEdit: z.boolean(),
});

const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number(),
    pageSize: z.number(),
    total: z.number(),
    pages: z.number(),
  });

const postListItem = adminPost
  .pick({
    id: true,
    slug: true,
    title: true,
    state: true,
    publishedAt: true,
    updatedAt: true,
    version: true,
    categories: true,
    author: true,
    canEdit: true,
  })
  .extend({ commentCount: z.number(), pendingCommentCount: z.number() });

const adminCategory = z.object({
  id: z.number(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  postCount: z.number(),
});

const adminComment = z.object({
  id: z.number(),
  post: z.object({ id: z.number(), slug: z.string(), title: z.string() }),
  parentId: z.number().nullable(),
  authorName: z.string(),
  authorEmail: z.string(),
  html: z.string(),
  approved: z.boolean(),
  createdAt: z.string(),
  ipAddress: z.string().nullable(),
});

const bulkResult = z.object({ affected: z.array(z.number()), missing: z.array(z.number()) });

const blockEntry = z.object({
  id: z.number(),
  kind: z.enum(['ip', 'word']),
  value: z.string(),
  createdAt: z.string(),
});

const adminImage = z.object({
  id: z.number(),
  hash: z.string(),
  filename: z.string(),
  width: z.number(),
  height: z.number(),
  bytes: z.number(),
  createdAt: z.string(),
  url: z.string(),
  urls: z.record(z.string(), z.string()),
  markdown: z.string(),
  uploadedBy: personRef.nullable(),
  canDelete: z.boolean(),
});

const managedUser = adminUser.extend({
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
  postCount: z.number(),
});
const withGeneratedPassword = managedUser.extend({ generatedPassword: z.string().nullable() });

const preview = z.object({ html: z.string() });
const setupStatus = z.object({ required: z.boolean() });
const none = z.undefined();

export type AdminUser = z.infer<typeof adminUser>;
export type LoginResult = z.infer<typeof loginResult>;
export type AdminPost = z.infer<typeof adminPost>;
export type PostState = z.infer<typeof postState>;
export type AdminPostList = z.infer<ReturnType<typeof page<typeof postListItem>>>;
export type AdminCategory = z.infer<typeof adminCategory>;
export type AdminComment = z.infer<typeof adminComment>;
export type AdminCommentPage = z.infer<ReturnType<typeof page<typeof adminComment>>>;
export type BlockEntry = z.infer<typeof blockEntry>;
export type AdminImage = z.infer<typeof adminImage>;
export type AdminImagePage = z.infer<ReturnType<typeof page<typeof adminImage>>>;
export type ManagedUser = z.infer<typeof managedUser>;
export type Role = z.infer<typeof role>;

/** What the images page's action answers; the editor's upload fetcher reads it too. */
export type ImageActionResult =
  | { kind: 'error'; message: string }
  | { kind: 'deleted' }
  | { kind: 'uploaded'; image: AdminImage };

/** What the first-run setup form sends (POST /api/admin/setup). */
export interface SetupInput {
  title: string;
  description: string;
  name: string;
  email: string;
  password: string;
  demoContent: 'keep' | 'remove';
}

/** What the settings page sends; the API keeps omitted settings as they are. */
export interface SettingsInput {
  title?: string;
  description?: string;
  ownerName?: string;
  logoImageId?: number | null;
  faviconImageId?: number | null;
  navigation?: { label: string; url: string }[];
  postsPerPage?: number;
  commentsEnabled?: boolean;
  holdFirstComments?: boolean;
}

/** What a post form sends; the API keeps omitted fields as they are on update. */
export interface PostInput {
  title: string;
  slug?: string;
  summary: string;
  body: string;
  externalUrl: string | null;
  categories: string[];
}

export interface PostListQuery {
  q?: string;
  status?: string;
  category?: string;
  sort?: string;
  order?: string;
  page?: number;
}

export interface AdminApiOptions {
  baseUrl: string;
  /** The session's bearer token; absent only for logging in. */
  token?: string;
  /** Sent as X-CSRF-Token on writes: the value the submitted form carried, not the cookie's. */
  csrfToken?: string;
  /** The visitor's address, so the API's login limit counts people, not this server. */
  clientIp?: string;
  /** How long a call may take before the page answers 504 (API_TIMEOUT_MS). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The saved post when `error` is the API's stale-version 409, else null. */
export function conflictingPost(error: unknown): AdminPost | null {
  return error instanceof AdminApiError && error.status === 409 ? error.current : null;
}

export type AdminApi = ReturnType<typeof createAdminApi>;

type Query = Record<string, string | number | undefined>;

export function createAdminApi(options: AdminApiOptions) {
  const { baseUrl, token, csrfToken, clientIp, fetch: fetchImpl = fetch } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_API_TIMEOUT_MS;

  async function request<T>(
    schema: z.ZodType<T>,
    method: string,
    path: string,
    { query = {}, json, form }: { query?: Query; json?: unknown; form?: FormData } = {},
  ): Promise<T> {
    const url = new URL(`${baseUrl}/api/admin${path}`);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
    if (clientIp) headers['x-forwarded-for'] = clientIp;
    if (json !== undefined) headers['content-type'] = 'application/json';
    const { response, body } = await callApi(
      fetchImpl,
      url,
      { method, headers, body: form ?? (json === undefined ? undefined : JSON.stringify(json)) },
      timeoutMs,
    );
    if (!response.ok) throw toApiError(response.status, body);
    return schema.parse(body);
  }

  const versioned = (version: number) => ({ version });

  return {
    login(email: string, password: string) {
      return request(loginResult, 'POST', '/session', { json: { email, password } });
    },
    session() {
      return request(sessionInfo, 'GET', '/session');
    },
    logout() {
      return request(none, 'DELETE', '/session');
    },
    logoutEverywhere() {
      return request(none, 'DELETE', '/sessions');
    },

    setupStatus() {
      return request(setupStatus, 'GET', '/setup');
    },
    /** Creates the owner and signs them in: answers like `login`. */
    setUp(input: SetupInput) {
      return request(loginResult, 'POST', '/setup', { json: input });
    },

    getSettings() {
      return request(siteSettings, 'GET', '/settings');
    },
    updateSettings(input: SettingsInput) {
      return request(siteSettings, 'PATCH', '/settings', { json: input });
    },

    listPosts(query: PostListQuery) {
      return request(page(postListItem), 'GET', '/posts', { query: { ...query } });
    },
    getPost(id: number) {
      return request(adminPost, 'GET', `/posts/${id}`);
    },
    createPost(input: PostInput) {
      return request(adminPost, 'POST', '/posts', { json: input });
    },
    updatePost(id: number, version: number, input: PostInput) {
      return request(adminPost, 'PUT', `/posts/${id}`, { json: { ...input, version } });
    },
    publishPost(id: number, version: number, publishAt?: string) {
      return request(adminPost, 'POST', `/posts/${id}/publish`, { json: { version, publishAt } });
    },
    unpublishPost(id: number, version: number) {
      return request(adminPost, 'POST', `/posts/${id}/unpublish`, { json: versioned(version) });
    },
    deletePost(id: number) {
      return request(none, 'DELETE', `/posts/${id}`);
    },
    preview(markdown: string) {
      return request(preview, 'POST', '/posts/preview', { json: { markdown } });
    },

    listCategories() {
      return request(z.array(adminCategory), 'GET', '/categories');
    },
    createCategory(input: { name: string; slug?: string; description?: string }) {
      return request(adminCategory, 'POST', '/categories', { json: input });
    },
    updateCategory(id: number, input: { name?: string; slug?: string; description?: string }) {
      return request(adminCategory, 'PATCH', `/categories/${id}`, { json: input });
    },
    mergeCategory(id: number, into: number) {
      return request(adminCategory, 'POST', `/categories/${id}/merge`, { json: { into } });
    },
    deleteCategory(id: number, reassignTo?: number) {
      return request(none, 'DELETE', `/categories/${id}`, { query: { reassignTo } });
    },

    listComments(query: { status?: string; page?: number }) {
      return request(page(adminComment), 'GET', '/comments', { query: { ...query } });
    },
    approveComment(id: number) {
      return request(adminComment, 'POST', `/comments/${id}/approve`);
    },
    deleteComment(id: number) {
      return request(none, 'DELETE', `/comments/${id}`);
    },
    bulkComments(action: 'approve' | 'delete', ids: number[]) {
      return request(bulkResult, 'POST', '/comments/bulk', { json: { action, ids } });
    },
    replyToComment(id: number, body: string) {
      return request(adminComment, 'POST', `/comments/${id}/reply`, { json: { body } });
    },

    listBlocked() {
      return request(z.array(blockEntry), 'GET', '/blocklist');
    },
    block(kind: 'ip' | 'word', value: string) {
      return request(blockEntry, 'POST', '/blocklist', { json: { kind, value } });
    },
    unblock(id: number) {
      return request(none, 'DELETE', `/blocklist/${id}`);
    },

    listImages(pageNumber = 1, pageSize = 50) {
      return request(page(adminImage), 'GET', '/images', { query: { page: pageNumber, pageSize } });
    },
    uploadImage(file: File) {
      const form = new FormData();
      form.set('file', file, file.name);
      return request(adminImage, 'POST', '/images', { form });
    },
    deleteImage(id: number) {
      return request(none, 'DELETE', `/images/${id}`);
    },

    changeOwnPassword(currentPassword: string, newPassword: string) {
      return request(none, 'PUT', '/account/password', {
        json: { currentPassword, newPassword },
      });
    },

    listUsers() {
      return request(z.array(managedUser), 'GET', '/users');
    },
    /** Without a password the API generates one and answers it once (`generatedPassword`). */
    createUser(input: { email: string; name?: string; role: Role; password?: string }) {
      return request(withGeneratedPassword, 'POST', '/users', { json: input });
    },
    updateUser(id: number, input: { name?: string; role?: Role; disabled?: boolean }) {
      return request(managedUser, 'PATCH', `/users/${id}`, { json: input });
    },
    resetUserPassword(id: number) {
      return request(withGeneratedPassword, 'POST', `/users/${id}/password`);
    },
    unlockUser(id: number) {
      return request(managedUser, 'POST', `/users/${id}/unlock`);
    },
    deleteUser(id: number, reassignTo?: number) {
      return request(none, 'DELETE', `/users/${id}`, { query: { reassignTo } });
    },
  };
}

/** An API refusal; a 409 for a stale version also carries the post as it is now. */
export class AdminApiError extends ApiError {
  constructor(
    status: number,
    message: string,
    fields: Record<string, string>,
    readonly current: AdminPost | null,
  ) {
    super(status, message, fields);
  }
}

const refusal = z.object({
  message: z.union([z.string(), z.array(z.string())]).optional(),
  fields: z.record(z.string(), z.string()).optional(),
  current: adminPost.optional(),
});

function toApiError(status: number, body: unknown): AdminApiError {
  const { message, fields = {}, current = null } = refusal.safeParse(body).data ?? {};
  const text = [message ?? `API answered ${status}`].flat().join('; ');
  return new AdminApiError(status, text, fields, current);
}
