import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiGet, connectBrowser, type PostListing, renamePost, webUrl } from './support.js';

let browser: Browser;
let post: { id: number; slug: string; title: string };
let newSlug: string;

beforeAll(async () => {
  browser = await connectBrowser();
  const { items } = await apiGet<PostListing>('/api/posts?pageSize=50');
  post = items.at(-1)!;
  newSlug = `${post.slug}-renamed`;
  await renamePost(post.id, newSlug);
});

afterAll(async () => {
  // The old slug can be taken back, so the other files see the seeded content.
  await renamePost(post.id, post.slug);
  await browser.close();
});

it('answers an old slug with a permanent redirect to the new one', async () => {
  const response = await fetch(`${webUrl}/posts/${post.slug}`, { redirect: 'manual' });
  expect(response.status).toBe(301);
  expect(response.headers.get('location')).toBe(`/posts/${newSlug}`);
});

it('takes a reader following an old link to the post', async () => {
  const page = await browser.newPage();
  const response = await page.goto(`${webUrl}/posts/${post.slug}`);
  expect(page.url()).toBe(`${webUrl}/posts/${newSlug}`);
  expect(response?.request().redirectedFrom()?.url()).toBe(`${webUrl}/posts/${post.slug}`);
  expect(await page.locator('h1').textContent()).toBe(post.title);
  await page.close();
});
