import { type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, connectBrowser, type PostListing, publishComment, webUrl } from './support.js';

type PostRef = { id: number; slug: string };

let browser: Browser;
/** The post whose comments change, and one left alone. */
let watched: PostRef;
let untouched: PostRef;

beforeAll(async () => {
  browser = await connectBrowser();
  const { items } = await apiGet<PostListing>('/api/posts?pageSize=50');
  // Not the first post (other files comment on it) nor the last (old-slugs renames it).
  [watched, untouched] = [items[1]!, items[2]!];
});

afterAll(async () => {
  await browser.close();
});

/** Resolves once the page's Bayeux client is subscribed to `channel`, over HTTP or websocket. */
function subscribed(page: Page, channel: string): Promise<void> {
  return new Promise((resolve) => {
    const check = (payload: string) => {
      let messages: unknown;
      try {
        messages = JSON.parse(payload);
      } catch {
        return; // Not a Bayeux JSON reply.
      }
      const replies = Array.isArray(messages) ? (messages as Record<string, unknown>[]) : [];
      const ok = replies.some(
        (reply) =>
          reply.channel === '/meta/subscribe' &&
          reply.successful === true &&
          reply.subscription === channel,
      );
      if (ok) resolve();
    };
    page.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => check(String(payload))),
    );
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/realtime') {
        response.text().then(check, () => undefined);
      }
    });
  });
}

/** Every Remix data response (`<path>.data`) the page receives from now on. */
function dataResponses(page: Page): Response[] {
  const seen: Response[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.endsWith('.data')) seen.push(response);
  });
  return seen;
}

/** Whether the comment form's text area is on screen (the reader was not scrolled away). */
const textareaInView = (page: Page) =>
  page.evaluate(() => {
    const box = document.getElementById('comment-body')!.getBoundingClientRect();
    return window.scrollY > 0 && box.bottom > 0 && box.top < window.innerHeight;
  });

const arrived = (page: Page, commentId: number) =>
  page.locator(`#comment-${commentId} > article.comment--new`);

describe('live comments', () => {
  let context: BrowserContext;

  beforeAll(async () => {
    context = await browser.newContext({
      extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.60' },
    });
  });

  afterAll(async () => {
    await context.close();
  });

  it('shows a new comment in every open page of the post, highlighted, without a reload', async () => {
    const [reader, other, elsewhere] = await Promise.all([
      context.newPage(),
      context.newPage(),
      context.newPage(),
    ]);
    const live = [
      subscribed(reader, `/comments/${watched.id}`),
      subscribed(other, `/comments/${watched.id}`),
      subscribed(elsewhere, `/comments/${untouched.id}`),
    ];
    await reader.goto(`${webUrl}/posts/${watched.slug}`);
    await other.goto(`${webUrl}/posts/${watched.slug}`);
    await elsewhere.goto(`${webUrl}/posts/${untouched.slug}`);
    await Promise.all(live);

    // The Faye client came from the site's hashed bundle, with its SRI hash.
    const clientScript = reader.locator('script[src^="/bundles/faye-client."]');
    expect(await clientScript.getAttribute('integrity')).toMatch(/^sha384-/);

    // A reader half-way through a comment of their own.
    const form = reader.locator('#comment-form');
    await form.getByLabel('Name', { exact: true }).fill('Half Typed');
    await form.getByLabel('Comment', { exact: true }).fill('I was just about to say');
    const renderedAt = await form.locator('input[name=renderedAt]').inputValue();
    expect(await textareaInView(reader)).toBe(true);
    const headingBefore = await reader.locator('#comments-heading').textContent();
    const countBefore = Number.parseInt(headingBefore ?? '', 10);

    const readerData = dataResponses(reader);
    const elsewhereData = dataResponses(elsewhere);
    const reloads: string[] = [];
    reader.on('load', () => reloads.push(reader.url()));

    const first = await publishComment(
      watched,
      { authorName: 'Live Reader', body: 'Arrived while you were reading.' },
      '198.51.100.61',
    );
    await arrived(reader, first).waitFor();
    await arrived(other, first).waitFor();

    expect(reloads).toEqual([]);
    expect(await reader.locator('#comments-heading').textContent()).toBe(
      `${countBefore + 1} comments`,
    );
    // One hint, one refetch, never served from a cache.
    expect(readerData).toHaveLength(1);
    expect(readerData[0]!.headers()['cache-control']).toBe('private, no-store');

    // What the reader typed, where they were and their form's start time are all kept.
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('Half Typed');
    expect(await form.getByLabel('Comment', { exact: true }).inputValue()).toBe(
      'I was just about to say',
    );
    expect(await form.locator('input[name=renderedAt]').inputValue()).toBe(renderedAt);
    expect(await reader.evaluate(() => document.activeElement?.id)).toBe('comment-body');
    expect(await textareaInView(reader)).toBe(true);

    // Within the page's max-age, a second comment still arrives: the refetch is not cached.
    const second = await publishComment(
      watched,
      { authorName: 'Live Reader', body: 'And one more thought.' },
      '198.51.100.61',
    );
    await arrived(reader, second).waitFor();
    expect(await reader.locator(`#comment-${first} > article`).getAttribute('class')).toBe(
      'comment',
    );

    // The page on another post heard nothing and fetched nothing.
    await elsewhere.waitForTimeout(1_000);
    expect(elsewhereData).toHaveLength(0);
  });

  it('loads nothing live on pages without a comment section', async () => {
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${webUrl}/`, { waitUntil: 'networkidle' });
    await page.goto(`${webUrl}/no-such-page`, { waitUntil: 'networkidle' });

    expect(requested).toContain('/');
    expect(requested.filter((path) => path.startsWith('/realtime'))).toEqual([]);
    expect(requested.filter((path) => path.startsWith('/bundles/faye-client'))).toEqual([]);
    await page.close();
  });

  it('polls every 5 s when the realtime connection is unavailable', async () => {
    const blocked = await browser.newContext({
      extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.62' },
    });
    await blocked.route(/\/realtime(\/|\?|$)/, (route) => route.abort());
    const page = await blocked.newPage();
    // The page's timers run on a test clock: five seconds pass when the test says so.
    await page.clock.install();
    await page.goto(`${webUrl}/posts/${watched.slug}`);
    // The watch has started once it asked for the Faye client.
    await page.locator('script[src^="/bundles/faye-client."]').waitFor({ state: 'attached' });

    const id = await publishComment(
      watched,
      { authorName: 'Polled Reader', body: 'Found by the fallback poll.' },
      '198.51.100.63',
    );
    await page.clock.runFor(5_000);
    await arrived(page, id).waitFor();
    await blocked.close();
  });
});
