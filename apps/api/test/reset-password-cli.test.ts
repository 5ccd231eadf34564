import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PASSWORD, type AdminTestApi, startAdminTestApi } from './admin/admin-test-api.js';
import { TEST_PASSWORD_HASH_COST } from '@inkwell/test-stack';

/*
 * `npm run user:reset-password` run as a separate process against the scratch PostgreSQL
 * database and the Redis namespace a running API uses; the API then signs the user in with
 * the new password.
 */

const apiRoot = path.resolve(import.meta.dirname, '..');
const tsx = path.resolve(apiRoot, '../../node_modules/.bin/tsx');
/** The API's and the CLI's login counters, in a Redis namespace of this run's own. */
const redisEnv = {
  REDIS_URL: 'redis://127.0.0.1:6379',
  CACHE_NAMESPACE: `test-reset-${randomBytes(4).toString('hex')}`,
};

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function resetPassword(databaseUrl: string, args: string[], stdin = ''): Promise<CliRun> {
  const child = spawn(
    tsx,
    ['--conditions=@inkwell/source', 'src/auth/reset-password.cli.ts', ...args],
    {
      cwd: apiRoot,
      env: {
        ...process.env,
        ...redisEnv,
        DATABASE_URL: databaseUrl,
        PASSWORD_HASH_COST: TEST_PASSWORD_HASH_COST,
        NO_COLOR: '1',
        FORCE_COLOR: undefined,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run user:reset-password', () => {
  let api: AdminTestApi;
  let address = 0;
  beforeAll(async () => {
    api = await startAdminTestApi('postgres', { env: redisEnv });
  });
  afterAll(async () => {
    await api?.close();
  });

  const login = (email: string, password: string) => {
    address += 1;
    return api.http
      .post('/api/admin/session')
      .set('X-Forwarded-For', `198.18.0.${address}`)
      .send({ email, password });
  };

  test('prints a generated password once; it signs in, the old one and old sessions do not', async () => {
    const run = await resetPassword(api.scratch!.url, ['--email', 'ADMIN@example.com']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const match = /New password for admin@example.com \(shown once\): ([\w-]{20})\n/.exec(
      run.stdout,
    );
    expect(match, run.stdout).not.toBeNull();
    await api.as(api.admin, 'get', '/api/admin/session').expect(401);
    await login('admin@example.com', PASSWORD).expect(401);
    const signedIn = await login('admin@example.com', match![1]!).expect(201);
    expect(signedIn.body.user.role).toBe('ADMIN');
  });

  test('clears the login delays the API keeps in Redis', async () => {
    await api.addUser('locked-out@example.com', 'AUTHOR');
    const fromHome = (password: string) =>
      api.http
        .post('/api/admin/session')
        .set('X-Forwarded-For', '198.18.1.1')
        .send({ email: 'locked-out@example.com', password });
    for (let i = 0; i < 5; i += 1) await fromHome(`guess ${i}`).expect(401);
    await fromHome(PASSWORD).expect(429);
    const run = await resetPassword(
      api.scratch!.url,
      ['--email', 'locked-out@example.com', '--stdin'],
      'after the lockout\n',
    );
    expect(run.code).toBe(0);
    await fromHome('after the lockout').expect(201);
  });

  test('--stdin takes the password from the first line piped in', async () => {
    const run = await resetPassword(
      api.scratch!.url,
      ['--email', 'author@example.com', '--stdin'],
      'a piped-in password\nignored line\n',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Password of author@example.com changed.');
    expect(run.stdout).not.toContain('a piped-in password');
    await login('author@example.com', 'a piped-in password').expect(201);
  });

  test('an unknown email or a short password changes nothing and exits with 1', async () => {
    const unknown = await resetPassword(api.scratch!.url, ['--email', 'nobody@example.com']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Not changed: no user has the email nobody@example.com.');
    const short = await resetPassword(
      api.scratch!.url,
      ['--email', 'author@example.com', '--stdin'],
      'short\n',
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('Not changed: password must be at least 10 characters');
    await login('author@example.com', 'a piped-in password').expect(201);
    const missing = await resetPassword(api.scratch!.url, []);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Usage: npm run user:reset-password');
  });
});
