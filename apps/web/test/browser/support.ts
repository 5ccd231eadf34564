import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type ReceivedMail, readSavedMail } from '@inkwell/test-stack/mail';
import { inject } from 'vitest';

export const webUrl = inject('webUrl');
export const apiUrl = inject('apiUrl');

/** Connects to the browser started once in global-setup.ts. */
export function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserWsEndpoint'));
}

/** Signs in to the admin panel as the setup's admin in a new context; answers its page. */
export async function signInAsAdmin(browser: Browser, javaScriptEnabled = true): Promise<Page> {
  const admin = inject('admin');
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`${webUrl}/admin/login`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Posts' }).waitFor();
  return page;
}

/**
 * Opens the post editor at `path` (`/admin/posts/<id>` or `/admin/posts/new`) once it is
 * hydrated, so typing is not lost: a saved post's live preview answered, or the new-post page
 * loaded.
 */
export async function openEditor(page: Page, path: string): Promise<Page> {
  await page.goto(`${webUrl}${path}`);
  if (path.endsWith('/new')) await page.waitForLoadState('networkidle');
  else await page.locator('.editor__preview .prose').waitFor();
  return page;
}

/** The first email the shared API sent (now or within 15 s) that `match` accepts. */
export async function sentMail(match: (mail: ReceivedMail) => boolean): Promise<ReceivedMail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = (await readSavedMail(inject('mailDir'))).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error('No such email arrived within 15 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Reads the API directly, to compare the pages with what they were built from. */
export async function apiGet<T>(path: string): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`);
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Logs in to the admin API at `api` as `admin`; returns the headers its writes need. */
export async function adminHeadersAt(
  api: string,
  admin: { email: string; password: string },
): Promise<Record<string, string>> {
  const login = await fetch(`${api}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (login.status !== 201) throw new Error(`admin login answered ${login.status}`);
  const { token, csrfToken } = (await login.json()) as { token: string; csrfToken: string };
  return { authorization: `Bearer ${token}`, 'x-csrf-token': csrfToken };
}

/** Logs in to the admin panel in `page` through its form, as the setup's admin unless told. */
export async function logInToPanel(
  page: Page,
  user: { email: string; password: string } = inject('admin'),
): Promise<void> {
  await page.goto(`${webUrl}/admin/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** Logs in to the admin API as the setup's admin; returns the headers its writes need. */
export function adminHeaders(): Promise<Record<string, string>> {
  return adminHeadersAt(apiUrl, inject('admin'));
}

/** Logs in to the admin API and approves every pending comment on a post; returns their ids. */
export async function approvePendingComments(postId: number): Promise<number[]> {
  const auth = await adminHeaders();
  const pending = await fetch(
    `${apiUrl}/api/admin/comments?status=pending&post=${postId}&pageSize=100`,
    {
      headers: auth,
    },
  );
  const { items } = (await pending.json()) as { items: { id: number }[] };
  const ids = items.map((item) => item.id);
  if (ids.length > 0) await approveComments(auth, ids);
  return ids;
}

async function approveComments(auth: Record<string, string>, ids: number[]): Promise<void> {
  const approved = await fetch(`${apiUrl}/api/admin/comments/bulk`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'approve', ids }),
  });
  if (!approved.ok) throw new Error(`approving comments answered ${approved.status}`);
}

/** Creates and publishes a post through the admin API; returns its id and slug. */
export async function publishPost(fields: {
  title: string;
  body: string;
  series?: { slug: string; part: number };
}): Promise<{ id: number; slug: string }> {
  const auth = { ...(await adminHeaders()), 'content-type': 'application/json' };
  const created = await fetch(`${apiUrl}/api/admin/posts`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify(fields),
  });
  if (created.status !== 201) throw new Error(`creating a post answered ${created.status}`);
  const { id, version, slug } = (await created.json()) as {
    id: number;
    version: number;
    slug: string;
  };
  const published = await fetch(`${apiUrl}/api/admin/posts/${id}/publish`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ version }),
  });
  if (!published.ok) throw new Error(`publishing a post answered ${published.status}`);
  return { id, slug };
}

/** Deletes a post through the admin API, so that the next files see the demo listing. */
export async function deletePost(id: number): Promise<void> {
  const deleted = await fetch(`${apiUrl}/api/admin/posts/${id}`, {
    method: 'DELETE',
    headers: await adminHeaders(),
  });
  if (deleted.status !== 204) throw new Error(`deleting a post answered ${deleted.status}`);
}

/** Saves changes to a post through the admin API (`PUT /api/admin/posts/:id`). */
export async function updatePost(postId: number, changes: Record<string, unknown>): Promise<void> {
  const auth = await adminHeaders();
  const current = await fetch(`${apiUrl}/api/admin/posts/${postId}`, { headers: auth });
  const { version } = (await current.json()) as { version: number };
  const saved = await fetch(`${apiUrl}/api/admin/posts/${postId}`, {
    method: 'PUT',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ version, ...changes }),
  });
  if (!saved.ok) throw new Error(`saving post ${postId} answered ${saved.status}`);
}

/** Renames a post's slug through the admin API. */
export function renamePost(postId: number, slug: string): Promise<void> {
  return updatePost(postId, { slug });
}

/**
 * Posts a comment straight to the API as a visitor at `ip` (its own per-address limit). A first
 * comment is held and then approved by the admin; a returning commenter's is published at
 * once. Either way the API publishes the live hint. Returns the comment's id.
 */
export async function publishComment(
  post: { slug: string },
  comment: { authorName: string; body: string },
  ip: string,
): Promise<number> {
  const created = await fetch(`${apiUrl}/api/posts/${post.slug}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({
      ...comment,
      authorEmail: 'reader@example.org',
      // Rendered well before sending, as a person typing would.
      renderedAt: Date.now() - 60_000,
    }),
  });
  if (created.status !== 201) throw new Error(`commenting answered ${created.status}`);
  const { id, awaitingModeration } = (await created.json()) as {
    id: number;
    awaitingModeration: boolean;
  };
  // Only this one: other files may leave comments pending on the same post.
  if (awaitingModeration) await approveComments(await adminHeaders(), [id]);
  return id;
}

export interface PostListing {
  items: {
    id: number;
    slug: string;
    title: string;
    publishedAt: string;
    commentCount: number;
    categories: { slug: string; name: string }[];
  }[];
  page: number;
  pages: number;
  total: number;
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as an inline <script>: the site's CSP refuses those without its nonce.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target }) => ({ target })),
    }));
}

/** How many comments a post has, held or published (the admin's moderation count). */
export async function countComments(postId: number): Promise<number> {
  const response = await fetch(
    `${apiUrl}/api/admin/comments?status=all&post=${postId}&pageSize=1`,
    { headers: await adminHeaders() },
  );
  if (!response.ok) throw new Error(`counting comments answered ${response.status}`);
  return ((await response.json()) as { total: number }).total;
}
