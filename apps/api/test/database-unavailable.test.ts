import { testPostgresUrl } from '@inkwell/prisma/testing';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type AdminTestApi, startAdminTestApi } from './admin/admin-test-api.js';

let api: AdminTestApi;
let server: pg.Client;
let databaseName: string;

/** Closes the API's open connections and refuses new ones, as a database restart does. */
async function takeDatabaseOffline(): Promise<void> {
  await server.query(`ALTER DATABASE "${databaseName}" WITH ALLOW_CONNECTIONS false`);
  await server.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
    databaseName,
  ]);
}

beforeAll(async () => {
  api = await startAdminTestApi('postgres');
  databaseName = new URL(api.scratch!.url).pathname.slice(1);
  server = new pg.Client({ connectionString: testPostgresUrl });
  await server.connect();
});

afterAll(async () => {
  await server?.query(`ALTER DATABASE "${databaseName}" WITH ALLOW_CONNECTIONS true`);
  await server?.end();
  await api?.close();
});

test('an unreachable database answers 503 with Retry-After, public and admin routes alike', async () => {
  await takeDatabaseOffline();
  // The first query meets a terminated connection, the next ones a refused connect.
  for (const request of [
    api.http.get('/api/posts?page=2'),
    api.http.get('/api/posts/post-3'),
    api.as(api.admin, 'get', '/api/admin/comments'),
    api.as(api.admin, 'get', '/api/admin/posts'),
  ]) {
    const res = await request;
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body.message).toMatch(/database/i);
  }
  await server.query(`ALTER DATABASE "${databaseName}" WITH ALLOW_CONNECTIONS true`);
  await api.http.get('/api/posts?page=2').expect(200);
});
