import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminHeaders,
  apiUrl,
  connectBrowser,
  deletePost,
  logInToPanel,
  openEditor,
  publishPost,
  webUrl,
} from './support.js';

/** What a developer's post offers a reader: sections to jump to, code to copy, notes, series. */

let browser: Browser;
const created: number[] = [];
let first: { id: number; slug: string };
let second: { id: number; slug: string };

const CODE = 'const a = 1;\nconst marked = 2;\nconst c = 3;';
const BODY = [
  'An introduction with a claim.[^1]',
  '## Setting up',
  'Some words.',
  `\`\`\`ts {2}\n${CODE}\n\`\`\``,
  '### The details',
  'More words.',
  '## Going further',
  'Last words.',
  '[^1]: The source of the claim.',
].join('\n\n');

beforeAll(async () => {
  browser = await connectBrowser();
  const auth = { ...(await adminHeaders()), 'content-type': 'application/json' };
  const series = await fetch(`${apiUrl}/api/admin/series`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ name: 'Rich Posts in Practice' }),
  });
  const { slug } = (await series.json()) as { slug: string };
  first = await publishPost({ title: 'Rich part one', body: BODY, series: { slug, part: 1 } });
  second = await publishPost({ title: 'Rich part two', body: 'Short.', series: { slug, part: 2 } });
  const draft = await fetch(`${apiUrl}/api/admin/posts`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ title: 'Rich part three', series: { slug, part: 3 } }),
  });
  created.push(first.id, second.id, ((await draft.json()) as { id: number }).id);
});

afterAll(async () => {
  for (const id of created) await deletePost(id);
  await browser.close();
});

async function openFirstPart(javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  if (javaScriptEnabled) {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: webUrl });
  }
  const page = await context.newPage();
  await page.goto(`${webUrl}/posts/${first.slug}`);
  return page;
}

describe('a rich post', () => {
  it('shows its permalinks on keyboard focus, and its contents jump to the sections', async () => {
    const page = await openFirstPart();
    const permalink = page.getByRole('link', { name: 'Permalink: Going further' });
    const opacity = () => permalink.evaluate((link) => getComputedStyle(link).opacity);
    expect(await opacity()).toBe('0');
    await permalink.focus();
    expect(await opacity()).toBe('1');
    await expect.poll(() => permalink.getAttribute('href')).toBe('#going-further');

    const contents = page.getByRole('navigation', { name: 'Table of contents' });
    // Nested by level: the h3 sits in the list of the h2 before it.
    expect(await contents.locator('ol ol a').allTextContents()).toEqual(['The details']);
    await contents.getByRole('link', { name: 'Going further' }).click();
    await page.waitForURL(/#going-further$/);
    await expect
      .poll(() => page.locator('#going-further').evaluate((h) => h.getBoundingClientRect().top))
      .toBeLessThan(100);
    await expect.poll(() => page.locator('.post-meta').textContent()).toMatch(/1 min read/);
    await page.context().close();
  });

  it('copies a code block, announcing it, with its marked line shown', async () => {
    const page = await openFirstPart();
    expect(await page.locator('.code-line--marked').allTextContents()).toEqual([
      'const marked = 2;',
    ]);
    const copy = page.getByRole('button', { name: 'Copy' });
    await copy.click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Copied' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(CODE);
    await page.context().close();
  });

  it('has no copy button without JavaScript', async () => {
    const page = await openFirstPart(false);
    expect(await page.locator('pre').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Copy' }).count()).toBe(0);
    await page.context().close();
  });

  it('takes a footnote reference to its note and the note back to it', async () => {
    const page = await openFirstPart();
    await page.locator('[data-footnote-ref]').click();
    await page.waitForURL(/#footnote-1$/);
    await page.getByRole('link', { name: 'Back to reference 1' }).click();
    await page.waitForURL(/#footnote-ref-1$/);
    await page.context().close();
  });

  it('lists the published parts of its series and leads to the next one', async () => {
    const page = await openFirstPart();
    const box = page.locator('.series-box');
    expect(await box.getByRole('heading').textContent()).toBe(
      'Part 1 of 2 in the series Rich Posts in Practice',
    );
    expect(await box.locator('li').allTextContents()).toEqual(['Rich part one', 'Rich part two']);
    await box.getByRole('link', { name: 'Next part: Rich part two' }).click();
    await page.waitForURL(new RegExp(`/posts/${second.slug}$`));
    await expect
      .poll(() => page.locator('.series-box').getByRole('heading').textContent())
      .toBe('Part 2 of 2 in the series Rich Posts in Practice');
    expect(await page.getByRole('link', { name: 'Previous part: Rich part one' }).count()).toBe(1);
    await page.context().close();
  });

  it('joins a series started from the post editor once the draft is updated', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await logInToPanel(page);
    await page.waitForURL(/\/admin\/posts$/);
    await openEditor(page, `/admin/posts/${second.id}`);
    await page.getByLabel('Or start a new series').fill('Made in the Editor');
    await page.getByLabel('Part number').fill('4');
    const seriesHeading = async () => {
      const reader = await context.newPage();
      await reader.goto(`${webUrl}/posts/${second.slug}`);
      const heading = await reader.locator('.series-box').getByRole('heading').textContent();
      await reader.close();
      return heading;
    };
    // The post is published: "Save" keeps the new series place in its private draft.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Draft saved:' }).waitFor();
    expect(await page.getByLabel('Part of').inputValue()).toBe('made-in-the-editor');
    expect(await page.getByLabel('Part number').inputValue()).toBe('4');
    expect(await seriesHeading()).toBe('Part 2 of 2 in the series Rich Posts in Practice');
    // Its preview link shows the series the draft joins.
    await page.getByRole('button', { name: 'Create a preview link' }).click();
    const link = page.locator('.preview-links__new');
    await link.waitFor();
    const stranger = await browser.newContext();
    const preview = await stranger.newPage();
    await preview.goto((await link.textContent())!);
    expect(await preview.locator('.series-box').getByRole('heading').textContent()).toBe(
      'Part 1 of 1 in the series Made in the Editor',
    );
    await stranger.close();

    await page.getByRole('button', { name: 'Update', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Published:' }).waitFor();
    // The site's caches follow the update's event: poll rather than expect it at once.
    await expect.poll(seriesHeading).toBe('Part 1 of 1 in the series Made in the Editor');
    await context.close();
  });
});
