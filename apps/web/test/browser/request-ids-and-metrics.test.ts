import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, freePort, startApiProcess } from '@inkwell/test-stack';
import { startWebServer, type WebServer } from '../stack.js';

/*
 * One request id from the edge to the API and back, in both processes' JSON log lines; the
 * site's metrics on a port of their own. An API and a site of this file's own, whose output
 * it reads.
 */

type LogLine = { reqId?: string; msg?: string; req?: { url?: string } };

/** The JSON lines a process printed (anything else it printed is left out). */
function jsonLines(output: string): LogLine[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

describe('request ids and metrics across the site and the API', () => {
  let dataDir: string;
  let api: ApiProcess;
  let site: WebServer;
  let siteMetrics: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-observability-'));
    api = await startApiProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    const metricsPort = await freePort();
    siteMetrics = `http://127.0.0.1:${metricsPort}/metrics`;
    site = await startWebServer(api.url, {
      WEB_METRICS_PORT: String(metricsPort),
      DATA_DIR: dataDir,
    });
    // A fresh embedded database (initdb, migrations, demo posts): slow on a loaded machine.
  }, 240_000);
  afterAll(async () => {
    await site?.stop();
    await api?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("keeps the edge's id for the page, its API reads and both processes' log lines", async () => {
    const page = await fetch(`${site.webUrl}/`, { headers: { 'x-request-id': 'edge-trace-1' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('x-request-id')).toBe('edge-trace-1');
    await page.text();

    await expect
      .poll(() => jsonLines(api.output()).filter((line) => line.reqId === 'edge-trace-1'))
      .toContainEqual(
        expect.objectContaining({ req: expect.objectContaining({ url: '/api/settings' }) }),
      );
    // Logged when the response finishes, which can come after the client has read it.
    await expect
      .poll(() => jsonLines(site.output()))
      .toContainEqual(
        expect.objectContaining({
          reqId: 'edge-trace-1',
          req: expect.objectContaining({ url: '/' }),
        }),
      );

    // Rendered again (a cookie passes the page cache by), under an id of the site's own.
    const fresh = await fetch(`${site.webUrl}/`, {
      headers: { 'x-request-id': 'not an id', cookie: 'theme=dark' },
    });
    const generated = fresh.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    await fresh.text();
    await expect
      .poll(() => jsonLines(api.output()).some((line) => line.reqId === generated))
      .toBe(true);
  });

  it('counts pages by route template and page-cache outcome, on the metrics port only', async () => {
    // A post's page twice: once rendered, once (when the cache follows the API) from the cache.
    const slug = (
      (await (await fetch(`${api.url}/api/posts`)).json()) as { items: Array<{ slug: string }> }
    ).items[0]!.slug;
    await expect
      .poll(async () => {
        const answer = await fetch(`${site.webUrl}/posts/${slug}`);
        await answer.text();
        return answer.headers.get('x-page-cache');
      })
      .toBe('HIT');
    expect((await fetch(`${site.webUrl}/metrics`)).status).toBe(404);

    // `/metrics` is a one-segment address, which a static page could have: labelled by that route.
    // A request is counted when its answer has left the process ('finish'), which can be after
    // the client has read it: the metrics are read until that last request is in them.
    const notFoundCount =
      /^inkwell_http_request_duration_seconds_count\{[^}]*route="\/:slug",status="404"\} (\d+)/m;
    let text = '';
    await expect
      .poll(async () => {
        text = await (await fetch(siteMetrics)).text();
        return notFoundCount.exec(text)?.[1];
      })
      .toBe('1');
    expect(text).toMatch(
      /^inkwell_http_request_duration_seconds_count\{method="GET",route="\/posts\/:slug",status="200"\} [1-9]/m,
    );
    expect(text).toMatch(
      /^inkwell_http_request_duration_seconds_count\{method="GET",route="\/",status="200"\} [1-9]/m,
    );
    expect(text).not.toContain(slug);
    expect(text).toMatch(/^inkwell_page_cache_requests_total\{outcome="hit"\} [1-9]/m);
    expect(text).toMatch(/^inkwell_page_cache_requests_total\{outcome="miss"\} [1-9]/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d/m);
  });
});
