/*
 * Screenshots of the admin panel into docs/screenshots/admin-*.png: the post list, the
 * editor with its live preview, and a published post's pending draft with its revisions and a
 * preview link, plus that link's page (light mode, 1280 px). Not part of the test run:
 * `npx tsx test/admin/screenshots.ts` from apps/web.
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
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
    deviceScaleFactor: 1,
  });
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

  // A private edit of the published post, compared with its revision, and a preview link.
  const title = page.getByLabel('Title', { exact: true });
  await title.fill(`${await title.inputValue()} (revised)`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Draft saved:' }).waitFor();
  const compare = page
    .locator('.revisions__list li')
    .last()
    .getByRole('link', { name: /Compare/ });
  await page.goto(`${stack.webUrl}${await compare.getAttribute('href')}`);
  await page.locator('#revision-diff').waitFor();
  await page.getByRole('button', { name: 'Create a preview link' }).click();
  const link = page.locator('.preview-links__new');
  await link.waitFor();
  await page.screenshot({ path: path.join(outDir, 'admin-revisions.png'), fullPage: true });
  await page.goto(`${stack.webUrl}${new URL((await link.textContent())!).pathname}`);
  await page.screenshot({ path: path.join(outDir, 'preview-link.png'), fullPage: true });
  console.log(
    `wrote admin-posts.png, admin-pages.png, admin-account.png, admin-editor.png, admin-revisions.png and preview-link.png in ${path.relative(process.cwd(), outDir)}`,
  );
} finally {
  await browser.close();
  await stack.stop();
}
