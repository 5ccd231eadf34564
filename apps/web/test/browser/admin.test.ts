import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { connectBrowser, webUrl } from './support.js';

/*
 * The author's walk through the admin panel, against the real API and the built site:
 * log in, write and publish a post with an uploaded image, see it public, moderate a
 * reader's comment, meet a conflicting edit, log out. Anonymous visitors only reach login.
 */

const admin = inject('admin');
const title = `Tuning autovacuum ${Date.now()}`;
const commentText = `Which scale factor did you settle on? ${Date.now()}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let postPath: string;

beforeAll(async () => {
  browser = await connectBrowser();
  context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.20' } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser.close();
});

async function logIn(target: Page, password = admin.password) {
  await target.goto(`${webUrl}/admin/login`);
  await target.getByLabel('Email').fill(admin.email);
  await target.getByLabel('Password').fill(password);
  await target.getByRole('button', { name: 'Log in' }).click();
}

describe('without a session', () => {
  const pages = [
    '/admin',
    '/admin/posts',
    '/admin/posts?status=draft',
    '/admin/posts/new',
    '/admin/posts/1',
    '/admin/posts/1/delete',
    '/admin/images',
    '/admin/categories',
    '/admin/comments',
    '/admin/blocklist',
  ];
  it.each(pages)('%s redirects to the login page', async (path) => {
    const response = await fetch(`${webUrl}${path}`, { redirect: 'manual' });
    expect(response.status).toBeGreaterThanOrEqual(300);
    expect(response.status).toBeLessThan(400);
    const location = new URL(response.headers.get('location')!, webUrl);
    expect(location.pathname).toBe('/admin/login');
    // `/admin` itself first goes to the post list, which then asks for the login.
    if (path !== '/admin') expect(location.searchParams.get('next')).toBe(path);
  });

  it('a forged session cookie is a dead one', async () => {
    const response = await fetch(`${webUrl}/admin/posts`, {
      redirect: 'manual',
      headers: { cookie: `inkwell_admin=${'a'.repeat(43)}.${'b'.repeat(43)}` },
    });
    expect(new URL(response.headers.get('location')!, webUrl).pathname).toBe('/admin/login');
    expect(response.headers.get('set-cookie')).toMatch(/inkwell_admin=;/);
  });
});

describe('an author at work', () => {
  it('shows the API’s message for a wrong password', async () => {
    await logIn(page, 'not the password');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/Wrong email or password/);
    expect(await page.getByLabel('Email').inputValue()).toBe(admin.email);
  });

  it('logs in into an HttpOnly, SameSite=Lax cookie', async () => {
    await logIn(page);
    await page.getByRole('heading', { level: 1, name: 'Posts' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/posts');
    const [cookie] = (await context.cookies(webUrl + '/admin')).filter(
      (c) => c.name === 'inkwell_admin',
    );
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: false,
    });
    // SESSION_IDLE_DAYS (7): each admin page sets it again as the session slides.
    expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000 + 6.9 * 24 * 3600);
    expect(await page.locator('.admin-table tbody tr').count()).toBeGreaterThan(0);
  });

  it('filters the post list by title', async () => {
    const first = (await page.locator('.admin-table tbody tr td a').first().textContent())!;
    const word = first.split(' ').sort((a, b) => b.length - a.length)[0]!;
    await page.getByLabel('Title contains').fill(word);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/q=/);
    const titles = () => page.locator('.admin-table tbody tr td a').allTextContents();
    await expect
      .poll(async () =>
        (await titles()).every((shown) => shown.toLowerCase().includes(word.toLowerCase())),
      )
      .toBe(true);
    expect((await titles()).length).toBeGreaterThan(0);
  });

  it('writes and publishes a post with an uploaded image', async () => {
    await page.goto(`${webUrl}/admin/posts/new`);
    await page.getByLabel('Title', { exact: true }).fill(title);
    const body = page.getByLabel('Body (Markdown)');
    await body.fill('Autovacuum needs **tuning** on busy tables.\n\n');
    await expect.poll(() => page.locator('.editor__preview strong').textContent()).toBe('tuning');

    const png = await sharp({
      create: { width: 640, height: 360, channels: 3, background: { r: 40, g: 90, b: 200 } },
    })
      .png()
      .toBuffer();
    await page
      .getByLabel('Upload an image')
      .setInputFiles({ name: 'vacuum.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByRole('button', { name: 'Insert it' }).click();
    await expect.poll(() => body.inputValue()).toMatch(/!\[vacuum\]\(\/images\/[0-9a-f]{64}\)/);
    await expect
      .poll(() => page.locator('.editor__preview picture, .editor__preview img').count())
      .toBeGreaterThan(0);

    await page.locator('.editor__categories input[type=checkbox]').first().check();
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Published: the post is public now.' })
      .waitFor();
    expect(page.url()).toMatch(/\/admin\/posts\/\d+\?done=published$/);
    postPath = (await page.getByRole('link', { name: 'view' }).getAttribute('href'))!;
    expect(postPath).toMatch(/^\/posts\/tuning-autovacuum-/);
  });

  it('the post is public at once, its image as a responsive picture', async () => {
    const reader = await browser.newContext();
    const readerPage = await reader.newPage();
    await readerPage.goto(`${webUrl}/`);
    expect(await readerPage.getByRole('link', { name: title }).count()).toBe(1);
    await readerPage.goto(`${webUrl}${postPath}`);
    const sources = await readerPage
      .locator('.prose picture source')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('srcset') ?? ''));
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.join(' ')).toMatch(/\/images\/[0-9a-f]{64}\//);
    await reader.close();
  });

  it('a reader’s comment waits in the queue until approved, then shows', async () => {
    const reader = await browser.newContext({
      extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.21' },
    });
    const readerPage = await reader.newPage();
    await readerPage.goto(`${webUrl}${postPath}`);
    const form = readerPage.locator('#comment-form');
    await form.getByLabel('Name', { exact: true }).fill('Grace');
    await form.getByLabel('Email', { exact: true }).fill('grace@example.org');
    await form.getByLabel('Comment', { exact: true }).fill(commentText);
    await readerPage.getByRole('button', { name: 'Post comment' }).click();
    await readerPage.waitForURL(/comment=pending/);
    await reader.close();

    await page.goto(`${webUrl}/admin/comments`);
    const item = page.locator('.queue-item', { hasText: commentText });
    expect(await item.locator('.badge--pending').count()).toBe(1);
    await item.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Approve selected' }).click();
    // The message itself: the search box's live region is a status too.
    await page
      .getByRole('status')
      .filter({ hasText: /^Approved 1 comment\.$/ })
      .waitFor();

    const later = await browser.newContext();
    const laterPage = await later.newPage();
    await laterPage.goto(`${webUrl}${postPath}`);
    expect(await laterPage.locator('#comments', { hasText: commentText }).count()).toBe(1);
    await later.close();
  });

  it('a stale edit shows the difference and overwrites only on request', async () => {
    const editUrl = page.url().replace(/\/admin\/.*$/, '') + (await findEditPath());
    const other = await context.newPage();
    await page.goto(editUrl);
    await other.goto(editUrl);

    await other.getByLabel('Title', { exact: true }).fill(`${title} (revised)`);
    await other.getByRole('button', { name: 'Save', exact: true }).click();
    // The post is published: "Save" keeps the edit as its pending draft.
    await other.getByRole('status').filter({ hasText: 'Draft saved:' }).waitFor();

    const body = page.getByLabel('Body (Markdown)');
    await body.fill(`${await body.inputValue()}\nA closing line from the stale tab.`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByRole('heading', { name: 'This post was changed while you were editing' })
      .waitFor();
    const diff = await page.locator('.diff').allTextContents();
    expect(diff.join('\n')).toContain('(revised)');
    expect(
      await page
        .locator('.diff__line--added', { hasText: 'A closing line from the stale tab.' })
        .count(),
    ).toBe(1);

    await page.getByRole('button', { name: 'Overwrite with my version' }).click();
    await page.getByRole('status').filter({ hasText: 'Draft saved:' }).waitFor();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(title);
    expect(await page.getByLabel('Body (Markdown)').inputValue()).toContain(
      'A closing line from the stale tab.',
    );
    await other.close();
  });

  it('logs out, and the panel asks for a login again', async () => {
    await page.goto(`${webUrl}/admin/posts`);
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.waitForURL(/\/admin\/login\?loggedOut/);
    expect((await context.cookies(webUrl + '/admin')).some((c) => c.name === 'inkwell_admin')).toBe(
      false,
    );
    await page.goto(`${webUrl}/admin/posts`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
  });
});

async function findEditPath(): Promise<string> {
  await page.goto(`${webUrl}/admin/posts?q=${encodeURIComponent(title)}`);
  return (await page.getByRole('link', { name: title }).getAttribute('href'))!;
}
