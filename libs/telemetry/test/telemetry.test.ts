import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { pinoHttp } from 'pino-http';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createLogger,
  createMetricsRegistry,
  httpLoggerOptions,
  observeHttpRequests,
  requestIdOf,
  startMetricsServer,
} from '../src/index.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Log lines written to a stream the test reads, as objects. */
function captureLines(): { lines: Array<Record<string, unknown>>; write(line: string): void } {
  const lines: Array<Record<string, unknown>> = [];
  return { lines, write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) };
}

describe('request ids', () => {
  it('keeps a sane id from a proxy and replaces anything else with a UUID', () => {
    expect(requestIdOf('edge-1234.abc')).toBe('edge-1234.abc');
    for (const insane of [undefined, '', 'x'.repeat(129), 'has space', 'line\nbreak', ['a', 'b']]) {
      expect(requestIdOf(insane)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
    }
  });
});

describe('the HTTP logger', () => {
  it('logs each answer with the request id it echoes, no secrets, lines inside it tagged', async () => {
    const output = captureLines();
    const logger = createLogger({ level: 'info', format: 'json', destination: output });
    const httpLogger = pinoHttp(httpLoggerOptions(logger));
    const url = await listen((req, res) => {
      httpLogger(req, res);
      req.log.info('loading the post');
      res.setHeader('set-cookie', 'session=secret-cookie');
      res.end('ok');
    });

    const answer = await fetch(`${url}/posts/hello`, {
      headers: {
        'x-request-id': 'edge-42',
        cookie: 'session=reader-cookie',
        authorization: 'Bearer reader-token',
      },
    });
    expect(answer.headers.get('x-request-id')).toBe('edge-42');
    await answer.text();
    await expect.poll(() => output.lines.length).toBe(2);

    const [inside, done] = output.lines;
    expect(inside).toMatchObject({ msg: 'loading the post', reqId: 'edge-42', level: 30 });
    expect(done).toMatchObject({
      reqId: 'edge-42',
      req: { method: 'GET', url: '/posts/hello', userAgent: expect.any(String) },
      res: { statusCode: 200 },
    });
    // What an access log says, not every header.
    expect(done?.req).not.toHaveProperty('headers');
    expect(done?.res).not.toHaveProperty('headers');
    const text = JSON.stringify(output.lines);
    for (const secret of ['reader-cookie', 'reader-token', 'secret-cookie']) {
      expect(text).not.toContain(secret);
    }

    const generated = await fetch(`${url}/`, { headers: { 'x-request-id': 'not sane!' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('prints nothing below its level', () => {
    const output = captureLines();
    const logger = createLogger({ level: 'warn', format: 'json', destination: output });
    logger.info('hidden');
    logger.warn('shown');
    expect(output.lines.map((line) => line.msg)).toEqual(['shown']);
    createLogger({ level: 'log', format: 'json', destination: output }).info('log means info');
    expect(output.lines.at(-1)?.msg).toBe('log means info');
  });
});

describe('metrics', () => {
  it('times answers by route template and status, served on a port of its own', async () => {
    const registry = createMetricsRegistry();
    const observe = observeHttpRequests<http.IncomingMessage, http.ServerResponse>({
      registry,
      routeOf: (req) => (req.url?.startsWith('/posts/') ? '/posts/:slug' : '(unmatched)'),
    });
    const url = await listen((req, res) =>
      observe(req, res, () => {
        res.statusCode = req.url?.startsWith('/posts/') ? 200 : 404;
        res.end();
      }),
    );
    for (const path of ['/posts/a', '/posts/b', '/posts/c', '/nowhere']) {
      await (await fetch(`${url}${path}`)).arrayBuffer();
    }
    // The public server knows nothing of metrics.
    expect((await fetch(`${url}/metrics`)).status).toBe(404);

    const metrics = await startMetricsServer({ registry, host: '127.0.0.1', port: 0 });
    closers.push(() => metrics.close());
    const scrape = await fetch(metrics.url);
    expect(scrape.headers.get('content-type')).toBe(Registry.PROMETHEUS_CONTENT_TYPE);
    const text = await scrape.text();
    expect(text).toContain(
      'inkwell_http_request_duration_seconds_count{method="GET",route="/posts/:slug",status="200"} 3',
    );
    expect(text).toContain(
      'inkwell_http_request_duration_seconds_count{method="GET",route="(unmatched)",status="404"} 2',
    );
    expect(text).toMatch(/^process_cpu_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect((await fetch(new URL('/', metrics.url))).status).toBe(404);
  });
});
