import { applyMigrations, type Database, openDatabase, readMigrations } from '@inkwell/prisma';
import { createScratchPostgresDatabase, type ScratchDatabase } from '@inkwell/prisma/testing';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { DomainEvents } from './domain-events.js';
import { OutboxDispatcher } from './outbox-dispatcher.js';

let scratch: ScratchDatabase;
let db: Database;
beforeAll(async () => {
  scratch = await createScratchPostgresDatabase('inkwell_outbox');
  db = await openDatabase({ databaseUrl: scratch.url, dataDir: '' });
  await db.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
});
afterAll(async () => {
  await db?.close();
  await scratch?.drop();
});
beforeEach(async () => {
  await db.sql.query('DELETE FROM "OutboxEvent"');
});

/** Polls here take fresh events at once: these tests are about claiming, not about the grace. */
const options = { pollIntervalMs: 20, retentionMs: 60_000, retryDelayMs: 50, freshEventGraceMs: 0 };

async function recordApprovals(count: number): Promise<number[]> {
  const { rows } = await db.sql.query<{ id: number }>(
    `INSERT INTO "OutboxEvent" ("type", "payload")
     SELECT 'comment.approved', jsonb_build_object('commentId', n, 'postId', 1)
     FROM generate_series(1, $1::int) AS n RETURNING "id"`,
    [count],
  );
  return rows.map((row) => row.id);
}

const pending = async () =>
  (await db.sql.query('SELECT 1 FROM "OutboxEvent" WHERE "doneAt" IS NULL')).rows.length;

test('two dispatchers (two API processes) run each event once between them', async () => {
  await recordApprovals(60);
  const seen: number[] = [];
  const dispatchers = [0, 1].map(() => {
    const events = new DomainEvents();
    events.on('comment.approved', 'recorder', async ({ commentId }) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push(commentId);
    });
    return new OutboxDispatcher(db.sql, events, options);
  });
  const ran = await Promise.all(dispatchers.map((dispatcher) => dispatcher.runDue()));
  expect(ran[0]! + ran[1]!).toBe(60);
  expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  expect(await pending()).toBe(0);
});

test('a poll leaves fresh events to the process that wrote them, then takes them', async () => {
  await recordApprovals(3);
  const events = new DomainEvents();
  const dispatcher = new OutboxDispatcher(db.sql, events, { ...options, freshEventGraceMs: 300 });
  // Within the grace a poll takes nothing: the writer runs them right after its commit.
  expect(await dispatcher.runDue()).toBe(0);
  // A writer that died before that leaves them to the next poll after the grace.
  await expect.poll(() => dispatcher.runDue(), { timeout: 5_000, interval: 50 }).toBe(3);
  expect(await pending()).toBe(0);
});

test('a write with more events than a batch has them all run at once', async () => {
  const ids = await recordApprovals(45);
  const seen: number[] = [];
  const events = new DomainEvents();
  events.on('comment.approved', 'recorder', ({ commentId }) => void seen.push(commentId));
  await new OutboxDispatcher(db.sql, events, options).dispatch(ids);
  expect(seen).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
});

test('a failing subscriber is retried later, alone, without holding up other events', async () => {
  const [first, second] = await recordApprovals(2);
  const events = new DomainEvents();
  const cache: number[] = [];
  let searchDown = true;
  const indexed: number[] = [];
  events.on(
    'comment.approved',
    'cache invalidation',
    ({ commentId }) => void cache.push(commentId),
  );
  events.on('comment.approved', 'search index', ({ commentId }) => {
    if (searchDown && commentId === 1) throw new Error('search backend is down');
    indexed.push(commentId);
  });
  const dispatcher = new OutboxDispatcher(db.sql, events, options);

  await dispatcher.dispatch([first!, second!]);
  expect(indexed).toEqual([2]);
  expect(cache).toEqual([1, 2]);
  const { rows } = await db.sql.query<{ lastError: string; doneAt: Date | null }>(
    'SELECT "lastError", "doneAt" FROM "OutboxEvent" WHERE "id" = $1',
    [first],
  );
  expect(rows[0]).toEqual({ lastError: 'search index: search backend is down', doneAt: null });

  // The retry waits for its delay, and keeps failing while the backend is down.
  expect(await dispatcher.runDue()).toBe(0);
  await expect.poll(() => dispatcher.runDue(), { timeout: 5_000, interval: 20 }).toBe(1);
  expect(indexed).toEqual([2]);

  searchDown = false;
  dispatcher.start();
  try {
    await expect.poll(pending, { timeout: 10_000, interval: 50 }).toBe(0);
  } finally {
    await dispatcher.stop();
  }
  expect(indexed).toEqual([2, 1]);
  // The cache was dropped on the first attempt; the retries ran only what had failed.
  expect(cache).toEqual([1, 2]);
});

test('an event due later waits for its time; done events are pruned after the retention', async () => {
  await db.sql.query(
    `INSERT INTO "OutboxEvent" ("type", "payload", "runAfter")
     VALUES ('comment.approved', '{"commentId": 1, "postId": 1}', CURRENT_TIMESTAMP + interval '1 hour')`,
  );
  await db.sql.query(
    `INSERT INTO "OutboxEvent" ("type", "payload", "doneAt")
     VALUES ('comment.approved', '{"commentId": 2, "postId": 1}', CURRENT_TIMESTAMP - interval '2 minutes'),
            ('comment.approved', '{"commentId": 3, "postId": 1}', CURRENT_TIMESTAMP)`,
  );
  const dispatcher = new OutboxDispatcher(db.sql, new DomainEvents(), options);
  expect(await dispatcher.runDue()).toBe(0);
  expect(await dispatcher.prune()).toBe(1);
  const { rows } = await db.sql.query('SELECT 1 FROM "OutboxEvent"');
  expect(rows).toHaveLength(2);
});
