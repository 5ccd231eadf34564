import { type AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, test } from 'vitest';
import { followDroppedTags, parseServerSentEvents } from './dropped-tags-stream.js';

let close: () => Promise<void> = async () => {};

afterEach(async () => {
  await close();
});

/** An API stand-in: each stream opens with `ready`, sends what `send` says, and may end. */
async function serveStreams(
  send: (write: (text: string) => void, end: () => void, connection: number) => void,
): Promise<string> {
  const app = express();
  let connections = 0;
  app.get('/api/dropped-tags', (_req, res) => {
    connections += 1;
    res.setHeader('Content-Type', 'text/event-stream');
    res.flushHeaders();
    res.write('event: ready\ndata: {}\n\n');
    send(
      (text) => res.write(text),
      () => res.end(),
      connections,
    );
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('parseServerSentEvents', () => {
  test('reads named events, data lines and comments', () => {
    expect(
      parseServerSentEvents('event: ready\ndata: {}\n\n: keep-alive\n\ndata: {"tags":["a"]}'),
    ).toEqual([
      { event: 'ready', data: '{}' },
      { event: 'message', data: '{"tags":["a"]}' },
    ]);
  });
});

describe('followDroppedTags', () => {
  test('live, then each drop, then down when the stream ends; live again on reconnection', async () => {
    const apiUrl = await serveStreams((write, end, connection) => {
      if (connection > 1) return;
      // One drop split across two writes, as TCP may deliver it.
      write('data: {"tags":["post:a",');
      setTimeout(() => {
        write('"settings"]}\n\n');
        end();
      }, 20);
    });
    const seen: string[] = [];
    const logged: string[] = [];
    const stream = followDroppedTags({
      apiUrl,
      retryMs: 10,
      onLive: () => seen.push('live'),
      onDrop: (tags) => seen.push(tags.join(' ')),
      onDown: () => seen.push('down'),
      log: (line) => logged.push(line),
    });
    try {
      await expect.poll(() => seen).toEqual(['live', 'post:a settings', 'down', 'live']);
      expect(logged).toEqual([
        expect.stringContaining('not following'),
        expect.stringContaining('following the API'),
      ]);
    } finally {
      stream.close();
    }
  });

  test('a stream gone silent past the idle limit counts as down', async () => {
    const apiUrl = await serveStreams(() => undefined);
    const seen: string[] = [];
    const stream = followDroppedTags({
      apiUrl,
      idleTimeoutMs: 500,
      retryMs: 60_000,
      onLive: () => seen.push('live'),
      onDrop: () => seen.push('drop'),
      onDown: () => seen.push('down'),
      log: () => undefined,
    });
    try {
      await expect.poll(() => seen).toEqual(['live', 'down']);
    } finally {
      stream.close();
    }
  });

  test('an API that refuses (503), as while it starts, leaves the cache down, tried again quietly', async () => {
    const app = express();
    let attempts = 0;
    app.get('/api/dropped-tags', (_req, res) => {
      attempts += 1;
      res.status(503).end();
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    const seen: string[] = [];
    const logged: string[] = [];
    const stream = followDroppedTags({
      apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      retryMs: 10,
      onLive: () => seen.push('live'),
      onDrop: () => seen.push('drop'),
      onDown: () => seen.push('down'),
      log: (line) => logged.push(line),
    });
    try {
      await expect.poll(() => attempts).toBeGreaterThan(2);
      expect(seen.every((event) => event === 'down')).toBe(true);
      expect(logged).toEqual([]);
    } finally {
      stream.close();
    }
  });
});
