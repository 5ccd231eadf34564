import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminHeaders,
  apiGet,
  apiUrl,
  connectBrowser,
  deletePost,
  type PostListing,
  publishPost,
  webUrl,
} from './support.js';

let browser: Browser;

beforeAll(async () => {
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser.close();
});

const postTitles = (target: Page) => target.locator('.post-list h2 a').allTextContents();

describe('choosing several categories', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`ticks two categories and lists the posts of either (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(webUrl);
      const picker = page.locator('.category-picker');
      await picker.locator('summary').click();
      await picker.getByLabel('Rust', { exact: true }).check();
      await picker.getByLabel('Python', { exact: true }).check();
      await picker.getByRole('button', { name: 'Show posts' }).click();
      await page.waitForURL(/category=/);
      await page.locator('.filter-banner').waitFor();

      const both = await apiGet<PostListing>('/api/posts?category=python,rust');
      expect(await postTitles(page)).toEqual(both.items.map((post) => post.title));
      expect(await page.locator('.filter-banner h1').textContent()).toMatch(
        /^Posts in (Rust or Python|Python or Rust)$/,
      );
      // The link worth sharing is the short one.
      expect(await page.locator('link[rel=canonical]').getAttribute('href')).toMatch(
        /\/\?category=(python,rust|rust,python)$/,
      );
      // The picker shows what is chosen.
      expect(await picker.getByLabel('Rust', { exact: true }).isChecked()).toBe(true);
      expect(await picker.getByLabel('Python', { exact: true }).isChecked()).toBe(true);
      await context.close();
    });
  }

  it('reads ?category=a&category=b like ?category=a,b', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${webUrl}/?category=rust&category=python`);
    expect(response?.status()).toBe(200);
    const both = await apiGet<PostListing>('/api/posts?category=rust,python');
    expect(await postTitles(page)).toEqual(both.items.map((post) => post.title));
    await page.close();
  });
});

describe('a renamed category', () => {
  it('sends its old listing and feed links to the new ones for good, and shows its description', async () => {
    const auth = { ...(await adminHeaders()), 'content-type': 'application/json' };
    const created = await fetch(`${apiUrl}/api/admin/categories`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        name: 'Type Systems',
        slug: 'type-systems',
        description: 'Soundness, inference and the types we live with.',
      }),
    });
    const { id } = (await created.json()) as { id: number };
    const page = await browser.newPage();
    await page.goto(`${webUrl}/?category=type-systems`);
    expect(await page.locator('.filter-banner__description').textContent()).toBe(
      'Soundness, inference and the types we live with.',
    );

    const renamed = await fetch(`${apiUrl}/api/admin/categories/${id}`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ slug: 'types' }),
    });
    expect(renamed.status).toBe(200);

    const listing = await fetch(`${webUrl}/?category=type-systems&page=1`, { redirect: 'manual' });
    expect(listing.status).toBe(301);
    expect(listing.headers.get('location')).toBe('/?category=types');
    const feed = await fetch(`${webUrl}/category/type-systems/feed.xml`, { redirect: 'manual' });
    expect(feed.status).toBe(301);
    expect(feed.headers.get('location')).toBe('/category/types/feed.xml');

    const response = await page.goto(`${webUrl}/category/type-systems`);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${webUrl}/?category=types`);
    expect(await page.locator('.filter-banner h1').textContent()).toBe('Posts in Type Systems');
    await page.close();
    const deleted = await fetch(`${apiUrl}/api/admin/categories/${id}`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(deleted.status).toBe(204);
  });
});

describe('a phone screen', () => {
  it('fits the header at 375 px: no sideways scrolling, the Search button beside its field', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    await page.goto(`${webUrl}/`);
    const widths = await page.evaluate(() => ({
      content: document.documentElement.scrollWidth,
      screen: document.documentElement.clientWidth,
    }));
    expect(widths.content).toBeLessThanOrEqual(widths.screen);
    const header = page.locator('.site-header');
    const field = await header.getByRole('combobox', { name: 'Search posts' }).boundingBox();
    const button = await header.getByRole('button', { name: 'Search' }).boundingBox();
    // One line: the button sits level with its field, and inside the screen.
    expect(Math.abs(button!.y - field!.y)).toBeLessThan(2);
    expect(button!.x).toBeGreaterThan(field!.x + field!.width - 1);
    expect(button!.x + button!.width).toBeLessThanOrEqual(widths.screen);
    // Its label on one line too: no taller than the field beside it.
    expect(button!.height).toBeLessThanOrEqual(field!.height + 1);
    await context.close();
  });

  it('wraps a long word in a title, a post and a listing instead of widening the page', async () => {
    const word = 'x'.repeat(40) + 'Supercalifragilistic'.repeat(4);
    const { id, slug } = await publishPost({
      title: `Wrapping ${word}`,
      body: `A word: ${word}\n\nA link: https://example.org/${word}/${word}`,
    });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    for (const path of [`/posts/${slug}`, '/']) {
      await page.goto(`${webUrl}${path}`);
      const widths = await page.evaluate(() => ({
        content: document.documentElement.scrollWidth,
        screen: document.documentElement.clientWidth,
      }));
      expect(widths.content, path).toBeLessThanOrEqual(widths.screen);
    }
    await context.close();
    await deletePost(id);
  });
});
