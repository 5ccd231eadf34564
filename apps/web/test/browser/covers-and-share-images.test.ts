import sharp from 'sharp';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { adminHeaders, apiUrl, connectBrowser, webUrl } from './support.js';

/*
 * An author picks a cover for a post in the editor (uploading it there); readers see it above
 * the post, and a shared link shows it. A post without one is shared with a picture of its title.
 */

const admin = inject('admin');
const stamp = Date.now();
const withCover = { title: `Harbour at dawn ${stamp}`, slug: `harbour-at-dawn-${stamp}` };
const withoutCover = {
  title: `Notes without a picture ${stamp}`,
  slug: `notes-without-a-picture-${stamp}`,
};
const createdIds: number[] = [];

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await connectBrowser();
  page = await (await browser.newContext()).newPage();
  await page.goto(`${webUrl}/admin/login`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/admin\/posts/);
});

afterAll(async () => {
  // The other files see the seeded content only.
  const auth = await adminHeaders();
  for (const id of createdIds) {
    await fetch(`${apiUrl}/api/admin/posts/${id}`, { method: 'DELETE', headers: auth });
  }
  await browser.close();
});

/** Publishes the editor's post now; remembers its id to delete it afterwards. */
async function publish(): Promise<void> {
  await page.getByRole('button', { name: 'Publish now' }).click();
  await page.waitForURL(/\/admin\/posts\/\d+/);
  createdIds.push(Number(/\/admin\/posts\/(\d+)/.exec(page.url())![1]));
}

const meta = (property: string) =>
  page.locator(`meta[property="${property}"], meta[name="${property}"]`).getAttribute('content');

it('shows the cover chosen in the editor above the post, and shares it', async () => {
  await page.goto(`${webUrl}/admin/posts/new`);
  await page.getByLabel('Title', { exact: true }).fill(withCover.title);
  const photo = await sharp({
    create: { width: 1600, height: 900, channels: 3, background: { r: 30, g: 110, b: 160 } },
  })
    .jpeg()
    .toBuffer();
  await page
    .getByLabel('Upload an image')
    .setInputFiles({ name: `harbour-${stamp}.jpg`, mimeType: 'image/jpeg', buffer: photo });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await page.getByRole('radio', { name: `harbour-${stamp}.jpg` }).check();
  await page.getByLabel('Cover description (alt text)').fill('Boats in a misty harbour');
  await publish();

  await page.goto(`${webUrl}/posts/${withCover.slug}`);
  const cover = page.locator('.post__cover img');
  expect(await cover.getAttribute('alt')).toBe('Boats in a misty harbour');
  // The original's size, so the page keeps the picture's place before it loads.
  expect([await cover.getAttribute('width'), await cover.getAttribute('height')]).toEqual([
    '1600',
    '900',
  ]);
  await expect
    .poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);

  const image = await meta('og:image');
  expect(image).toMatch(new RegExp(`^${webUrl}/images/[0-9a-f]{64}/1280\\.jpg$`));
  const post = page.url();
  expect(await meta('twitter:card')).toBe('summary_large_image');
  expect(await meta('og:url')).toMatch(new RegExp(`/posts/${withCover.slug}$`));
  expect(await meta('og:title')).toBe(withCover.title);
  const shared = await fetch(image!);
  expect([shared.status, shared.headers.get('content-type')]).toEqual([200, 'image/jpeg']);

  // The listing shows it small beside the title (decorative there: the title says it all).
  await page.goto(`${webUrl}/`);
  const thumbnail = page.locator(
    `.post-card:has(a[href="${new URL(post).pathname}"]) .post-card__cover img`,
  );
  expect(await thumbnail.getAttribute('alt')).toBe('');
  await thumbnail.scrollIntoViewIfNeeded();
  await expect
    .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
});

it('shares a post without a cover with a PNG drawn from its title', async () => {
  await page.goto(`${webUrl}/admin/posts/new`);
  await page.getByLabel('Title', { exact: true }).fill(withoutCover.title);
  await publish();

  await page.goto(`${webUrl}/posts/${withoutCover.slug}`);
  expect(await page.locator('.post__cover').count()).toBe(0);
  const image = await meta('og:image');
  expect(image).toMatch(
    new RegExp(`^${webUrl}/images/og/${withoutCover.slug}/[0-9a-f]{16}\\.png$`),
  );
  expect(await meta('og:image:width')).toBe('1200');
  expect(await meta('twitter:card')).toBe('summary_large_image');
  const shared = await fetch(image!);
  expect(shared.status).toBe(200);
  expect(shared.headers.get('content-type')).toBe('image/png');
  expect(shared.headers.get('cache-control')).toContain('immutable');
});

it("gives feed readers a post's cover in every feed format, at an absolute URL", async () => {
  const rss = await (await fetch(`${webUrl}/feed.xml`)).text();
  const item = (title: string) => rss.split('<item>').find((part) => part.includes(title)) ?? '';
  const enclosure = new RegExp(
    `<enclosure url="(${webUrl}/images/[0-9a-f]{64}/1280\\.jpg)" length="0" type="image/jpeg"/>`,
  ).exec(item(withCover.title));
  expect(enclosure).not.toBeNull();
  expect(item(withoutCover.title)).not.toContain('<enclosure');
  const url = enclosure![1]!;
  const served = await fetch(url);
  expect([served.status, served.headers.get('content-type')]).toEqual([200, 'image/jpeg']);

  const atom = await (await fetch(`${webUrl}/feed.atom`)).text();
  const entry = atom.split('<entry>').find((part) => part.includes(withCover.title));
  expect(entry).toContain(`<link rel="enclosure" type="image/jpeg" href="${url}"/>`);

  const json = (await (await fetch(`${webUrl}/feed.json`)).json()) as {
    items: Array<{ title: string; image?: string; banner_image?: string }>;
  };
  expect(json.items.find((entry) => entry.title === withCover.title)).toMatchObject({
    image: url,
    banner_image: url,
  });
});
