/*
 * Screenshots of the admin panel into docs/screenshots/admin-*.png: the post list, the pages,
 * your account (password and author profile), the editor with its live preview, the editor
 * offering back a text kept in the browser and on a 375 px phone, the series a post was just put
 * in, and a published post's pending draft with its revisions and a preview link, plus that
 * link's page, and the moderation queue with a held comment's spam score (light mode, 1280 px).
 * Not part of the test run: `npx tsx test/admin/screenshots.ts` from apps/web.
 */
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../chromium.js';
import { buildWeb, startStack } from '../stack.js';

const outDir = path.resolve(import.meta.dirname, '../../../../docs/screenshots');

await buildWeb();
const stack = await startStack();
const browser = await chromium.launch(CHROMIUM);
try {
  // One context: the editor's kept text (localStorage) outlives the page that typed it.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  await page.goto(`${stack.webUrl}/admin/login`);
  await page.getByLabel('Email').fill(stack.admin.email);
  await page.getByLabel('Password').fill(stack.admin.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${stack.webUrl}/admin/posts`);
  await page.screenshot({ path: path.join(outDir, 'admin-posts.png'), fullPage: true });

  await page.goto(`${stack.webUrl}/admin/posts?kind=page`);
  await page.screenshot({ path: path.join(outDir, 'admin-pages.png'), fullPage: true });
  await page.goto(`${stack.webUrl}/admin/account`);
  await page.screenshot({ path: path.join(outDir, 'admin-account.png'), fullPage: true });
  await page.goto(`${stack.webUrl}/admin/posts`);

  await page.locator('.admin-table tbody a').first().click();
  await page.waitForURL(/\/admin\/posts\/\d+$/);
  // The live preview arrives once the page is interactive.
  await page.locator('.editor__preview .prose').waitFor();
  await page.screenshot({ path: path.join(outDir, 'admin-editor.png'), fullPage: true });

  // Text typed and never saved, offered back when the editor opens again.
  const editorUrl = page.url();
  await page.getByLabel('Body (Markdown)').click();
  await page.keyboard.press('End');
  await page.keyboard.type('\n\nA paragraph typed before the tab closed.');
  await page.waitForFunction(() =>
    Object.keys(window.localStorage).some((key) => key.startsWith('inkwell:post-draft:')),
  );
  await page.close({ runBeforeUnload: false });
  const reopened = await context.newPage();
  await reopened.goto(editorUrl);
  const offer = reopened.locator('.draft-offer');
  await offer.waitFor();
  await offer.screenshot({ path: path.join(outDir, 'admin-editor-kept-text.png') });

  const phone = await browser.newContext({
    viewport: { width: 375, height: 812 },
    colorScheme: 'light',
    deviceScaleFactor: 1,
    storageState: await context.storageState(),
  });
  const small = await phone.newPage();
  await small.goto(editorUrl);
  await small.locator('.editor__preview .prose').waitFor();
  await small.screenshot({ path: path.join(outDir, 'admin-editor-phone.png') });

  // Back to the editor at its saved text.
  await reopened.getByRole('button', { name: 'Discard it' }).click();
  // Starting a series from the editor, then the series page listing it.
  await reopened.getByLabel('Or start a new series').fill('PostgreSQL in production');
  await reopened.getByLabel('Part number').fill('1');
  await reopened.getByRole('button', { name: 'Save', exact: true }).click();
  await reopened.getByRole('status').filter({ hasText: 'Draft saved:' }).waitFor();
  await reopened.goto(`${stack.webUrl}/admin/series`);
  await reopened.screenshot({ path: path.join(outDir, 'admin-series.png'), fullPage: true });
  await reopened.goBack();
  // A private edit of the published post, compared with its revision, and a preview link.
  const title = reopened.getByLabel('Title', { exact: true });
  await title.fill(`${await title.inputValue()} (revised)`);
  await reopened.getByRole('button', { name: 'Save', exact: true }).click();
  await reopened.getByRole('status').filter({ hasText: 'Draft saved:' }).waitFor();
  const compare = reopened
    .locator('.revisions__list li')
    .last()
    .getByRole('link', { name: /Compare/ });
  await reopened.goto(`${stack.webUrl}${await compare.getAttribute('href')}`);
  await reopened.locator('#revision-diff').waitFor();
  await reopened.getByRole('button', { name: 'Create a preview link' }).click();
  const link = reopened.locator('.preview-links__new');
  await link.waitFor();
  await reopened.screenshot({ path: path.join(outDir, 'admin-revisions.png'), fullPage: true });
  await reopened.goto(`${stack.webUrl}${new URL((await link.textContent())!).pathname}`);
  await reopened.screenshot({ path: path.join(outDir, 'preview-link.png'), fullPage: true });
  // A first comment is held: the queue shows it with its spam score and the email status.
  const posts = (await (await fetch(`${stack.apiUrl}/api/posts`)).json()) as {
    items: { slug: string }[];
  };
  await fetch(`${stack.apiUrl}/api/posts/${posts.items[0]!.slug}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      authorName: 'Vera',
      authorEmail: 'vera@example.org',
      body: 'Cheap replica watches at https://watches.example and https://deals.example',
      renderedAt: Date.now() - 60_000,
    }),
  });
  await reopened.goto(`${stack.webUrl}/admin/comments`);
  await reopened.screenshot({ path: path.join(outDir, 'admin-comments.png'), fullPage: true });
  console.log(
    `wrote admin-posts.png, admin-pages.png, admin-account.png, admin-editor.png, admin-editor-kept-text.png, admin-editor-phone.png, admin-series.png, admin-revisions.png, preview-link.png and admin-comments.png in ${path.relative(process.cwd(), outDir)}`,
  );
} finally {
  await browser.close();
  await stack.stop();
}
