import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { connectBrowser, webUrl } from './support.js';

/*
 * Signing in where a person starts: they type /admin, not /admin/login. The panel must open
 * and stay open while they move around it, with JavaScript (client-side navigations fetch
 * `/admin.data`-style URLs) and without.
 */

const admin = inject('admin');
let browser: Browser;

beforeAll(async () => {
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser.close();
});

it.each([
  { javaScriptEnabled: true, ip: '198.51.100.40' },
  { javaScriptEnabled: false, ip: '198.51.100.41' },
])(
  'signing in at /admin opens the panel and keeps it open (JavaScript $javaScriptEnabled)',
  async ({ javaScriptEnabled, ip }) => {
    const context = await browser.newContext({
      javaScriptEnabled,
      extraHTTPHeaders: { 'x-forwarded-for': ip },
    });
    const page = await context.newPage();
    await page.goto(`${webUrl}/admin`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');

    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Posts' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/posts');

    for (const [link, heading] of [
      ['Images', 'Images'],
      ['Categories', 'Categories'],
      ['Posts', 'Posts'],
    ] as const) {
      await page
        .getByRole('navigation', { name: 'Admin' })
        .getByRole('link', { name: link })
        .click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await page.getByText('Signed in as').count()).toBe(1);
    }

    // What a person types again later: the bare /admin, now with the session.
    await page.goto(`${webUrl}/admin`);
    await page.getByRole('heading', { level: 1, name: 'Posts' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/posts');
    await context.close();
  },
);
