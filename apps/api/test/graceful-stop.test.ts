import { randomBytes } from 'node:crypto';
import { answeredWith, loadAcrossStop } from '@inkwell/http-drain/testing';
import { openDatabase } from '@inkwell/prisma';
import { type ScratchDatabase } from '@inkwell/prisma/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildFixtureContent, formRenderedAt } from './fixtures.js';
import { startApiProcess, type ApiProcess } from '@inkwell/test-stack';
import { seededScratchDatabase } from '@inkwell/test-stack/database';

let scratch: ScratchDatabase;
let api: ApiProcess | undefined;
const marker = `stop-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  scratch = await seededScratchDatabase('inkwell_stop', buildFixtureContent());
  api = await startApiProcess({
    DATABASE_URL: scratch.url,
    REDIS_URL: 'redis://127.0.0.1:6379',
    CACHE_NAMESPACE: marker,
    SEED_DEMO_CONTENT: 'false',
    SHUTDOWN_TIMEOUT_MS: '5000',
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
  });
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await scratch?.drop();
});

/** Half the clients comment (each comment from its own address, under the rate limit). */
function commentOrRead(client: number, n: number) {
  if (client % 2 === 1) return { method: 'GET' as const, path: `/api/posts/post-${(n % 50) + 1}` };
  return {
    method: 'POST' as const,
    path: '/api/posts/post-58/comments',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.${client}.${n >> 8}.${n & 255}`,
    },
    body: JSON.stringify({
      authorName: marker,
      authorEmail: 'reader@example.org',
      body: `Comment ${client}/${n}`,
      renderedAt: formRenderedAt(),
    }),
  };
}

/** Follows the dropped cache tags as a site process does; resolves how the stream ended. */
async function followDroppedTags(url: string): Promise<() => Promise<string>> {
  const response = await fetch(`${url}/api/dropped-tags`);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let received = '';
  while (!received.includes('event: ready')) {
    received += decoder.decode((await reader.read()).value);
  }
  return async () => {
    try {
      while (!(await reader.read()).done);
      return 'ended';
    } catch (error) {
      return `cut off: ${String(error)}`;
    }
  };
}

test('SIGTERM under keep-alive load: every request answered or refused, no lost comment', async () => {
  const streamEnd = await followDroppedTags(api!.url);
  const stop = await loadAcrossStop({
    url: api!.url,
    clients: 6,
    request: commentOrRead,
    stopAfterMs: 1_500,
    server: api!.child,
  });

  expect(stop.cutOff).toEqual([]);
  expect(stop.serverErrors).toEqual([]);
  expect(stop.answeredAfterStop).toBeGreaterThan(0);
  expect(stop.exitCode).toBe(0);
  // Keep-alive clients do not hold the process open (before, it served them on and on):
  // SHUTDOWN_TIMEOUT_MS, then closing the database and Redis, generous for a shared machine.
  expect(stop.exitedAfterMs).toBeLessThan(20_000);
  // A site's stream of dropped tags ends at once (the site then renders afresh): it is not a
  // request in flight that the stop waits for and then cuts.
  expect(await streamEnd()).toBe('ended');
  expect(api!.output()).not.toMatch(/cut off after/);

  const created = answeredWith(stop.outcomes, 'POST', 201);
  expect(created).toBeGreaterThan(0);
  const db = await openDatabase({ databaseUrl: scratch.url, dataDir: '' });
  try {
    expect(await db.prisma.comment.count({ where: { authorName: marker } })).toBe(created);
  } finally {
    await db.close();
  }
}, 60_000);
