import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  apiGet,
  connectBrowser,
  type PostListing,
  seriousA11yViolations,
  webUrl,
} from './support.js';

let browser: Browser;
let paths: string[];

beforeAll(async () => {
  browser = await connectBrowser();
  const listing = await apiGet<PostListing>('/api/posts');
  // Other files publish posts of their own, some without a category.
  const filed = listing.items.find((post) => post.categories.length > 0)!;
  paths = [
    '/',
    `/?category=${filed.categories[0]!.slug}`,
    `/posts/${listing.items[0]!.slug}`,
    '/search?q=postgresql',
    '/no/such/page',
  ];
});

afterAll(async () => {
  await browser.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  it(`has no serious or critical axe violations in ${colorScheme} mode`, async () => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    const report: Record<string, unknown> = {};
    for (const path of paths) {
      await page.goto(`${webUrl}${path}`);
      const violations = await seriousA11yViolations(page);
      if (violations.length > 0) report[path] = violations;
    }
    await context.close();
    expect(report).toEqual({});
  });
}

it('shows a visible focus ring on keyboard focus', async () => {
  const page = await browser.newPage();
  await page.goto(webUrl);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
  const outline = await skip.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).toBe('solid');
  await page.close();
});
