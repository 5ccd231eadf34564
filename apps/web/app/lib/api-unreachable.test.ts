import { createServer } from 'node:net';
import { describe, expect, test } from 'vitest';
import { isApiUnreachable } from './api-unreachable.js';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('isApiUnreachable', () => {
  test("recognises fetch's failure to connect", async () => {
    const error = await fetch(`http://127.0.0.1:${await closedPort()}/api/posts`).catch(
      (failure: unknown) => failure,
    );
    expect(isApiUnreachable(error)).toBe(true);
  });

  test('leaves every other error to be reported', () => {
    expect(isApiUnreachable(new Error('boom'))).toBe(false);
    expect(
      isApiUnreachable(new TypeError("Cannot read properties of undefined (reading 'x')")),
    ).toBe(false);
    expect(isApiUnreachable(new Response('Not Found', { status: 404 }))).toBe(false);
  });
});
