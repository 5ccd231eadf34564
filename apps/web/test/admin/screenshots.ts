/*
 * Screenshots of the admin panel into docs/screenshots/admin-*.png: the post list, the
 * editor with its live preview (light mode, 1280 px), the editor offering back a text kept in
 * the browser, and the editor on a 375 px phone. Not part of the test run:
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
  console.log(
    `wrote admin-posts.png, admin-editor.png, admin-editor-kept-text.png and admin-editor-phone.png in ${path.relative(process.cwd(), outDir)}`,
  );
} finally {
  await browser.close();
  await stack.stop();
}
