import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, connectBrowser, type PostListing, webUrl } from './support.js';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await connectBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser.close();
});

const postTitles = (target: Page) => target.locator('.post-list h2 a').allTextContents();

describe('home page', () => {
  it('lists the newest posts with comment counts and categories, cacheable', async () => {
    const response = await page.goto(webUrl);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
    const listing = await apiGet<PostListing>('/api/posts');
    expect(await postTitles(page)).toEqual(listing.items.map((post) => post.title));

    const first = listing.items[0]!;
    const card = page.locator('.post-card').first();
    const count = first.commentCount === 1 ? '1 comment' : `${first.commentCount} comments`;
    expect(await card.locator('.post-meta a').textContent()).toBe(count);
    expect(await card.locator('.tags a').allTextContents()).toEqual(
      first.categories.map((c) => c.name),
    );
    expect(await page.title()).toBe('Inkwell');
  });

  it('filters by a category and clears the filter', async () => {
    await page.goto(webUrl);
    const category = (await apiGet<PostListing>('/api/posts')).items[0]!.categories[0]!;
    await page.locator('.post-card .tags a', { hasText: category.name }).first().click();
    await page.waitForURL(`${webUrl}/?category=${category.slug}`);
    // With JavaScript the URL changes a moment before React commits the new page.
    await page.locator('.filter-banner').waitFor();

    const filtered = await apiGet<PostListing>(`/api/posts?category=${category.slug}`);
    expect(await postTitles(page)).toEqual(filtered.items.map((post) => post.title));
    const banner = page.locator('.filter-banner');
    expect(await banner.locator('h1').textContent()).toBe(`Posts in ${category.name}`);
    expect(await page.title()).toBe(`Posts in ${category.name} · Inkwell`);
    expect(await page.locator('link[rel=canonical]').getAttribute('href')).toBe(
      `${webUrl}/?category=${category.slug}`,
    );

    await banner.getByRole('link', { name: 'Clear filter' }).click();
    await page.waitForURL(`${webUrl}/`);
    await page.locator('.filter-banner').waitFor({ state: 'detached' });
    expect(await page.locator('.listing__title').textContent()).toBe('Latest posts');
  });

  it('accepts several categories at once', async () => {
    const both = await apiGet<PostListing>('/api/posts?category=rust,python');
    await page.goto(`${webUrl}/?category=rust,python`);
    const heading = await page.locator('.filter-banner h1').textContent();
    expect(heading).toMatch(/^Posts in (Rust or Python|Python or Rust)$/);
    expect(await postTitles(page)).toEqual(both.items.map((post) => post.title));
  });

  it('redirects old /category/<slug> links to the canonical filter', async () => {
    const response = await page.goto(`${webUrl}/category/django`);
    expect(page.url()).toBe(`${webUrl}/?category=django`);
    expect(response?.request().redirectedFrom()?.url()).toBe(`${webUrl}/category/django`);
  });

  it('paginates with real links', async () => {
    const second = await apiGet<PostListing>('/api/posts?page=2');
    expect(second.pages).toBeGreaterThan(1);
    await page.goto(webUrl);
    await page
      .getByRole('navigation', { name: 'Pagination' })
      .getByRole('link', { name: 'Older' })
      .click();
    await page.waitForURL(`${webUrl}/?page=2`);
    await page.locator('.pager [aria-current=page]', { hasText: '2' }).waitFor();
    expect(await postTitles(page)).toEqual(second.items.map((post) => post.title));
    expect(await page.locator('.pager [aria-current=page]').textContent()).toBe('2');
    expect(await page.title()).toBe('Inkwell (page 2)');
  });
});

describe('post page', () => {
  it('shows the rendered post, its neighbours and its comment section', async () => {
    const listing = await apiGet<PostListing>('/api/posts');
    const slug = listing.items[1]!.slug;
    await page.goto(webUrl);
    await page.locator('.post-list h2 a').nth(1).click();
    await page.waitForURL(`${webUrl}/posts/${slug}`);
    await page.locator('section#comments').waitFor();

    const detail = await apiGet<{ post: { id: number; title: string } }>(`/api/posts/${slug}`);
    expect(await page.locator('h1').textContent()).toBe(detail.post.title);
    expect(await page.locator('meta[property="og:type"]').getAttribute('content')).toBe('article');
    expect(await page.locator('.prose h2[id]').count()).toBeGreaterThan(0);
    const comments = page.locator('section#comments');
    expect(await comments.getAttribute('data-post-id')).toBe(String(detail.post.id));
    expect(
      await page.locator('nav[aria-label="Previous and next post"] a').count(),
    ).toBeGreaterThan(0);
  });

  it('styles highlighted code differently from plain text', async () => {
    const listing = await apiGet<PostListing>('/api/posts?category=postgresql&pageSize=50');
    let found = false;
    for (const post of listing.items) {
      await page.goto(`${webUrl}/posts/${post.slug}`);
      const keyword = page.locator('.prose pre code.hljs .hljs-keyword').first();
      if ((await keyword.count()) === 0) continue;
      const colours = await keyword.evaluate((element) => ({
        keyword: getComputedStyle(element).color,
        code: getComputedStyle(element.closest('code')!).color,
      }));
      expect(colours.keyword).not.toBe(colours.code);
      found = true;
      break;
    }
    expect(found).toBe(true);
  });
});

describe('a post sent once', () => {
  interface Detail {
    post: { html: string };
    comments: { html: string }[];
  }
  /** A run of one text in `html` that reads the same in markup and in escaped inline data. */
  const phraseOf = (html: string) =>
    html
      .split(/<[^>]+>/)
      .join('\n')
      .match(/[A-Za-z ]{24}/)![0];
  const count = (text: string, phrase: string) => text.split(phrase).length - 1;

  let slug = '';
  let body = '';
  let comment = '';
  beforeAll(async () => {
    const listing = await apiGet<PostListing>('/api/posts?pageSize=50');
    slug = listing.items.find((item) => item.commentCount > 0)!.slug;
    const detail = await apiGet<Detail>(`/api/posts/${slug}`);
    body = phraseOf(detail.post.html);
    comment = phraseOf(detail.comments[0]!.html);
  });

  it("carries the body and the comments in the markup, not again in the page's inline data", async () => {
    const document = await (await fetch(`${webUrl}/posts/${slug}`)).text();
    expect(count(document, body)).toBe(1);
    expect(count(document, comment)).toBe(1);
  });

  it('keeps them through hydration and shows them again after client-side navigation', async () => {
    const fresh = await browser.newPage();
    const errors: string[] = [];
    fresh.on('pageerror', (error) => errors.push(error.message));
    fresh.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await fresh.goto(`${webUrl}/posts/${slug}`);
    await fresh.waitForFunction(
      () => '__remixContext' in window && document.readyState === 'complete',
    );
    expect(await fresh.locator('article.post > .prose').textContent()).toContain(body);
    expect(await fresh.locator('#comments > .comment-thread').textContent()).toContain(comment);
    // Away and back in the app: the post now comes as data, with no markup to keep.
    await fresh.locator('a.site-title').click();
    await fresh.locator('.post-list').waitFor();
    await fresh.goBack();
    await fresh.locator('#comments > .comment-thread').waitFor();
    expect(await fresh.locator('article.post > .prose').textContent()).toContain(body);
    expect(await fresh.locator('#comments > .comment-thread').textContent()).toContain(comment);
    expect(errors).toEqual([]);
    await fresh.close();
  });

  it('follows a Reply link of the kept thread in the app, without loading the page again', async () => {
    const fresh = await browser.newPage();
    await fresh.goto(`${webUrl}/posts/${slug}`);
    // Live comments load the Faye client once the page has hydrated.
    await fresh.locator('script[src*="faye-client"]').waitFor({ state: 'attached' });
    await fresh.evaluate(() => Object.assign(window, { sameDocument: true }));
    await fresh.locator('#comments > .comment-thread .comment__reply').first().click();
    await fresh.locator('#comment-form h3', { hasText: 'Reply to' }).waitFor();
    expect(fresh.url()).toContain('?replyTo=');
    expect(await fresh.evaluate(() => 'sameDocument' in window)).toBe(true);
    await fresh.close();
  });

  it('shows them without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${webUrl}/posts/${slug}`);
    expect(await noJs.locator('article.post > .prose').textContent()).toContain(body);
    expect(await noJs.locator('#comments > .comment-thread').textContent()).toContain(comment);
    await context.close();
  });
});

describe('client side', () => {
  it('hydrates the listing and a post without errors', async () => {
    const fresh = await browser.newPage();
    const errors: string[] = [];
    fresh.on('pageerror', (error) => errors.push(error.message));
    fresh.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await fresh.goto(webUrl);
    await fresh.waitForFunction(
      () => '__remixContext' in window && document.readyState === 'complete',
    );
    // A client-side navigation proves the app took over the server-rendered page.
    await fresh.locator('.post-list h2 a').first().click();
    await fresh.locator('section#comments').waitFor();
    expect(errors).toEqual([]);
    await fresh.close();
  });
});

describe('feeds and discovery', () => {
  it('follows the RSS link to a valid feed with items', async () => {
    await page.goto(webUrl);
    const href = await page.locator('header nav a', { hasText: 'RSS' }).getAttribute('href');
    const response = await page.request.get(new URL(href!, webUrl).href);
    expect(response.headers()['content-type']).toContain('application/rss+xml');
    const xml = await response.text();
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml');
      return {
        broken: doc.getElementsByTagName('parsererror').length > 0,
        items: doc.getElementsByTagName('item').length,
        firstLink: doc.querySelector('item > link')?.textContent,
      };
    }, xml);
    expect(parsed.broken).toBe(false);
    expect(parsed.items).toBeGreaterThan(0);
    expect(parsed.firstLink).toMatch(new RegExp(`^${webUrl}/posts/`));
  });

  it('has a feed per category that holds only that category', async () => {
    const xml = await (await fetch(`${webUrl}/category/rust/feed.xml`)).text();
    const rust = await apiGet<PostListing>('/api/posts?category=rust');
    expect(xml.match(/<item>/g)?.length).toBe(rust.items.length);
    expect(xml).toContain('<title>Inkwell: Rust</title>');
  });

  it('advertises RSS, Atom and JSON Feed for a filter, each with the filtered posts', async () => {
    await page.goto(`${webUrl}/?category=rust`);
    const alternates = await page
      .locator('head link[rel=alternate][href*="/category/rust/"]')
      .evaluateAll((links) =>
        links.map((link) => ({
          type: link.getAttribute('type')!,
          href: (link as HTMLLinkElement).href,
        })),
      );
    expect(alternates.map((link) => link.type)).toEqual([
      'application/rss+xml',
      'application/atom+xml',
      'application/feed+json',
    ]);
    const rust = await apiGet<PostListing>('/api/posts?category=rust');
    const expected = rust.items.map((post) => `${webUrl}/posts/${post.slug}`);
    for (const { type, href } of alternates) {
      const response = await page.request.get(href);
      expect(response.headers()['content-type'], href).toContain(type);
      const source = await response.text();
      const links =
        type === 'application/feed+json'
          ? (JSON.parse(source) as { items: { url: string }[] }).items.map((item) => item.url)
          : await page.evaluate((xml) => {
              const doc = new DOMParser().parseFromString(xml, 'application/xml');
              if (doc.getElementsByTagName('parsererror').length > 0) return ['broken'];
              return [...doc.querySelectorAll('item > link, entry > link')].map(
                (link) => link.getAttribute('href') ?? link.textContent ?? '',
              );
            }, source);
      expect(links, href).toEqual(expected);
    }
  });

  it('serves robots.txt and a sitemap naming every published post', async () => {
    expect(await (await fetch(`${webUrl}/robots.txt`)).text()).toContain(
      `Sitemap: ${webUrl}/sitemap.xml`,
    );
    const sitemap = await (await fetch(`${webUrl}/sitemap.xml`)).text();
    const { total } = await apiGet<PostListing>('/api/posts');
    expect(sitemap.match(/\/posts\//g)?.length).toBe(total);
  });

  it('serves built assets as immutable', async () => {
    await page.goto(webUrl);
    const href = await page.locator('link[rel=stylesheet]').first().getAttribute('href');
    const response = await fetch(new URL(href!, webUrl));
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});

describe('not found', () => {
  for (const path of [
    '/posts/no-such-post',
    '/?category=no-such-category',
    '/no/such/page',
    '/?page=99',
  ]) {
    it(`answers 404 with a search box for ${path}`, async () => {
      const response = await page.goto(`${webUrl}${path}`);
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Page not found');
      expect(await page.getByRole('search').getByLabel('Search posts').count()).toBeGreaterThan(0);
      expect(await page.title()).toBe('Page not found · Inkwell');
    });
  }
});

describe('search', () => {
  interface Search {
    total: { value: number; relation: 'eq' | 'gte' };
    hits: { title: string }[];
    terms: { correctedTo: string | null };
  }

  it('shows the API results with their matches marked', async () => {
    const expected = await apiGet<Search>('/api/search?q=replication');
    expect(expected.hits.length).toBeGreaterThan(0);
    await page.goto(webUrl);
    await page.locator('header input[name=q]').fill('replication');
    await page.locator('header input[name=q]').press('Enter');
    await page.waitForURL(`${webUrl}/search?q=replication`);
    await page.locator('#results-heading').waitFor();
    expect(await page.locator('#results-heading').textContent()).toBe(
      `${expected.total.value} ${expected.total.value === 1 ? 'result' : 'results'} for “replication”`,
    );
    expect(await page.locator('.search-results .post-list h3 a').allTextContents()).toEqual(
      expected.hits.map((hit) => hit.title),
    );
    expect(await page.locator('.search-results mark').count()).toBeGreaterThan(0);
  });

  it('says which word it searched for instead of a misspelt one', async () => {
    const expected = await apiGet<Search>('/api/search?q=djnago');
    expect(expected.terms.correctedTo).toBeTruthy();
    await page.goto(`${webUrl}/search?q=djnago`);
    expect(await page.locator('.search-results__corrected').textContent()).toBe(
      `Showing results for ${expected.terms.correctedTo} (you typed djnago).`,
    );
  });

  it('offers the closest spellings when nothing matched', async () => {
    const query = 'tokoi hydratoin bisekt';
    const expected = await apiGet<Search & { suggestions: string[] }>(
      `/api/search?q=${encodeURIComponent(query)}`,
    );
    expect(expected.total.value).toBe(0);
    expect(expected.suggestions).toContain('tokio hydration bisect');
    await page.goto(`${webUrl}/search?${new URLSearchParams({ q: query })}`);
    expect(await page.locator('.search-results__suggestions a').allTextContents()).toEqual(
      expected.suggestions,
    );
  });
});

describe('without JavaScript', () => {
  it('renders the listing, a filter and a post from the server alone', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    const listing = await apiGet<PostListing>('/api/posts');
    await noJs.goto(webUrl);
    expect(await postTitles(noJs)).toEqual(listing.items.map((post) => post.title));
    await noJs.getByRole('link', { name: 'Older' }).click();
    await noJs.waitForURL(`${webUrl}/?page=2`);
    await noJs.goto(`${webUrl}/?category=django`);
    expect(await noJs.locator('.filter-banner h1').textContent()).toBe('Posts in Django');
    await noJs.goto(`${webUrl}/posts/${listing.items[0]!.slug}`);
    expect(await noJs.locator('h1').textContent()).toBe(listing.items[0]!.title);
    await context.close();
  });
});
