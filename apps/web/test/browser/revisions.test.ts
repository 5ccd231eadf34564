import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { adminHeaders, apiUrl, connectBrowser, deletePost, openEditor, webUrl } from './support.js';

/*
 * Editing a published post in private: "Save" keeps the edit from readers until "Update",
 * the revisions list compares and restores, and a preview link shows the draft to someone
 * signed out until it is revoked.
 */

const admin = inject('admin');
const stamp = Date.now();
const title = `Connection pooling notes ${stamp}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let post: { id: number; slug: string };

/** Writes and publishes a post through the admin API. */
async function publishedPost(): Promise<{ id: number; slug: string }> {
  const auth = { ...(await adminHeaders()), 'content-type': 'application/json' };
  const created = await fetch(`${apiUrl}/api/admin/posts`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ title, body: 'The first take on pgbouncer.' }),
  });
  const draft = (await created.json()) as { id: number; slug: string; version: number };
  const published = await fetch(`${apiUrl}/api/admin/posts/${draft.id}/publish`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ version: draft.version }),
  });
  if (!published.ok) throw new Error(`publishing answered ${published.status}`);
  return draft;
}

/** What a signed-out reader sees on the post's page: its title and body. */
async function readerSees(): Promise<string> {
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  await readerPage.goto(`${webUrl}/posts/${post.slug}`);
  const seen = `${await readerPage.locator('h1').textContent()}\n${await readerPage
    .locator('.prose')
    .textContent()}`;
  await reader.close();
  return seen;
}

beforeAll(async () => {
  post = await publishedPost();
  browser = await connectBrowser();
  context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.40' } });
  page = await context.newPage();
  await page.goto(`${webUrl}/admin/login`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Posts' }).waitFor();
});

afterAll(async () => {
  await browser.close();
  // The other files see the seeded content only: several read the newest post as a demo post.
  await deletePost(post.id);
});

describe('editing a published post', () => {
  it('Save keeps the edit from readers; the editor reopens on it; Update publishes it', async () => {
    expect(await readerSees()).toContain('first take on pgbouncer');
    await openEditor(page, `/admin/posts/${post.id}`);
    await page.getByLabel('Title', { exact: true }).fill(`${title} (second draft)`);
    await page.getByLabel('Body (Markdown)').fill('A second take: transaction pooling.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Draft saved:' }).waitFor();

    const seen = await readerSees();
    expect(seen).toContain('first take on pgbouncer');
    expect(seen).not.toContain('second draft');

    await openEditor(page, `/admin/posts/${post.id}`);
    await page.getByText('You are editing an unpublished draft of this post').waitFor();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(
      `${title} (second draft)`,
    );
    await page.getByRole('button', { name: 'Update', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Published: the post is public now.' })
      .waitFor();
    expect(await page.getByText('You are editing an unpublished draft').count()).toBe(0);

    const after = await readerSees();
    expect(after).toContain('second draft');
    expect(after).toContain('transaction pooling');
  });

  it('lists the revisions with their author, compares one with the text, and restores it', async () => {
    const revisions = page.locator('.revisions__list li');
    expect(await revisions.count()).toBe(3);
    expect(await revisions.first().textContent()).toContain(admin.email.split('@')[0]!);
    await revisions
      .last()
      .getByRole('link', { name: /Compare/ })
      .click();
    await page.locator('#revision-diff').waitFor();
    const diff = page.locator('#revision-diff');
    expect(
      await diff.locator('.diff__line--removed', { hasText: 'first take on pgbouncer' }).count(),
    ).toBe(1);
    expect(
      await diff.locator('.diff__line--added', { hasText: 'transaction pooling' }).count(),
    ).toBe(1);

    await page.getByRole('button', { name: 'Restore this revision' }).click();
    await page.getByRole('status').filter({ hasText: 'Revision restored' }).waitFor();
    // Restored into the pending draft of the published post: readers keep the published text.
    expect(await page.getByLabel('Body (Markdown)').inputValue()).toBe(
      'The first take on pgbouncer.',
    );
    expect(await revisions.count()).toBe(4);
    expect(await readerSees()).toContain('transaction pooling');
  });

  it('a preview link shows the draft signed out, unindexed, and is a 404 once revoked', async () => {
    await page.getByRole('button', { name: 'Create a preview link' }).click();
    const link = page.locator('.preview-links__new');
    await link.waitFor();
    const path = new URL((await link.textContent())!).pathname;
    expect(path).toMatch(/^\/preview\/[A-Za-z0-9_-]{43}$/);

    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    const shown = await strangerPage.goto(`${webUrl}${path}`);
    expect(shown?.status()).toBe(200);
    expect(shown?.headers()['x-robots-tag']).toMatch(/noindex/);
    expect(shown?.headers()['cache-control']).toBe('private, no-store');
    expect(await strangerPage.locator('meta[name=robots]').getAttribute('content')).toMatch(
      /noindex/,
    );
    expect(await strangerPage.locator('.prose').textContent()).toContain('first take on pgbouncer');
    expect(await strangerPage.getByRole('note').textContent()).toContain('readers do not see yet');

    await page.getByRole('button', { name: /Revoke/ }).click();
    await page.getByRole('status').filter({ hasText: 'Preview link revoked' }).waitFor();
    const revoked = await strangerPage.goto(`${webUrl}${path}`);
    expect(revoked?.status()).toBe(404);
    await stranger.close();
  });
});
