import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminHeaders,
  apiGet,
  apiUrl,
  connectBrowser,
  type PostListing,
  signInAsAdmin,
  webUrl,
} from './support.js';

/** Destructive admin actions ask first, with JavaScript and without. */

let browser: Browser;

beforeAll(async () => {
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser.close();
});

async function leaveComment(body: string): Promise<void> {
  const { items } = await apiGet<PostListing>('/api/posts');
  const answer = await fetch(`${apiUrl}/api/posts/${items[0]!.slug}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.77' },
    body: JSON.stringify({ authorName: 'Ruth', authorEmail: 'ruth@example.org', body }),
  });
  if (answer.status !== 201) throw new Error(`commenting answered ${answer.status}`);
}

async function createCategory(name: string): Promise<number> {
  const created = await fetch(`${apiUrl}/api/admin/categories`, {
    method: 'POST',
    headers: { ...(await adminHeaders()), 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (created.status !== 201) throw new Error(`creating a category answered ${created.status}`);
  return ((await created.json()) as { id: number }).id;
}

const categoryNames = async () =>
  (await apiGet<{ items: { name: string }[] }>('/api/categories')).items.map((c) => c.name);

describe.each([true, false])('with JavaScript %s', (javaScriptEnabled) => {
  it('deletes a comment only once the question about its replies is answered', async () => {
    const text = `Delete me when asked ${javaScriptEnabled} ${Date.now()}`;
    await leaveComment(text);
    const page = await signInAsAdmin(browser, javaScriptEnabled);
    await page.goto(`${webUrl}/admin/comments`);
    const item = () => page.locator('.queue-item', { hasText: text });
    const confirm = page.getByRole('form', { name: 'Confirm' });

    await item().getByRole('button', { name: 'Delete' }).click();
    await confirm
      .getByText('Delete the comment by Ruth and every reply to it? This cannot be undone.')
      .waitFor();
    expect(await item().count()).toBe(1);
    await confirm.getByRole('link', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await item().count()).toBe(1);

    await item().getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete the comment and its replies' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Comment deleted (with its replies).' })
      .waitFor();
    // With JavaScript the queue is read again just after the message shows.
    await item().waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('merges a category only after saying what moves where', async () => {
    const suffix = javaScriptEnabled ? 'A' : 'B';
    await createCategory(`Lexers ${suffix}`);
    await createCategory(`Tokenizers ${suffix}`);
    const page = await signInAsAdmin(browser, javaScriptEnabled);
    await page.goto(`${webUrl}/admin/categories`);
    const row = page.getByRole('form', { name: `Merge or delete Lexers ${suffix}` });
    await row
      .getByLabel(`Merge Lexers ${suffix} into`)
      .selectOption({ label: `Tokenizers ${suffix}` });
    await row.getByRole('button', { name: 'Merge' }).click();

    const confirm = page.getByRole('form', { name: 'Confirm' });
    await confirm.getByText(`Merge “Lexers ${suffix}” into “Tokenizers ${suffix}”?`).waitFor();
    expect(await categoryNames()).toContain(`Lexers ${suffix}`);

    await confirm.getByRole('button', { name: `Merge into “Tokenizers ${suffix}”` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Merged into/ })
      .waitFor();
    expect(await categoryNames()).not.toContain(`Lexers ${suffix}`);
    expect(await categoryNames()).toContain(`Tokenizers ${suffix}`);
    await page.context().close();
  });
});
