import { randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { adminHeadersAt } from './support.js';

/*
 * What every site process shows right after a write, with the page cache keeping pages until a
 * write drops them (PAGE_CACHE_SECONDS far longer than the checks): the next request from every
 * site process shows the write, while pages the write did not touch stay cached.
 */

export interface CachedSites {
  /** Where the checks write (any API process of the site). */
  apiUrl: string;
  /** Every site process, each with its own page cache (shared through Redis or not). */
  webUrls: string[];
  admin: { email: string; password: string };
}

interface Listed {
  id: number;
  slug: string;
  title: string;
  categories: { slug: string }[];
}

export interface PageAnswer {
  status: number;
  cache: string | null;
  html: string;
}

export async function pageAt(url: string): Promise<PageAnswer> {
  const response = await fetch(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
  return {
    status: response.status,
    cache: response.headers.get('x-page-cache'),
    html: await response.text(),
  };
}

/** Renders a page and checks the next request is answered from the page cache. */
export async function stored(url: string): Promise<PageAnswer> {
  await pageAt(url);
  const again = await pageAt(url);
  expect(again.cache, url).toBe('HIT');
  return again;
}

async function listPosts(apiUrl: string): Promise<Listed[]> {
  const response = await fetch(`${apiUrl}/api/posts?pageSize=50`);
  return ((await response.json()) as { items: Listed[] }).items;
}

/**
 * What the site process at `index` may answer a page the write changed with: the first renders
 * it afresh; each other one too, or, with pages shared through Redis, the first one's render.
 */
const renderedAfterTheWrite = (index: number): string[] =>
  index === 0 ? ['MISS'] : ['MISS', 'HIT'];

export function checkWritesThroughPageCaches(sites: () => CachedSites): void {
  test('a new approved comment shows on the next request to every site; other posts stay cached', async () => {
    const { apiUrl, webUrls, admin } = sites();
    const [post, other] = await listPosts(apiUrl);
    for (const web of webUrls) {
      await stored(`${web}/posts/${post!.slug}`);
      await stored(`${web}/posts/${other!.slug}`);
    }
    const body = `Seen at once ${randomBytes(4).toString('hex')}`;
    const created = await fetch(`${apiUrl}/api/posts/${post!.slug}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        authorName: 'Grace',
        authorEmail: `grace-${randomBytes(4).toString('hex')}@example.org`,
        body,
        renderedAt: Date.now() - 60_000,
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    // A first comment is held: nothing any page shows changes until it is approved.
    for (const web of webUrls) {
      expect((await pageAt(`${web}/posts/${post!.slug}`)).cache).toBe('HIT');
    }
    const auth = await adminHeadersAt(apiUrl, admin);
    const approved = await fetch(`${apiUrl}/api/admin/comments/${id}/approve`, {
      method: 'POST',
      headers: auth,
    });
    expect(approved.ok).toBe(true);

    for (const [index, web] of webUrls.entries()) {
      const page = await pageAt(`${web}/posts/${post!.slug}`);
      expect(renderedAfterTheWrite(index), web).toContain(page.cache);
      expect(page.html, web).toContain(body);
      expect((await pageAt(`${web}/posts/${other!.slug}`)).cache, web).toBe('HIT');
    }
  });

  test('a post edit and an unpublish show on the next request to every site', async () => {
    const { apiUrl, webUrls, admin } = sites();
    const posts = await listPosts(apiUrl);
    const post = posts[2]!;
    const auth = { ...(await adminHeadersAt(apiUrl, admin)), 'content-type': 'application/json' };
    const pages = [`/posts/${post.slug}`, '/', `/category/${post.categories[0]!.slug}`];
    // The feed of a category the post is not in: its listing and the settings stay as they are.
    const otherCategory = posts
      .flatMap((listed) => listed.categories)
      .find(({ slug }) => !post.categories.some((category) => category.slug === slug))!;
    const untouched = [`/category/${otherCategory.slug}/feed.xml`];
    for (const web of webUrls) {
      for (const path of [...pages, ...untouched]) await stored(`${web}${path}`);
    }

    const title = `Edited ${randomBytes(4).toString('hex')}`;
    const current = await fetch(`${apiUrl}/api/admin/posts/${post.id}`, { headers: auth });
    const { version } = (await current.json()) as { version: number };
    const saved = await fetch(`${apiUrl}/api/admin/posts/${post.id}`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ version, title }),
    });
    expect(saved.status).toBe(200);
    for (const [index, web] of webUrls.entries()) {
      for (const path of pages) {
        const page = await pageAt(`${web}${path}`);
        expect(renderedAfterTheWrite(index), `${web}${path}`).toContain(page.cache);
        expect(page.html, `${web}${path}`).toContain(title);
      }
      for (const path of untouched) {
        expect((await pageAt(`${web}${path}`)).cache, `${web}${path}`).toBe('HIT');
      }
      // Stored again, for the unpublish.
      for (const path of pages) await stored(`${web}${path}`);
    }

    const { version: edited } = (await saved.json()) as { version: number };
    const unpublished = await fetch(`${apiUrl}/api/admin/posts/${post.id}/unpublish`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ version: edited }),
    });
    expect(unpublished.status).toBe(200);
    for (const web of webUrls) {
      expect((await pageAt(`${web}/posts/${post.slug}`)).status, web).toBe(404);
      for (const path of pages.slice(1)) {
        expect((await pageAt(`${web}${path}`)).html, `${web}${path}`).not.toContain(title);
      }
      for (const path of untouched) {
        expect((await pageAt(`${web}${path}`)).cache, `${web}${path}`).toBe('HIT');
      }
    }
  });
}
