import { createLogger } from '@inkwell/telemetry';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MetricsModule } from '../src/observability/metrics.module.js';
import { buildFixtureContent } from './fixtures.js';
import { parsePrometheusText } from './prometheus-text.js';
import { startTestApi, type TestApi } from './test-api.js';

/*
 * Logs and metrics of a real API: its pino lines read from a stream, its metrics scraped over
 * HTTP from the port METRICS_PORT gives them. One application in this file: nestjs-pino keeps
 * one request logger per process.
 */

type LogLine = Record<string, unknown> & { msg: string; level: number; reqId?: string };

describe('logs and metrics of the API', () => {
  const lines: LogLine[] = [];
  let api: TestApi;
  let metricsUrl: string;

  beforeAll(async () => {
    const logger = createLogger({
      level: 'info',
      format: 'json',
      destination: { write: (line: string) => lines.push(JSON.parse(line) as LogLine) },
    });
    api = await startTestApi('pglite', buildFixtureContent(), {
      logger,
      env: { METRICS_PORT: '0' },
    });
    metricsUrl = api.app.get(MetricsModule).url!;
  });
  afterAll(() => api?.close());

  const linesOf = (requestId: string) => lines.filter((line) => line.reqId === requestId);

  test("the site's request id is echoed and marks the request's line, without secrets", async () => {
    const res = await api.http
      .get('/api/posts/post-12')
      .set('X-Request-Id', 'site-7f3a')
      .set('Cookie', 'inkwell_session=reader-secret')
      .set('Authorization', 'Bearer admin-secret')
      .expect(200);
    expect(res.headers['x-request-id']).toBe('site-7f3a');
    await expect.poll(() => linesOf('site-7f3a')).toHaveLength(1);
    expect(linesOf('site-7f3a')[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: {
        method: 'GET',
        url: '/api/posts/post-12',
      },
      res: { statusCode: 200 },
    });
    expect(JSON.stringify(lines)).not.toMatch(/reader-secret|admin-secret/);
  });

  test("lines the API logs while it answers carry the request's id", async () => {
    await api.http
      .post('/api/admin/setup')
      .set('X-Request-Id', 'site-setup-1')
      .send({
        title: 'Field Notes',
        description: 'Things learned the hard way.',
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        password: 'analytical engine 1843',
        demoContent: 'remove',
      })
      .expect(201);
    await expect.poll(() => linesOf('site-setup-1').at(-1)?.msg).toBe('request completed');
    expect(linesOf('site-setup-1')).toContainEqual(
      expect.objectContaining({
        context: 'Setup',
        msg: expect.stringMatching(/^Removed the demo/),
      }),
    );
  });

  test('a request without a sane id gets a new one', async () => {
    const res = await api.http.get('/api/categories').set('X-Request-Id', 'two words').expect(200);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('metrics: route templates and statuses, search, outbox, realtime, caches, process', async () => {
    for (const slug of ['post-1', 'post-2', 'no-such-post'])
      await api.http.get(`/api/posts/${slug}`);
    await api.http.get('/api/search?q=rust').expect(200);
    await api.http.get('/nowhere').expect(404);

    // A request is counted when its answer has left the process ('finish'), which can be after
    // the client has read it: scraped until the last request is in.
    let scraped = parsePrometheusText('');
    const count = (labels: Record<string, string>) =>
      scraped.samples.find(
        (sample) =>
          sample.name === 'inkwell_http_request_duration_seconds_count' &&
          Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
      )?.value;
    await expect
      .poll(async () => {
        const scrape = await fetch(metricsUrl);
        expect(scrape.status).toBe(200);
        scraped = parsePrometheusText(await scrape.text());
        return count({ method: 'GET', route: '(unmatched)', status: '404' });
      })
      .toBe(1);
    const { types, samples } = scraped;
    expect(count({ method: 'GET', route: '/api/posts/:slug', status: '200' })).toBeGreaterThan(2);
    expect(count({ method: 'GET', route: '/api/posts/:slug', status: '404' })).toBe(1);
    expect(count({ method: 'GET', route: '/api/search', status: '200' })).toBe(1);
    // Never a raw URL.
    expect(samples.some((sample) => sample.labels.route?.includes('post-1'))).toBe(false);

    expect(types.get('inkwell_http_request_duration_seconds')).toBe('histogram');
    expect(
      samples.find((sample) => sample.name === 'inkwell_search_duration_seconds_count')?.labels,
    ).toEqual({ operation: 'search', engine: 'postgres', outcome: 'ok' });
    // Read from the table at the scrape: every event has run.
    expect(samples.find((sample) => sample.name === 'inkwell_outbox_pending_events')?.value).toBe(
      0,
    );
    for (const name of [
      'inkwell_outbox_events_processed_total',
      'inkwell_realtime_clients',
      'inkwell_realtime_hints_published_total',
      'inkwell_outbox_event_failures_total',
      'inkwell_cache_hit_total',
      'inkwell_cache_purge_calls_total',
      'process_cpu_seconds_total',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(types.has(name), name).toBe(true);
    }
  });

  test('the public port answers no metrics', async () => {
    await api.http.get('/metrics').expect(404);
    await api.http.get('/__metrics__').expect(404);
  });
});
