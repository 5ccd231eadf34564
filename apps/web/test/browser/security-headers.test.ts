import { type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import {
  adminHeaders,
  apiGet,
  apiUrl,
  connectBrowser,
  type PostListing,
  webUrl,
} from './support.js';

/*
 * Every kind of answer carries the security headers (docs/security.md), and the pages still
 * work with JavaScript under the Content-Security-Policy: no violation, no console error.
 */

let browser: Browser;
let postSlug: string;
let imagePath: string;

beforeAll(async () => {
  browser = await connectBrowser();
  const listing = await apiGet<PostListing>('/api/posts?page=1');
  postSlug = listing.items[0]!.slug;
  const png = await sharp({
    create: { width: 64, height: 48, channels: 3, background: '#aa3366' },
  })
    .png()
    .toBuffer();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'headers.png');
  const upload = await fetch(`${apiUrl}/api/admin/images`, {
    method: 'POST',
    headers: await adminHeaders(),
    body: form,
  });
  const { urls } = (await upload.json()) as { urls: Record<string, string> };
  imagePath = urls['320']!;
});

afterAll(async () => {
  await browser.close();
});

function expectSiteHeaders(headers: Headers, what: string): void {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, what).toMatch(/(^|;)\s*default-src 'self'/);
  expect(csp, what).toMatch(/script-src 'self' 'nonce-[\w+/=]{20,}'/);
  expect(csp, what).toMatch(/object-src 'none'/);
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(headers.get('permissions-policy'), what).toContain('camera=()');
  // Served over plain http: no HSTS.
  expect(headers.get('strict-transport-security'), what).toBeNull();
}

function expectApiHeaders(headers: Headers, what: string): void {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, what).toContain("default-src 'none'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(headers.get('strict-transport-security'), what).toBeNull();
}

describe('headers', () => {
  it('every kind of site answer carries them', async () => {
    const bundle = (await (await fetch(webUrl)).text()).match(/\/bundles\/print\.[\w-]+\.css/);
    const answers: [string, number][] = [
      ['/', 200],
      [`/posts/${postSlug}`, 200],
      ['/no-such-page', 404],
      ['/feed.xml', 200],
      ['/sitemap.xml', 200],
      [`/${bundle![0].slice(1)}`, 200],
      ['/admin/login', 200],
      [`/posts/${postSlug}.data`, 200],
    ];
    for (const [path, status] of answers) {
      const response = await fetch(`${webUrl}${path}`);
      expect(response.status, path).toBe(status);
      expectSiteHeaders(response.headers, path);
      expect(response.headers.get('content-security-policy'), path).toContain(
        path.startsWith('/admin') ? "frame-ancestors 'none'" : "frame-ancestors 'self'",
      );
      expect(response.headers.get('x-frame-options'), path).toBe(
        path.startsWith('/admin') ? 'DENY' : 'SAMEORIGIN',
      );
    }
    // Refused before Remix sees it.
    const refused = await fetch(`${webUrl}/`, { method: 'DELETE' });
    expect(refused.status).toBe(405);
    expectSiteHeaders(refused.headers, 'DELETE /');
  });

  it('each page gets its own nonce', async () => {
    const nonces = await Promise.all(
      [1, 2].map(async () => (await fetch(`${webUrl}/search?q=rust`)).headers),
    );
    const [a, b] = nonces.map((h) => /'nonce-([^']+)'/.exec(h.get('content-security-policy')!)![1]);
    expect(a).not.toBe(b);
  });

  it('API answers carry them: JSON, errors, images (also through the site)', async () => {
    for (const path of ['/api/posts', '/api/posts/no-such-post', '/api/admin/posts', imagePath]) {
      const response = await fetch(`${apiUrl}${path}`);
      expectApiHeaders(response.headers, path);
    }
    const proxied = await fetch(`${webUrl}${imagePath}`);
    expect(proxied.status).toBe(200);
    expectApiHeaders(proxied.headers, `site ${imagePath}`);
  });

  it('HSTS once the request came over https through the trusted proxy', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const site = await fetch(`${webUrl}/`, { headers: https });
    expect(site.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    const api = await fetch(`${apiUrl}/api/posts`, { headers: https });
    expect(api.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });
});

/** Opens a page and collects what the CSP refused and what the console reported as errors. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  return problems;
}

const hydrated = (page: Page) =>
  page.waitForFunction(() => '__remixContext' in window && document.readyState === 'complete');

describe('pages under the policy, JavaScript on', () => {
  it('home, post (live comments), search: hydrated, no violation', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = await watch(page);
    await page.goto(webUrl);
    await hydrated(page);
    // A client-side navigation proves the app took over: to a post, which loads the Faye client.
    await page.locator('.post-list h2 a').first().click();
    await page.locator('section#comments').waitFor();
    await page.locator('script[src^="/bundles/faye-client."]').waitFor({ state: 'attached' });
    await page.goto(`${webUrl}/search?q=rust`);
    await hydrated(page);
    await page.goto(`${webUrl}/no-such-page`);
    await hydrated(page);
    // The 404 is expected in the console; nothing else.
    expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
    await context.close();
  });

  it('a page the browser revalidates (304) still runs its own scripts', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = await watch(page);
    const { items } = await apiGet<PostListing>('/api/posts?page=1');
    const url = `${webUrl}/posts/${items[0]!.slug}`;
    await page.goto(url);
    await hydrated(page);
    // Opened again, the stored page comes back with a 304 and this answer's headers merged in.
    const validators: Promise<string | null>[] = [];
    page.on('request', (request) => {
      if (request.url() === url) {
        validators.push(request.allHeaders().then((headers) => headers['if-none-match'] ?? null));
      }
    });
    await page.goto(url);
    await hydrated(page);
    // The browser asked with the stored page's ETag (the site answers such a request with a 304).
    expect(await Promise.all(validators)).toEqual([expect.stringMatching(/^W\/"/)]);
    await page.locator('script[src^="/bundles/faye-client."]').waitFor({ state: 'attached' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('admin: sign-in, post list, editor with preview: hydrated, no violation', async () => {
    const context = await browser.newContext({
      extraHTTPHeaders: { 'x-forwarded-for': '198.51.100.61' },
    });
    const page = await context.newPage();
    const problems = await watch(page);
    const admin = inject('admin');
    await page.goto(`${webUrl}/admin/login`);
    await hydrated(page);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/admin\/posts/);
    await hydrated(page);
    await page.goto(`${webUrl}/admin/posts/new`);
    await hydrated(page);
    // The live preview: a fetcher to /admin/preview, its HTML shown in the page.
    await page.getByLabel('Body (Markdown)').fill('# Heading\n\nSome *text*.');
    await page.locator('.editor__preview .prose h1', { hasText: 'Heading' }).waitFor();
    // The unsaved text makes the editor ask before leaving: leave.
    page.once('dialog', (dialog) => void dialog.accept());
    const images = await page.goto(`${webUrl}/admin/images`);
    await hydrated(page);
    // The cookie follows the session's sliding expiry (SESSION_IDLE_DAYS, 7 by default).
    const cookie = /inkwell_admin=[^;]+;.*Expires=([^;]+)/.exec(
      (await images!.headerValue('set-cookie')) ?? '',
    );
    const days = (Date.parse(cookie![1]!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
