import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runApiScript, startApiProcess, type ApiProcess } from '@inkwell/test-stack';

const PASSWORD = 'correct horse battery staple';
const STATEMENT_TIMEOUT_MS = 1_500;

let dataDir: string;
let api: ApiProcess;

/** A client of the API's embedded database, as a command-line task connects to it. */
async function databaseClient(): Promise<pg.Client> {
  const client = new pg.Client({ host: dataDir, port: 5432, user: 'postgres' });
  await client.connect();
  return client;
}

async function signIn(email: string): Promise<{ status: number; token?: string; csrf?: string }> {
  const response = await fetch(`${api.url}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${email.length}` },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const body = (await response.json()) as { token?: string; csrfToken?: string };
  return { status: response.status, token: body.token, csrf: body.csrfToken };
}

function createUser(email: string, role: 'admin' | 'author') {
  return runApiScript('src/auth/create-user.cli.ts', {
    env: { DATA_DIR: dataDir },
    args: ['--email', email, '--role', role],
    input: `${PASSWORD}\n`,
  });
}

/** The embedded default, started as `npm start` runs it, on a fresh data directory. */
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'inkwell-embedded-'));
  api = await startApiProcess({
    DATA_DIR: dataDir,
    DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
  });
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('commands while the site runs', () => {
  test('every command works through the running API, while an admin writes', async () => {
    const first = await createUser('ada@example.com', 'admin');
    expect(first.output).toContain('Created ADMIN ada@example.com');
    // The running API sees the new user at once: no restart.
    const admin = await signIn('ada@example.com');
    expect(admin.status).toBe(201);

    let writing = true;
    const written: number[] = [];
    const writer = (async () => {
      for (let n = 0; writing; n++) {
        const response = await fetch(`${api.url}/api/admin/posts`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${admin.token}`,
            'x-csrf-token': admin.csrf!,
          },
          body: JSON.stringify({ title: `Written during commands ${n}` }),
        });
        written.push(response.status);
      }
    })();
    try {
      const second = await createUser('grace@example.com', 'author');
      expect(second.output).toContain('Created AUTHOR grace@example.com');
      for (const script of ['src/cli/migrate.ts', 'src/cli/seed.ts', 'src/cli/reindex.ts']) {
        const result = await runApiScript(script, { env: { DATA_DIR: dataDir } });
        expect(result.code, `${script}:\n${result.output}`).toBe(0);
      }
      const warm = await runApiScript('src/cli/warm-thumbnails.ts', { env: { DATA_DIR: dataDir } });
      expect(warm.code, warm.output).toBe(0);
      expect((await signIn('grace@example.com')).status).toBe(201);
    } finally {
      writing = false;
      await writer;
    }

    expect(written.length).toBeGreaterThan(0);
    expect(written.every((status) => status === 201)).toBe(true);
    const client = await databaseClient();
    try {
      const users = await client.query<{ id: number; email: string }>(
        'SELECT id, email FROM "User" ORDER BY id',
      );
      expect(users.rows.map((row) => row.email)).toEqual(['ada@example.com', 'grace@example.com']);
      expect(new Set(users.rows.map((row) => row.id)).size).toBe(2);
      const posts = await client.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM "Post" WHERE title LIKE 'Written during commands %'`,
      );
      expect(posts.rows[0]!.count).toBe(written.length);
    } finally {
      await client.end();
    }
  }, 300_000);

  test('a second API on the same data directory refuses, naming the owner', async () => {
    const second = startApiProcess({ DATA_DIR: dataDir });
    await expect(second).rejects.toThrow(`owned by process ${api.child.pid}`);
  }, 120_000);
});

describe('a slow query does not freeze the site', () => {
  test('the heartbeats answer while a query runs for seconds', async () => {
    const client = await databaseClient();
    try {
      const slow = client.query('SELECT pg_sleep(3)');
      await new Promise((resolve) => setTimeout(resolve, 300));
      let started = performance.now();
      expect((await fetch(`${api.url}/__lbheartbeat__`)).status).toBe(200);
      expect(performance.now() - started).toBeLessThan(100);
      started = performance.now();
      const heartbeat = await fetch(`${api.url}/__heartbeat__`);
      // It reports on the database honestly, and within its own 2 s check timeout.
      expect([200, 503]).toContain(heartbeat.status);
      expect(performance.now() - started).toBeLessThan(2_500);
      await slow;
    } finally {
      await client.end();
    }
  });

  test('a request query over the timeout answers 503, and requests work again once the database is free', async () => {
    const admin = await signIn('ada@example.com');
    const listPosts = () =>
      fetch(`${api.url}/api/admin/posts`, { headers: { authorization: `Bearer ${admin.token}` } });
    const holder = await databaseClient();
    try {
      // A command holding a transaction open keeps the embedded database busy.
      await holder.query('BEGIN');
      const started = performance.now();
      const response = await listPosts();
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('2');
      expect(await response.json()).toMatchObject({
        statusCode: 503,
        error: 'Service Unavailable',
      });
      expect(performance.now() - started).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 50);
      await holder.query('COMMIT');
      // Back once the database is free: the queries queued behind the transaction run first,
      // which on a busy machine can take the next request past the timeout too.
      await expect
        .poll(async () => (await listPosts()).status, { timeout: 15_000, interval: 200 })
        .toBe(200);
    } finally {
      await holder.end();
    }
  });
});
