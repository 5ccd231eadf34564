import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiUrl, connectBrowser, webUrl } from './support.js';

const POST = {
  slug: 'cancelling-fetch-requests-with-abortcontroller',
  title: 'Cancelling fetch requests with AbortController and AbortSignal.timeout',
};

let browser: Browser;

beforeAll(async () => {
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser.close();
});

describe('the search box', () => {
  it('suggests as a reader types; the keyboard picks a post and opens it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fromApiOrigin: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(apiUrl)) fromApiOrigin.push(request.url());
    });
    await page.goto(`${webUrl}/search`);
    // Hydrated: the input has become a combobox.
    const box = page.locator('#search-page-query[role="combobox"]');
    await box.waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('false');

    await box.pressSequentially('abortcon');
    const listbox = page.getByRole('listbox', { name: 'Suggestions' });
    await listbox.waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    expect(await box.getAttribute('aria-controls')).toBe(await listbox.getAttribute('id'));
    const options = listbox.getByRole('option');
    const labels = await options.allTextContents();
    expect(labels[0]).toBe('abortcontroller');
    expect(labels).toContain(`Post: ${POST.title}`);
    await expect
      .poll(() => page.locator('#search-page-query-status').textContent())
      .toMatch(/post suggested/);

    // Down to the post (wrapping past the end would land on the first option again).
    const postIndex = labels.indexOf(`Post: ${POST.title}`);
    for (let i = 0; i <= postIndex; i++) await box.press('ArrowDown');
    const chosen = options.nth(postIndex);
    expect(await box.getAttribute('aria-activedescendant')).toBe(await chosen.getAttribute('id'));
    expect(await chosen.getAttribute('aria-selected')).toBe('true');
    await box.press('Enter');
    await page.waitForURL(`${webUrl}/posts/${POST.slug}`);
    // With JavaScript the URL changes a moment before React commits the new page.
    await expect.poll(() => page.locator('h1').first().textContent()).toBe(POST.title);
    // Suggestions came through the site, never straight from the API's origin.
    expect(fromApiOrigin).toEqual([]);
    await context.close();
  });

  it('closes the list with Escape and searches what was typed with Enter', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${webUrl}/search`);
    const box = page.locator('#search-page-query[role="combobox"]');
    await box.waitFor();
    await box.pressSequentially('abortcontr');
    await page.getByRole('listbox', { name: 'Suggestions' }).waitFor();
    await box.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await box.press('Enter');
    await page.waitForURL(`${webUrl}/search?q=abortcontr`);
    await expect
      .poll(() => page.locator('.search-results h3 a').first().textContent())
      .toBe(POST.title);
    await context.close();
  });

  it('is the plain search form with JavaScript off, and still searches', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(webUrl);
    const box = page.locator('#site-search');
    expect(await box.getAttribute('role')).toBeNull();
    expect(await page.getByRole('listbox').count()).toBe(0);
    await box.fill('abortcontr');
    await box.press('Enter');
    await page.waitForURL(`${webUrl}/search?q=abortcontr`);
    expect(await page.locator('.search-results h3 a').first().textContent()).toBe(POST.title);
    await context.close();
  });
});
