import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminHeaders,
  adminHeadersAt,
  apiUrl,
  connectBrowser,
  renamePost,
  signInAsAdmin,
  webUrl,
} from './support.js';

let browser: Browser;
let page: Page;
let auth: Record<string, string>;
/** An author of this file's own, so other files' posts never show on their page. */
let byline: Record<string, string>;
let bylineUserId: number;
const created: number[] = [];

async function adminCall(
  method: string,
  path: string,
  body?: unknown,
  as: Record<string, string> = auth,
): Promise<Response> {
  return fetch(`${apiUrl}${path}`, {
    method,
    headers: { ...as, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Writes and publishes a post or page through the admin API. */
async function publish(
  fields: Record<string, unknown>,
  as: Record<string, string> = auth,
): Promise<{ id: number; slug: string }> {
  const draft = await adminCall('POST', '/api/admin/posts', fields, as);
  if (draft.status !== 201) throw new Error(`creating answered ${draft.status}`);
  const { id, version, slug } = (await draft.json()) as {
    id: number;
    version: number;
    slug: string;
  };
  created.push(id);
  const published = await adminCall('POST', `/api/admin/posts/${id}/publish`, { version }, as);
  if (!published.ok) throw new Error(`publishing answered ${published.status}`);
  return { id, slug };
}

const feedText = async (path: string) => (await fetch(`${webUrl}${path}`)).text();

beforeAll(async () => {
  browser = await connectBrowser();
  page = await browser.newPage();
  auth = await adminHeaders();
  await publish({
    kind: 'page',
    title: 'Colophon',
    slug: 'colophon',
    body: 'Set in **quillwort**.',
  });
  const writer = { email: 'byline-writer@example.com', password: 'a password for bylines' };
  const user = await adminCall('POST', '/api/admin/users', {
    ...writer,
    name: 'Byline Writer',
    role: 'AUTHOR',
  });
  if (user.status !== 201) throw new Error(`creating a user answered ${user.status}`);
  bylineUserId = ((await user.json()) as { id: number }).id;
  byline = await adminHeadersAt(apiUrl, writer);
  await publish(
    {
      title: 'Bylines in practice',
      summary: 'Who wrote what.',
      body: 'A post written **whole** by its author.',
    },
    byline,
  );
});

afterAll(async () => {
  // The next files see the demo site as it was.
  await adminCall('PATCH', '/api/admin/settings', { fullContentFeeds: false });
  for (const id of created) await adminCall('DELETE', `/api/admin/posts/${id}`);
  await adminCall('DELETE', `/api/admin/users/${bylineUserId}`);
  await browser?.close();
});

describe('static pages', () => {
  it('are in the navigation and at their own address, not in the listing nor the feed', async () => {
    await page.goto(`${webUrl}/`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Colophon' }).click();
    await page.waitForURL(`${webUrl}/colophon`);
    await page.getByRole('heading', { level: 1, name: 'Colophon' }).waitFor();
    expect(await page.locator('.prose strong').textContent()).toBe('quillwort');

    await page.goto(`${webUrl}/`);
    expect(await page.locator('.post-list h2 a').allTextContents()).not.toContain('Colophon');
    expect(await feedText('/feed.xml')).not.toContain('/colophon');
  });

  it('are found by search, linking to their address', async () => {
    await page.goto(`${webUrl}/search?q=quillwort`);
    const hit = page.getByRole('link', { name: 'Colophon' }).last();
    expect(await hit.getAttribute('href')).toBe('/colophon');
  });
});

describe('a renamed static page', () => {
  it('sends readers of its old address to the new one for good', async () => {
    const uses = await publish({ kind: 'page', title: 'Uses', slug: 'uses', body: 'A desk.' });
    // Seen once at the old address, so the rename must drop what was kept of it.
    expect((await fetch(`${webUrl}/uses`)).status).toBe(200);
    await renamePost(uses.id, 'my-desk');

    const moved = await fetch(`${webUrl}/uses`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/my-desk');
    await page.goto(`${webUrl}/uses`);
    expect(page.url()).toBe(`${webUrl}/my-desk`);
    await page.getByRole('heading', { level: 1, name: 'Uses' }).waitFor();

    // The editor names the address that still leads there.
    const editor = await signInAsAdmin(browser);
    await editor.goto(`${webUrl}/admin/posts/${uses.id}`);
    await editor.getByText('Old addresses redirecting here: /uses').waitFor();
    await editor.context().close();
  });
});

describe('authors', () => {
  it("have bylines that lead to their page, which offers the author's feeds", async () => {
    await page.goto(`${webUrl}/`);
    const card = page.locator('.post-card', { hasText: 'Bylines in practice' });
    const link = card.locator('a[rel="author"]');
    const name = await link.textContent();
    expect(name).toBe('Byline Writer');
    await link.click();
    await page.waitForURL(/\/authors\/[a-z0-9-]+$/);
    await page.getByRole('heading', { level: 1, name: name!, exact: true }).waitFor();
    expect(await page.locator('.post-list h2 a').allTextContents()).toEqual([
      'Bylines in practice',
    ]);
    const rss = await page
      .locator('link[rel="alternate"][type="application/rss+xml"][href^="/authors/"]')
      .getAttribute('href');
    expect(rss).toBe(`${new URL(page.url()).pathname}/feed.xml`);
    expect(await feedText(rss!)).toContain('<title>Bylines in practice</title>');
  });
});

describe('the sitemap', () => {
  it('lists the pages of authors with published posts, and follows a new address at once', async () => {
    const sitemapEntry = async (slug: string) => {
      const xml = await feedText('/sitemap.xml');
      return new RegExp(
        `<url><loc>${webUrl}/authors/${slug}</loc><lastmod>([^<]+)</lastmod></url>`,
      ).exec(xml)?.[1];
    };
    const profile = await adminCall('GET', '/api/admin/account', undefined, byline);
    const { slug } = (await profile.json()) as { slug: string };
    const listing = await fetch(`${apiUrl}/api/posts?author=${slug}`);
    const [newest] = ((await listing.json()) as { items: Array<{ publishedAt: string }> }).items;
    expect(await sitemapEntry(slug)).toBe(newest!.publishedAt);

    const renamed = await adminCall(
      'PATCH',
      '/api/admin/account',
      { slug: 'quill-keeper' },
      byline,
    );
    expect(renamed.status).toBe(200);
    expect(await sitemapEntry('quill-keeper')).toBe(newest!.publishedAt);
    expect(await sitemapEntry(slug)).toBeUndefined();
    await adminCall('PATCH', '/api/admin/account', { slug }, byline);
  });
});

describe('full-content feeds', () => {
  it('carry summaries by default and whole posts once the setting is on, in every format', async () => {
    const escapedBody = '&lt;strong&gt;whole&lt;/strong&gt;';
    expect(await feedText('/feed.xml')).not.toContain(escapedBody);

    const saved = await adminCall('PATCH', '/api/admin/settings', { fullContentFeeds: true });
    expect(saved.status).toBe(200);

    expect(await feedText('/feed.xml')).toContain(
      `<content:encoded>&lt;p&gt;A post written ${escapedBody}`,
    );
    expect(await feedText('/feed.atom')).toContain(
      `<content type="html">&lt;p&gt;A post written ${escapedBody}`,
    );
    const json = JSON.parse(await feedText('/feed.json')) as {
      items: Array<{ title: string; content_html?: string }>;
    };
    expect(json.items.find((item) => item.title === 'Bylines in practice')?.content_html).toContain(
      '<strong>whole</strong>',
    );
  });
});
