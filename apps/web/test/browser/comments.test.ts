import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiGet,
  approvePendingComments,
  connectBrowser,
  type PostListing,
  webUrl,
} from './support.js';

interface Detail {
  post: { slug: string };
  comments: { id: number; authorName: string }[];
}

let browser: Browser;
let slug: string;
let commented: Detail;

beforeAll(async () => {
  browser = await connectBrowser();
  const listing = await apiGet<PostListing>('/api/posts?pageSize=50');
  // The newest of the blog's own posts: the newest of all may be one another file publishes
  // and then deletes or renames while this one runs.
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  slug = listing.items.find((item) => Date.parse(item.publishedAt) < dayAgo)!.slug;
  // A post that already has approved comments, for the reply link.
  for (const post of listing.items.filter((item) => item.commentCount > 0)) {
    const detail = await apiGet<Detail>(`/api/posts/${post.slug}`);
    if (detail.comments.length > 0) {
      commented = detail;
      break;
    }
  }
});

afterAll(async () => {
  await browser.close();
});

const field = (page: Page, label: 'Name' | 'Email' | 'Comment') =>
  page.locator('#comment-form').getByLabel(label, { exact: true });

/**
 * Opens a post page and, with JavaScript on, waits until it is hydrated (its live comments then
 * load their client): a form sent while the page hydrates can be lost.
 */
async function openPost(page: Page, postSlug: string, javaScriptEnabled: boolean): Promise<void> {
  await page.goto(`${webUrl}/posts/${postSlug}`);
  if (javaScriptEnabled) {
    await page.locator('script[src*="faye-client"]').waitFor({ state: 'attached' });
  }
}

async function fillComment(page: Page, values: { name: string; email: string; body: string }) {
  await field(page, 'Name').fill(values.name);
  await field(page, 'Email').fill(values.email);
  await field(page, 'Comment').fill(values.body);
  await page.getByRole('button', { name: 'Post comment' }).click();
}

for (const javaScriptEnabled of [false, true]) {
  describe(`commenting with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      // Its own visitor address (the servers trust loopback proxies), so the API's per-address
      // comment limit counts this group's comments alone.
      context = await browser.newContext({
        javaScriptEnabled,
        extraHTTPHeaders: {
          'x-forwarded-for': javaScriptEnabled ? '198.51.100.1' : '198.51.100.2',
        },
      });
      page = await context.newPage();
    });

    afterAll(async () => {
      await context.close();
    });

    it('shows field errors inline and keeps what was typed', async () => {
      await openPost(page, slug, javaScriptEnabled);
      await fillComment(page, { name: 'Ada Lovelace', email: 'ada@example.org', body: 'x' });
      await page.locator('.field__error').first().waitFor();

      const body = field(page, 'Comment');
      expect(await body.getAttribute('aria-invalid')).toBe('true');
      const errorId = (await body.getAttribute('aria-describedby'))!
        .split(' ')
        .find((id) => id.endsWith('-error'))!;
      expect(await page.locator(`[id="${errorId}"]`).textContent()).toMatch(/\S/);
      expect(await field(page, 'Name').inputValue()).toBe('Ada Lovelace');
      expect(await field(page, 'Email').inputValue()).toBe('ada@example.org');
      expect(await body.inputValue()).toBe('x');
      expect(await field(page, 'Name').getAttribute('aria-invalid')).toBeNull();
    });

    it('then posts and says the comment awaits moderation', async () => {
      await fillComment(page, {
        name: 'Ada Lovelace',
        email: 'ada@example.org',
        body: `A thoughtful comment (JavaScript ${javaScriptEnabled ? 'on' : 'off'}).`,
      });
      await page.waitForURL(`${webUrl}/posts/${slug}?comment=pending#comments`);
      // With JavaScript the URL changes a moment before React commits the new page.
      await page.getByRole('status').filter({ hasText: 'awaits moderation' }).waitFor();
      expect(await field(page, 'Comment').inputValue()).toBe('');
    });

    it('shows its writer the held comment, marked awaiting moderation, to them alone', async () => {
      const text = `A thoughtful comment (JavaScript ${javaScriptEnabled ? 'on' : 'off'}).`;
      const held = page.locator('.comment--held', { hasText: text });
      await held.waitFor();
      expect(await held.locator('.comment__held').textContent()).toBe('awaiting moderation');
      const [cookie] = (await context.cookies(`${webUrl}/posts/${slug}`)).filter(
        (c) => c.name === 'inkwell_held_comments',
      );
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/posts' });

      // Opened again later: still shown to this browser, in a page no cache may share.
      const again = await page.goto(`${webUrl}/posts/${slug}`);
      expect(again!.headers()['cache-control']).toBe('private, no-store');
      expect(await held.count()).toBe(1);
      // Another reader sees a public page without it.
      const other = await fetch(`${webUrl}/posts/${slug}`);
      expect(other.headers.get('cache-control')).toMatch(/^public/);
      expect(await other.text()).not.toContain(text);
    });

    it('replies through ?replyTo= with the parent in the form', async () => {
      const parent = commented.comments[0]!;
      await openPost(page, commented.post.slug, javaScriptEnabled);
      await page
        .getByRole('link', { name: `Reply to ${parent.authorName}` })
        .first()
        .click();
      await page.waitForURL(
        `${webUrl}/posts/${commented.post.slug}?replyTo=${parent.id}#comment-form`,
      );
      await page.locator('#comment-form h3', { hasText: 'Reply to' }).waitFor();
      expect(await page.locator('#comment-form h3').textContent()).toBe(
        `Reply to ${parent.authorName}`,
      );
      expect(await page.locator('#comment-form input[name=parentId]').inputValue()).toBe(
        String(parent.id),
      );
      await fillComment(page, {
        name: 'Grace',
        email: 'grace@example.org',
        body: 'A reply in the thread.',
      });
      await page.waitForURL(`${webUrl}/posts/${commented.post.slug}?comment=pending#comments`);
      await page.getByRole('status').filter({ hasText: 'awaits moderation' }).waitFor();
    });
  });
}

describe('hostile input', () => {
  const payloads = [
    '<script>window.__xss = (window.__xss || 0) + 1</script>',
    '<img src=x onerror="window.__xss = (window.__xss || 0) + 1">',
    '[click me](javascript:window.__xss=1)',
    '<a href="javascript:window.__xss=1">click me</a>',
    '<svg onload="window.__xss=1"><script>window.__xss=1</script></svg>',
    '"><script>window.__xss=1</script>',
    "</textarea><img src=x onerror='window.__xss=1'>",
  ];

  // One visitor for the whole group; a dialog would mean a payload ran.
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  beforeAll(async () => {
    context = await browser.newContext();
    context.on('page', (opened) =>
      opened.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      }),
    );
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  it.each(payloads.map((payload, index) => [index, payload] as const))(
    'payload %i typed into the comment form is echoed back inert, and held for moderation',
    async (index, payload) => {
      await page.setExtraHTTPHeaders({ 'x-forwarded-for': `198.51.100.${10 + index}` });
      await page.goto(`${webUrl}/posts/${slug}`);
      // An invalid email makes the API refuse, so the page echoes the payload back. The
      // browser's own check of type=email is switched off so the request reaches the server.
      await page
        .locator('#comment-form')
        .evaluate((form) => ((form as HTMLFormElement).noValidate = true));
      await fillComment(page, { name: payload, email: 'not-an-email', body: payload });
      await page.locator('.field__error').first().waitFor();
      expect(await field(page, 'Name').inputValue()).toBe(payload);
      expect(await field(page, 'Comment').inputValue()).toBe(payload);
      await assertInert(page);

      // Accepted: the comment goes to moderation and the page after it is clean too. Typed into
      // a fresh form: on a loaded machine the echoed form was seen to post its echo again, the
      // typed values lost (a remount after the first one, not reproduced by a person's speed).
      await page.goto(`${webUrl}/posts/${slug}`);
      await fillComment(page, { name: 'Mallory', email: 'mallory@example.org', body: payload });
      await page.waitForURL(/comment=pending/, { timeout: 15_000 }).catch(async (error: Error) => {
        // Say where the form went instead, and what the page told the reader.
        const shown = await page
          .locator('#comment-form, [role=status], [role=alert]')
          .allInnerTexts();
        throw new Error(`${error.message}\nat ${page.url()}: ${shown.join(' | ')}`);
      });
      await page.getByRole('status').filter({ hasText: 'awaits moderation' }).waitFor();
      await assertInert(page);
      expect(dialogs).toEqual([]);
    },
  );

  it('approved by a moderator, the payloads are shown as the API rendered them: still inert', async () => {
    const postId = (await apiGet<{ post: { id: number } }>(`/api/posts/${slug}`)).post.id;
    expect((await approvePendingComments(postId)).length).toBeGreaterThanOrEqual(payloads.length);
    await approvedCommentsVisible(slug, 'Mallory', payloads.length);
    // A fresh page, as another reader would open it.
    const reader = await context.newPage();
    await reader.goto(`${webUrl}/posts/${slug}?approved`);
    const shown = reader.locator('.comment__header strong', { hasText: /^Mallory$/ });
    expect(await shown.count()).toBe(payloads.length);
    await assertInert(reader);
    await reader.close();
    expect(dialogs).toEqual([]);
  });

  it('the search page echoes each payload into its heading and both search boxes, inert', async () => {
    for (const payload of payloads) {
      await page.goto(`${webUrl}/search?q=${encodeURIComponent(payload)}`);
      expect(await page.locator('#search-page-query').inputValue()).toBe(payload);
      await assertInert(page);
    }
    expect(dialogs).toEqual([]);
  });
});

/**
 * The API drops its cached post page after the approval is saved, a moment after answering:
 * wait (bounded) until it lists the approved comments.
 */
async function approvedCommentsVisible(postSlug: string, author: string, count: number) {
  const countShown = async () => {
    const detail = await apiGet<{ comments: { authorName: string }[] }>(`/api/posts/${postSlug}`);
    return detail.comments.filter((comment) => comment.authorName === author).length;
  };
  for (let attempt = 0; attempt < 150 && (await countShown()) < count; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await countShown()).toBe(count);
}

/** No payload ran, and none of its markup became elements in the page. */
async function assertInert(page: Page) {
  const found = await page.evaluate(() => ({
    executed: (window as unknown as { __xss?: number }).__xss ?? 0,
    // Remix's own data script may carry a payload as escaped JSON; a payload's script would
    // start with its code.
    injectedScripts: [...document.scripts].filter((script) =>
      /^\s*window\.__xss/.test(script.textContent ?? ''),
    ).length,
    handlers: document.querySelectorAll('[onerror], [onload]').length,
    javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
    svgs: document.querySelectorAll('main svg').length,
    imgs: document.querySelectorAll('main img[src="x"]').length,
  }));
  expect(found).toEqual({
    executed: 0,
    injectedScripts: 0,
    handlers: 0,
    javascriptLinks: 0,
    svgs: 0,
    imgs: 0,
  });
}
