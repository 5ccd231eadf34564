import { randomBytes } from 'node:crypto';
import { type ScratchDatabase } from '@inkwell/prisma/testing';
import { FayeNodeClient } from '@inkwell/realtime';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildFixtureContent, formRenderedAt } from './fixtures.js';
import { startApiProcess, type StartedProcess } from '@inkwell/test-stack';
import { seededScratchDatabase } from '@inkwell/test-stack/database';

let scratch: ScratchDatabase;
const processes: StartedProcess[] = [];
const urls: string[] = [];
// Its own cache keys and realtime channel: other suites share this Redis.
const namespace = `test-multi-${randomBytes(4).toString('hex')}`;

/** Two real API processes on one PostgreSQL database and one Redis, as a scaled-out site runs. */
beforeAll(async () => {
  scratch = await seededScratchDatabase('inkwell_multi', buildFixtureContent());
  for (let i = 0; i < 2; i++) {
    const api = await startApiProcess({
      DATABASE_URL: scratch.url,
      REDIS_URL: 'redis://127.0.0.1:6379',
      CACHE_NAMESPACE: namespace,
      SEED_DEMO_CONTENT: 'false',
    });
    processes.push(api);
    urls.push(api.url);
  }
}, 180_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await scratch?.drop();
});

test('a comment published through one process reaches readers connected to the other', async () => {
  const [first, second] = urls as [string, string];
  const post = (await (await fetch(`${first}/api/posts/post-59`)).json()) as {
    post: { id: number };
  };
  const reader = new FayeNodeClient(`${second}/realtime`);
  const received: unknown[] = [];
  try {
    await reader.subscribe(`/comments/${post.post.id}`, (data) => received.push(data));
    const response = await fetch(`${first}/api/posts/post-59/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        authorName: 'Ada',
        authorEmail: 'ada@example.com',
        renderedAt: formRenderedAt(),
        body: 'Across processes',
      }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: number };
    await expect
      .poll(() => received, { timeout: 2_000, interval: 20 })
      .toEqual([{ postId: post.post.id, commentCount: 3, latestCommentId: id }]);
    const heartbeat = await (await fetch(`${second}/__heartbeat__`)).json();
    expect(heartbeat).toMatchObject({ status: 'ok', checks: { database: 'ok', realtime: 'ok' } });
  } finally {
    reader.disconnect();
  }
});
