/*
 * Screenshots of the main pages into docs/screenshots/ (light mode, 1280 px wide, plus a
 * phone-width home page and post): listings, a post and its comments, search, a static page, an
 * author page, a held comment and the page a reply email's unsubscribe link opens. Not part of
 * the test run: `npm run screenshots -w @inkwell/web`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startMailServer } from '@inkwell/test-stack/mail';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './chromium.js';
import { buildWeb, startStack } from './stack.js';

const outDir = path.resolve(import.meta.dirname, '../../../docs/screenshots');
const MAX_HEIGHT = 2400;

/** Makes the posts parts 1, 2… of a new series through the admin API, as an author would. */
async function putInSeries(
  apiUrl: string,
  admin: { email: string; password: string },
  name: string,
  postIds: number[],
): Promise<void> {
  const login = await fetch(`${apiUrl}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  const { token, csrfToken } = (await login.json()) as { token: string; csrfToken: string };
  const headers = {
    authorization: `Bearer ${token}`,
    'x-csrf-token': csrfToken,
    'content-type': 'application/json',
  };
  const series = await fetch(`${apiUrl}/api/admin/series`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name }),
  });
  const { slug } = (await series.json()) as { slug: string };
  for (const [index, id] of postIds.entries()) {
    const post = await fetch(`${apiUrl}/api/admin/posts/${id}`, { headers });
    const { version } = (await post.json()) as { version: number };
    const saved = await fetch(`${apiUrl}/api/admin/posts/${id}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ version, series: { slug, part: index + 1 } }),
    });
    if (!saved.ok) throw new Error(`putting post ${id} in a series answered ${saved.status}`);
  }
}

await buildWeb();
// The reply email's unsubscribe link is shot too: the API mails this process.
const mail = await startMailServer();
const stack = await startStack({ apiEnv: { SMTP_URL: mail.url, SMTP_FROM: 'blog@example.org' } });
const browser = await chromium.launch(CHROMIUM);
try {
  await mkdir(outDir, { recursive: true });
  const posts = (await (await fetch(`${stack.apiUrl}/api/posts?category=postgresql`)).json()) as {
    items: { id: number; slug: string; commentCount: number }[];
  };
  // The post page shown is the second part of a series: its page shows the series box.
  await putInSeries(stack.apiUrl, stack.admin, 'PostgreSQL in production', [
    posts.items[1]!.id,
    posts.items[0]!.id,
  ]);
  // A static page and an author page need content the demo has not: written as an admin would.
  const { token, csrfToken } = (await (
    await fetch(`${stack.apiUrl}/api/admin/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(stack.admin),
    })
  ).json()) as { token: string; csrfToken: string };
  const admin = async (method: string, url: string, body: unknown) =>
    (await (
      await fetch(`${stack.apiUrl}${url}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          'x-csrf-token': csrfToken,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      })
    ).json()) as { id: number; version: number; slug: string };
  const publish = async (fields: Record<string, unknown>) => {
    const draft = await admin('POST', '/api/admin/posts', fields);
    await admin('POST', `/api/admin/posts/${draft.id}/publish`, { version: draft.version });
  };
  const profile = await admin('PATCH', '/api/admin/account', {
    bio: 'Writes about databases, search and the web. Runs this blog on *Inkwell*.',
  });
  await publish({
    kind: 'page',
    slug: 'about',
    title: 'About',
    body: 'Notes on software, databases and the web.\n\n## Colophon\n\nWritten in Markdown.',
  });
  await publish({ title: 'Hello from the author', summary: 'A first post with a byline.' });
  const shots = [
    { name: 'home', path: '/', width: 1280 },
    { name: 'home-filtered', path: '/?category=postgresql', width: 1280 },
    { name: 'post', path: `/posts/${posts.items[0]!.slug}`, width: 1280 },
    { name: 'search', path: '/search?q=replication', width: 1280 },
    { name: 'page', path: '/about', width: 1280 },
    { name: 'author', path: `/authors/${profile.slug}`, width: 1280 },
    { name: 'home-phone', path: '/', width: 390 },
    { name: 'post-phone', path: `/posts/${posts.items[0]!.slug}`, width: 390 },
  ];
  for (const shot of shots) {
    const page = await browser.newPage({
      viewport: { width: shot.width, height: 900 },
      colorScheme: 'light',
      deviceScaleFactor: 1,
    });
    await page.goto(`${stack.webUrl}${shot.path}`);
    const height = Math.min(
      MAX_HEIGHT,
      await page.evaluate(() => document.documentElement.scrollHeight),
    );
    const file = path.join(outDir, `${shot.name}.png`);
    await page.screenshot({
      path: file,
      fullPage: true,
      clip: { x: 0, y: 0, width: shot.width, height },
    });
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
    await page.close();
  }
  // The comment thread and form of the most discussed post, on their own.
  const discussed = [...posts.items].sort((a, b) => b.commentCount - a.commentCount)[0]!;
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
  });
  await page.goto(`${stack.webUrl}/posts/${discussed.slug}`);
  const file = path.join(outDir, 'post-comments.png');
  await page.locator('#comments').screenshot({ path: file });
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  // The picture a shared link to the first post shows (the demo posts have no cover: drawn).
  const detail = (await (
    await fetch(`${stack.apiUrl}/api/posts/${posts.items[0]!.slug}`)
  ).json()) as { shareImage: { url: string } };
  const shareImage = await fetch(`${stack.apiUrl}${detail.shareImage.url}`);
  const shareFile = path.join(outDir, 'share-image.png');
  await writeFile(shareFile, Buffer.from(await shareImage.arrayBuffer()));
  console.log(`wrote ${path.relative(process.cwd(), shareFile)}`);

  // A reader's own comment held for moderation, as only they see it.
  const form = page.locator('#comment-form');
  await form.getByLabel('Name', { exact: true }).fill('Grace');
  await form.getByLabel('Email', { exact: true }).fill('grace@example.org');
  await form.getByLabel('Comment', { exact: true }).fill('Does this hold for partitioned tables?');
  await form.getByLabel('Email me when someone replies').check();
  await page.getByRole('button', { name: 'Post comment' }).click();
  const held = page.locator('.held-comments');
  await held.waitFor();
  const heldFile = path.join(outDir, 'post-held-comment.png');
  await held.screenshot({ path: heldFile });
  console.log(`wrote ${path.relative(process.cwd(), heldFile)}`);

  // The page the reply email's unsubscribe link opens, once the author has replied.
  const queue = (await admin('GET', `/api/admin/comments?post=${discussed.id}`, undefined)) as {
    items?: { id: number; authorEmail: string }[];
  };
  const grace = queue.items!.find((item) => item.authorEmail === 'grace@example.org')!;
  await admin('POST', `/api/admin/comments/${grace.id}/reply`, { body: 'Yes, it does.' });
  const reply = await mail.next((sent) => sent.to.includes('grace@example.org'));
  const link = new URL(/^<(.+)>$/.exec(reply.headers.get('list-unsubscribe') ?? '')![1]!);
  await page.goto(`${stack.webUrl}/unsubscribe${link.search}`);
  const unsubscribeFile = path.join(outDir, 'unsubscribe.png');
  await page.screenshot({ path: unsubscribeFile });
  console.log(`wrote ${path.relative(process.cwd(), unsubscribeFile)}`);
} finally {
  await browser.close();
  await stack.stop();
  await mail.close();
}
