import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  adminHeaders,
  apiGet,
  apiUrl,
  connectBrowser,
  type PostListing,
  sentMail,
  signInAsAdmin,
  webUrl,
} from './support.js';

/** Reply emails and their unsubscribe page; the spam filter's explanation in the queue. */

let browser: Browser;
let posts: PostListing['items'];

beforeAll(async () => {
  browser = await connectBrowser();
  posts = (await apiGet<PostListing>('/api/posts?pageSize=20')).items;
});

afterAll(async () => {
  await browser.close();
});

async function adminPost(path: string, body: unknown): Promise<Response> {
  const answer = await fetch(`${apiUrl}${path}`, {
    method: 'POST',
    headers: { ...(await adminHeaders()), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`POST ${path} answered ${answer.status}`);
  return answer;
}

/** A first comment (so held) straight to the API, from its own address; answers its id. */
async function heldComment(slug: string, email: string, body: string, ip: string) {
  const answer = await fetch(`${apiUrl}/api/posts/${slug}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({
      authorName: 'Learner',
      authorEmail: email,
      body,
      renderedAt: Date.now() - 60_000,
    }),
  });
  if (answer.status !== 201) throw new Error(`commenting answered ${answer.status}`);
  return ((await answer.json()) as { id: number }).id;
}

it('a reader who ticks the box gets reply emails, and the link stops them after a click', async () => {
  const post = posts[3]!;
  const email = `notify-${Date.now()}@example.org`;
  const context = await browser.newContext({
    extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.61' },
  });
  const page = await context.newPage();
  await page.goto(`${webUrl}/posts/${post.slug}`);
  const form = page.locator('#comment-form');
  await form.getByLabel('Name', { exact: true }).fill('Nora');
  await form.getByLabel('Email', { exact: true }).fill(email);
  await form.getByLabel('Comment', { exact: true }).fill('Does this work with replicas?');
  await form.getByLabel('Email me when someone replies').check();
  await form.getByRole('button', { name: 'Post comment' }).click();
  await page.getByText('Your comment awaits moderation').waitFor();

  const queue = await fetch(`${apiUrl}/api/admin/comments?post=${post.id}`, {
    headers: await adminHeaders(),
  });
  const { items } = (await queue.json()) as { items: { id: number; authorEmail: string }[] };
  const mine = items.find((item) => item.authorEmail === email)!;
  await adminPost(`/api/admin/comments/${mine.id}/reply`, { body: 'Yes, it does.' });

  const mail = await sentMail((m) => m.to.includes(email));
  expect(mail.subject).toContain(`replied to your comment on "${post.title}"`);
  const link = new URL(/^<(.+)>$/.exec(mail.headers.get('list-unsubscribe') ?? '')![1]!);
  expect(link.pathname).toBe('/unsubscribe');
  const unsubscribeUrl = `${webUrl}/unsubscribe${link.search}`;

  // Opening the link (as a mail scanner would) changes nothing.
  await page.goto(unsubscribeUrl);
  await page.getByRole('heading', { name: 'Stop reply emails' }).waitFor();
  await page
    .getByText(`You get an email when someone replies to your comment on “${post.title}”.`)
    .waitFor();
  await page.getByRole('button', { name: 'Stop emails about replies to my comments' }).click();
  await page.getByText('Done: you will get no more emails about replies').waitFor();
  const token = link.searchParams.get('token')!;
  expect(await apiGet(`/api/unsubscribe?token=${encodeURIComponent(token)}`)).toEqual({
    postTitle: post.title,
    subscribed: false,
  });

  // A mail client's one-click POST (RFC 8058) to the same address answers without a session.
  const oneClick = await fetch(unsubscribeUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  expect(oneClick.status).toBe(200);

  await page.goto(`${webUrl}/unsubscribe?token=${encodeURIComponent(`${mine.id}.forged`)}`);
  await page.getByText('This unsubscribe link is not a valid unsubscribe link.').waitFor();
  await context.close();
});

it('the moderation queue shows the learned spam score with the words raising it', async () => {
  const slug = posts[4]!.slug;
  const stamp = Date.now();
  const spam = (i: number) => `Zyxcheap rolexreplica ${i} https://fakewatches${i % 2}.example/buy`;
  const ham = (i: number) => `Quorumwrites heartbeatlag ${i} explained clearly`;
  const ids = { spam: [] as number[], ham: [] as number[] };
  for (let i = 0; i < 10; i += 1) {
    const ip = `192.0.2.${150 + Math.floor(i / 2)}`;
    ids.spam.push(await heldComment(slug, `s${i}-${stamp}@example.org`, spam(i), ip));
    ids.ham.push(await heldComment(slug, `h${i}-${stamp}@example.org`, ham(i), ip));
  }
  await adminPost('/api/admin/comments/bulk', { action: 'spam', ids: ids.spam });
  await adminPost('/api/admin/comments/bulk', { action: 'approve', ids: ids.ham });
  const suspect = `Zyxcheap rolexreplica deals ${stamp} https://fakewatches1.example/buy`;
  await heldComment(slug, `suspect-${stamp}@example.org`, suspect, '192.0.2.170');

  const page = await signInAsAdmin(browser);
  await page.goto(`${webUrl}/admin/comments`);
  await expect
    .poll(() => page.locator('#spam-filter-status').textContent())
    .toMatch(/^Spam filter: on, learned from \d+ spam comments/);
  const item = page.locator('.queue-item', { hasText: `deals ${stamp}` });
  const explanation = await item.locator('.spam-score').textContent();
  expect(explanation).toMatch(/^Spam score (9\d|100)%: raised by /);
  expect(explanation).toContain('“zyxcheap”');
  expect(explanation).toContain('a link to fakewatches1.example');

  await item.getByRole('button', { name: 'Spam', exact: true }).click();
  await page
    .getByRole('form', { name: 'Confirm' })
    .getByRole('button', { name: 'Delete as spam' })
    .click();
  await page.getByText('Comment deleted as spam; the spam filter learned from it.').waitFor();
  // With JavaScript the queue is read again just after the message shows.
  await item.waitFor({ state: 'detached' });
  await page.context().close();
});
