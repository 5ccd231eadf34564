import { randomBytes } from 'node:crypto';
import { loadAcrossStop, type LoadOutcome } from '@inkwell/http-drain/testing';
import { applyMigrations, openDatabase, readMigrations, seedDemoContent } from '@inkwell/prisma';
import { createScratchPostgresDatabase, type ScratchDatabase } from '@inkwell/prisma/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildFixtureContent, formRenderedAt } from './fixtures.js';
import { startApiProcess, type ApiProcess } from './processes.js';

let scratch: ScratchDatabase;
let api: ApiProcess | undefined;
const marker = `stop-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  scratch = await createScratchPostgresDatabase('inkwell_stop');
  const db = await openDatabase({ databaseUrl: scratch.url, dataDir: '' });
  try {
    await db.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
    await seedDemoContent(db.prisma, buildFixtureContent());
  } finally {
    await db.close();
  }
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

const isComment = (outcome: LoadOutcome) => outcome.request.method === 'POST';

test('SIGTERM under keep-alive load: every request answered or refused, no lost comment', async () => {
  const child = api!.child;
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: Date.now() })),
  );
  const { outcomes, stoppedAt } = await loadAcrossStop({
    url: api!.url,
    clients: 6,
    request: commentOrRead,
    stopAfterMs: 1_500,
    stop: () => child.kill('SIGTERM'),
  });
  const { code, at } = await exited;

  expect(outcomes.filter((outcome) => outcome.kind === 'cut-off')).toEqual([]);
  const answered = outcomes.flatMap((outcome) => (outcome.kind === 'answered' ? [outcome] : []));
  expect(answered.filter((outcome) => outcome.status >= 500)).toEqual([]);
  // Requests in flight at the signal were finished, not dropped.
  expect(answered.filter((outcome) => outcome.endedAt > stoppedAt).length).toBeGreaterThan(0);
  expect(code).toBe(0);
  // Keep-alive clients do not hold the process open: SHUTDOWN_TIMEOUT_MS, then closing the
  // database and Redis (generous: the machine running the tests is shared).
  expect(at - stoppedAt).toBeLessThan(15_000);

  const db = await openDatabase({ databaseUrl: scratch.url, dataDir: '' });
  try {
    const stored = await db.prisma.comment.count({ where: { authorName: marker } });
    const created = answered.filter((outcome) => isComment(outcome) && outcome.status === 201);
    expect(created.length).toBeGreaterThan(0);
    expect(stored).toBe(created.length);
  } finally {
    await db.close();
  }
}, 60_000);
