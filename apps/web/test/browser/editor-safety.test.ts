import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { adminHeaders, apiUrl, connectBrowser, openEditor, webUrl } from './support.js';

/*
 * The editor never loses an author's text: it is kept in the browser as they type and offered
 * back, leaving unsaved changes asks first, a fresh upload shows in the image panel at once,
 * and the editor fits a phone.
 */

const admin = inject('admin');
const stamp = Date.now();
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await connectBrowser();
  context = await signedInContext();
});

afterAll(async () => {
  await browser.close();
});

async function signedInContext(): Promise<BrowserContext> {
  const signedIn = await browser.newContext();
  const page = await signedIn.newPage();
  await page.goto(`${webUrl}/admin/login`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Posts' }).waitFor();
  await page.close();
  return signedIn;
}

/** A draft saved through the admin API; returns its id. */
async function createDraft(title: string, body: string): Promise<number> {
  const created = await fetch(`${apiUrl}/api/admin/posts`, {
    method: 'POST',
    headers: { ...(await adminHeaders()), 'content-type': 'application/json' },
    body: JSON.stringify({ title, body }),
  });
  if (created.status !== 201) throw new Error(`creating a post answered ${created.status}`);
  return ((await created.json()) as { id: number }).id;
}

const adminNav = (page: Page) => page.getByRole('navigation', { name: 'Admin' });

const keptText = (page: Page, key: string) =>
  page.evaluate((name) => window.localStorage.getItem(name), `inkwell:post-draft:${key}`);

describe('the text kept in this browser', () => {
  it('is offered back on reopening, and restored on request', async () => {
    const id = await createDraft(`Kept text ${stamp}`, 'The saved body.');
    const page = await openEditor(await context.newPage(), `/admin/posts/${id}`);
    const body = page.getByLabel('Body (Markdown)');
    await body.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' A sentence typed and never saved.');
    await expect.poll(() => keptText(page, String(id))).toContain('never saved');
    // The tab closes without a save (as a crash would).
    await page.close({ runBeforeUnload: false });

    const again = await openEditor(await context.newPage(), `/admin/posts/${id}`);
    expect(await again.getByLabel('Body (Markdown)').inputValue()).toBe('The saved body.');
    await again.getByRole('button', { name: 'Restore my text' }).click();
    expect(await again.getByLabel('Body (Markdown)').inputValue()).toBe(
      'The saved body. A sentence typed and never saved.',
    );
    // The live preview follows the restored text.
    await expect
      .poll(() => again.locator('.editor__preview .prose').textContent())
      .toContain('never saved');

    await again.getByRole('button', { name: 'Save', exact: true }).click();
    await again.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await keptText(again, String(id))).toBeNull();
    await again.reload();
    await again.locator('.editor__preview .prose').waitFor();
    expect(await again.getByRole('button', { name: 'Restore my text' }).count()).toBe(0);
    await again.close();
  });

  it('is dropped when the author discards it', async () => {
    const id = await createDraft(`Discarded text ${stamp}`, 'Saved words.');
    const page = await openEditor(await context.newPage(), `/admin/posts/${id}`);
    await page.getByLabel('Title', { exact: true }).fill(`A title nobody saved ${stamp}`);
    await expect.poll(() => keptText(page, String(id))).toContain('nobody saved');
    await page.close({ runBeforeUnload: false });

    const again = await openEditor(await context.newPage(), `/admin/posts/${id}`);
    await again.getByRole('button', { name: 'Discard it' }).click();
    expect(await keptText(again, String(id))).toBeNull();
    expect(await again.getByLabel('Title', { exact: true }).inputValue()).toBe(
      `Discarded text ${stamp}`,
    );
    await again.close();
  });

  it('a new post’s text is kept until it is saved', async () => {
    const page = await openEditor(await context.newPage(), '/admin/posts/new');
    await page.getByLabel('Title', { exact: true }).fill(`Brand new ${stamp}`);
    await page.getByLabel('Body (Markdown)').fill('First words of a new post.');
    await expect.poll(() => keptText(page, 'new')).toContain('First words');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('status').filter({ hasText: 'Draft created.' }).waitFor();
    expect(await keptText(page, 'new')).toBeNull();
    await page.close();
  });
});

describe('leaving unsaved changes', () => {
  it('asks before an in-app navigation, and stays on request', async () => {
    const id = await createDraft(`Leaving ${stamp}`, 'Body.');
    const page = await openEditor(await context.newPage(), `/admin/posts/${id}`);
    await page.getByLabel('Summary').fill('An unsaved summary.');
    await adminNav(page).getByRole('link', { name: 'Posts', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Stay and keep editing' }).click();
    expect(new URL(page.url()).pathname).toBe(`/admin/posts/${id}`);
    expect(await page.getByLabel('Summary').inputValue()).toBe('An unsaved summary.');

    await adminNav(page).getByRole('link', { name: 'Posts', exact: true }).click();
    await dialog.getByRole('button', { name: 'Leave' }).click();
    await page.getByRole('heading', { level: 1, name: 'Posts' }).waitFor();
    await page.close();
  });

  it('asks before a reload, but not after a successful save', async () => {
    const id = await createDraft(`Reloading ${stamp}`, 'Body.');
    const page = await openEditor(await context.newPage(), `/admin/posts/${id}`);
    await page.getByLabel('Summary').click();
    await page.keyboard.type('A summary typed here.');
    const question = page.waitForEvent('dialog');
    // Settles once the question is answered.
    const reloading = page.evaluate(() => window.location.reload()).catch(() => undefined);
    const dialog = await question;
    expect(dialog.type()).toBe('beforeunload');
    // Dismissed: the page stays with its text.
    await dialog.dismiss();
    await reloading;
    expect(await page.getByLabel('Summary').inputValue()).toBe('A summary typed here.');

    // The save itself is not held up, and the saved editor asks nothing when reloaded.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const asked: string[] = [];
    page.on('dialog', (other) => {
      asked.push(other.type());
      void other.dismiss();
    });
    await page.reload();
    await page.locator('.editor__preview .prose').waitFor();
    expect(asked).toEqual([]);
    expect(await page.getByLabel('Summary').inputValue()).toBe('A summary typed here.');
    await page.close();
  });

  it('without JavaScript the form still saves', async () => {
    const plain = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await context.storageState(),
    });
    const page = await plain.newPage();
    await page.goto(`${webUrl}/admin/posts/new`);
    await page.getByLabel('Title', { exact: true }).fill(`No script ${stamp}`);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('status').filter({ hasText: 'Draft created.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Restore my text' }).count()).toBe(0);
    await plain.close();
  });
});

describe('a save while the live preview is on its way', () => {
  it('shows the saved post, so the next save goes through', async () => {
    const id = await createDraft(`Raced save ${stamp}`, 'The first body.');
    const page = await openEditor(await context.newPage(), `/admin/posts/${id}`);
    // The preview answers once the save's reload of the editor has begun, and that reload is
    // slow: the preview's own reload of the page's data ends first, as on a busy connection.
    let previewSent!: () => void;
    const previewAsked = new Promise<void>((resolve) => (previewSent = resolve));
    let releasePreview!: () => void;
    const previewReleased = new Promise<void>((resolve) => (releasePreview = resolve));
    await page.route(
      (url) => url.pathname === '/admin/preview.data',
      async (route) => {
        previewSent();
        await previewReleased;
        await route.continue();
      },
    );
    await page.route(
      (url) =>
        url.pathname === `/admin/posts/${id}.data` &&
        url.searchParams.get('done') === 'saved' &&
        (url.searchParams.get('_routes') ?? 'routes/admin.posts.$id').includes('admin.posts.$id'),
      async (route) => {
        releasePreview();
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await route.continue();
      },
    );
    await page.getByLabel('Body (Markdown)').fill('The second body.');
    await previewAsked;
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.unrouteAll();

    const saved = (await (
      await fetch(`${apiUrl}/api/admin/posts/${id}`, { headers: await adminHeaders() })
    ).json()) as { version: number };
    expect(await page.locator('input[name=version]').inputValue()).toBe(String(saved.version));
    await page.getByLabel('Body (Markdown)').fill('The third body.');
    const answered = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        new URL(response.url()).pathname === `/admin/posts/${id}.data`,
    );
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await answered;
    await page.waitForLoadState('networkidle');
    expect(await page.getByText('This post was changed while you were editing').count()).toBe(0);
    const now = await fetch(`${apiUrl}/api/admin/posts/${id}`, { headers: await adminHeaders() });
    expect(((await now.json()) as { body: string }).body).toBe('The third body.');
    await page.close();
  });
});

describe('images and small screens', () => {
  it('a fresh upload shows in the editor’s image panel at once', async () => {
    const page = await openEditor(await context.newPage(), '/admin/posts/new');
    const png = await sharp({
      create: { width: 320, height: 200, channels: 3, background: { r: 200, g: 60, b: 40 } },
    })
      .png()
      .toBuffer();
    await page
      .getByLabel('Upload an image')
      .setInputFiles({ name: `panel-${stamp}.png`, mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByRole('button', { name: 'Insert it' }).waitFor();
    const listed = page.locator('.image-picker__list li').first();
    expect(await listed.locator('code').textContent()).toContain(`![panel-${stamp}]`);
    await listed.getByRole('button', { name: `Insert panel-${stamp}.png` }).click();
    await expect
      .poll(() => page.getByLabel('Body (Markdown)').inputValue())
      .toContain(`![panel-${stamp}]`);
    await page.close();
  });

  it('the editor fits a 375 px phone screen without scrolling sideways', async () => {
    const phone = await browser.newContext({
      viewport: { width: 375, height: 812 },
      storageState: await context.storageState(),
    });
    const page = await phone.newPage();
    const id = await createDraft(`On a phone ${stamp}`, `A long line ${'word'.repeat(60)}`);
    await openEditor(page, `/admin/posts/${id}`);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    // What sticks out, named, should the page scroll sideways.
    const wide = await page.evaluate((width) => {
      return [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > width + 0.5)
        .map((element) => element.outerHTML.slice(0, 80))
        .slice(0, 10);
    }, widths.client);
    expect(wide).toEqual([]);
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await phone.close();
  });
});
