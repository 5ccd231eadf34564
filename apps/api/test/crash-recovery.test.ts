import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyMigrations, openDatabase, readMigrations, seedDemoContent } from '@inkwell/prisma';
import { createScratchPostgresDatabase, type ScratchDatabase } from '@inkwell/prisma/testing';
import { afterAll, describe, expect, test } from 'vitest';
import { createUser } from '../src/auth/create-user.js';
import { PASSWORD, TEST_SCRYPT } from './admin/admin-test-api.js';
import { buildFixtureContent } from './fixtures.js';
import { type ApiProcess, startApiProcess } from '@inkwell/test-stack';
import { type EngineKind, engineKinds } from './test-api.js';

/**
 * The API is killed (SIGKILL) right after a write commits, before any side effect ran, while a
 * scheduled post's date passes. At the next start the index, the (Redis) caches and the listing
 * converge: nothing waits for a manual reindex.
 */
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function prepareDatabase(kind: EngineKind, dataDir: string): Promise<ScratchDatabase | null> {
  const scratch = kind === 'postgres' ? await createScratchPostgresDatabase('inkwell_crash') : null;
  const db = await openDatabase({ databaseUrl: scratch?.url, dataDir });
  try {
    await db.withScriptRunner(async (runner) => applyMigrations(runner, await readMigrations()));
    await seedDemoContent(db.prisma, buildFixtureContent());
    await createUser(
      db.prisma,
      { email: 'admin@example.com', role: 'ADMIN', password: PASSWORD },
      TEST_SCRYPT,
    );
  } finally {
    await db.close();
  }
  return scratch;
}

/** How far ahead the post is scheduled: several times what the requests before the crash take. */
const SCHEDULE_LEAD_MS = 6_000;

describe.each(engineKinds)('on %s', (kind) => {
  test('side effects lost to a crash after the commit are run at the next start', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-crash-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const scratch = await prepareDatabase(kind, dataDir);
    if (scratch) cleanups.push(() => scratch.drop());
    const killMarker = path.join(dataDir, 'kill-after-commit');
    const env = {
      ...(scratch ? { DATABASE_URL: scratch.url } : { DATA_DIR: dataDir }),
      REDIS_URL: 'redis://127.0.0.1:6379',
      CACHE_NAMESPACE: `test-crash-${randomBytes(4).toString('hex')}`,
      SEED_DEMO_CONTENT: 'false',
      MIGRATE_ON_START: 'false',
      // The first start fills the search index: on a loaded machine a request may wait on it.
      DATABASE_STATEMENT_TIMEOUT_MS: '0',
      OUTBOX_POLL_INTERVAL_MS: '200',
      OUTBOX_KILL_MARKER: killMarker,
      NO_COLOR: '1',
      FORCE_COLOR: undefined,
    };

    let api: ApiProcess = await startApiProcess(env);
    cleanups.push(() => api.stop());
    const call = async (method: string, url: string, body?: unknown, token?: string) =>
      fetch(`${api.url}${url}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}`, 'x-csrf-token': csrf } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const json = async <T>(url: string, token?: string): Promise<T> =>
      (await (await call('GET', url, undefined, token)).json()) as T;
    const searchSlugs = async (q: string) =>
      (await json<{ hits: Array<{ slug: string }> }>(`/api/search?q=${q}`)).hits.map((h) => h.slug);

    let csrf = '';
    const signIn = await call('POST', '/api/admin/session', {
      email: 'admin@example.com',
      password: PASSWORD,
    });
    const session = (await signIn.json()) as { token: string; csrfToken: string };
    expect(signIn.status, JSON.stringify(session)).toBe(201);
    csrf = session.csrfToken;
    const token = session.token;
    // The first start fills the search index: on a loaded machine, the first search waits for
    // it. Waiting here keeps that wait out of the short span between scheduling and the crash.
    expect(await searchSlugs('zeppelin')).toEqual([]);

    // A post scheduled a few seconds ahead (a handful of requests before the crash): its date
    // passes while the API is down.
    const created = await call(
      'POST',
      '/api/admin/posts',
      { title: 'Narwhal notes', body: 'Tusks.' },
      token,
    );
    expect(created.status).toBe(201);
    const draft = (await created.json()) as { id: number };
    const publishAt = new Date(Date.now() + SCHEDULE_LEAD_MS);
    const scheduled = await call(
      'POST',
      `/api/admin/posts/${draft.id}/publish`,
      { version: 1, publishAt: publishAt.toISOString() },
      token,
    );
    expect(scheduled.status).toBe(200);

    // Cached reads the lost side effects would have dropped.
    const target = await json<{ post: { id: number; title: string } }>('/api/posts/post-59');
    expect(await searchSlugs('zeppelin')).toEqual([]);
    const { version } = await json<{ version: number }>(
      `/api/admin/posts/${target.post.id}`,
      token,
    );

    await writeFile(killMarker, '');
    const died = new Promise<NodeJS.Signals | null>((resolve) =>
      api.child.once('exit', (_code, signal) => resolve(signal)),
    );
    const rename = call(
      'PUT',
      `/api/admin/posts/${target.post.id}`,
      { version, title: 'Zeppelin field notes' },
      token,
    ).catch(() => null);
    expect(await died).toBe('SIGKILL');
    expect(await rename).toBeNull();
    // The scheduled date must still be ahead: its publication is for the next start to run.
    expect(Date.now()).toBeLessThan(publishAt.getTime());
    await rm(killMarker);
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, publishAt.getTime() - Date.now())),
    );

    api = await startApiProcess(env);
    await expect.poll(() => searchSlugs('zeppelin'), { timeout: 20_000 }).toEqual(['post-59']);
    expect((await json<{ post: { title: string } }>('/api/posts/post-59')).post.title).toBe(
      'Zeppelin field notes',
    );
    await expect.poll(() => searchSlugs('narwhal'), { timeout: 20_000 }).toEqual(['narwhal-notes']);
    const home = await json<{ items: Array<{ slug: string }> }>('/api/posts');
    expect(home.items[0]!.slug).toBe('narwhal-notes');
  }, 600_000);
});
