import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stack, startFirstRunStack } from '../stack.js';
import { connectBrowser, seriousA11yViolations } from './support.js';

/*
 * A new site, as its owner meets it: /admin offers the setup (no user yet; its form works
 * without JavaScript too), which names the site, creates the owner, signs them in and empties
 * the demo content; the settings page then
 * renames the site, with and without JavaScript, and readers see it at once on the home page
 * and in the feed. This site's page cache is on, as in production.
 */

let site: Omit<Stack, 'admin'>;
let browser: Browser;
const owner = { email: 'ada@example.org', password: 'analytical engine 1843' };

beforeAll(async () => {
  [site, browser] = await Promise.all([
    startFirstRunStack({ pageCacheSeconds: 30 }),
    connectBrowser(),
  ]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function readerSees(path: string): Promise<string> {
  const response = await fetch(`${site.webUrl}${path}`);
  expect(response.status).toBe(200);
  return response.text();
}

async function homeHeader(page: Page): Promise<string> {
  await page.goto(`${site.webUrl}/`);
  return (await page.locator('.site-title').textContent())!.trim();
}

async function fillSetupForm(page: Page, title: string): Promise<void> {
  await page.getByLabel('Site title').fill(title);
  await page.getByLabel('Description').fill('Things learned the hard way.');
  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByLabel('Start empty').check();
}

it('without JavaScript, the setup form names a bad field and keeps what was typed', async () => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.59' },
  });
  const page = await context.newPage();
  await page.goto(`${site.webUrl}/admin`);
  expect(new URL(page.url()).pathname).toBe('/admin/setup');
  // Blank once trimmed: the browser lets it through, the API names it.
  await fillSetupForm(page, '   ');
  await page.getByRole('button', { name: 'Create my site' }).click();
  await page.getByText('Site title must not be empty').waitFor();
  expect(await page.getByLabel('Email').inputValue()).toBe(owner.email);
  expect(await page.getByLabel('Password').inputValue()).toBe('');
  expect(await page.getByLabel('Start empty').isChecked()).toBe(true);
  await context.close();
});

it('sets the site up at /admin, signs the owner in and starts empty', async () => {
  // Warm the page cache with the demo site, as its first visitors would.
  expect(await readerSees('/')).toContain('<title>Inkwell</title>');
  const context = await browser.newContext({
    extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.60' },
  });
  const page = await context.newPage();
  await page.goto(`${site.webUrl}/admin`);
  expect(new URL(page.url()).pathname).toBe('/admin/setup');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await fillSetupForm(page, 'Field Notes');
  await page.getByRole('button', { name: 'Create my site' }).click();
  await page.getByRole('heading', { level: 1, name: 'Posts' }).waitFor();
  expect(await page.getByText('Signed in as').textContent()).toContain('Ada Lovelace');
  expect(await page.locator('.admin-table tbody tr').count()).toBe(0);

  const home = await readerSees('/');
  expect(home).toContain('<title>Field Notes</title>');
  expect(home).toContain('Things learned the hard way.');
  expect(home).not.toContain('class="post-card"');
  const feed = await readerSees('/feed.xml');
  expect(feed).toContain('<title>Field Notes</title>');
  expect(feed).not.toContain('<item>');

  // Done once: the setup page now leads to the login.
  const again = await fetch(`${site.webUrl}/admin/setup`, { redirect: 'manual' });
  expect(new URL(again.headers.get('location')!, site.webUrl).pathname).toBe('/admin/login');
  await context.close();
});

it.each([
  { javaScriptEnabled: true, title: 'Ada’s Notebook', ip: '198.51.100.61' },
  { javaScriptEnabled: false, title: 'Notes & Sketches', ip: '198.51.100.62' },
])(
  'renames the site in the settings page (JavaScript $javaScriptEnabled)',
  async ({ javaScriptEnabled, title, ip }) => {
    const context = await browser.newContext({
      javaScriptEnabled,
      extraHTTPHeaders: { 'x-forwarded-for': ip },
    });
    const page = await context.newPage();
    await page.goto(`${site.webUrl}/admin`);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Posts' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Admin' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    if (javaScriptEnabled) expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Site title').fill(title);
    await page.getByLabel('Label 1').fill('About');
    await page.getByLabel('URL 1').fill('/posts/about');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    expect(await page.getByLabel('Site title').inputValue()).toBe(title);
    // The site's own header follows at once, without a reload.
    await expect
      .poll(async () => (await page.locator('.site-title').textContent())!.trim())
      .toBe(title);

    const reader = await browser.newContext();
    const readerPage = await reader.newPage();
    expect(await homeHeader(readerPage)).toBe(title);
    expect(await readerPage.title()).toBe(title);
    expect(
      await readerPage
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'About' })
        .getAttribute('href'),
    ).toBe('/posts/about');
    const escaped = title.replace('&', '&amp;');
    expect(await readerSees('/feed.xml')).toContain(`<title>${escaped}</title>`);
    await reader.close();
    await context.close();
  },
);
