import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';

/** The real Redis of the machine; every test run writes under its own namespace and removes it. */
export const REDIS_URL = 'redis://127.0.0.1:6379';

export function uniqueNamespace(label: string): string {
  return `inkwell-test-${label}-${process.pid}-${randomUUID().slice(0, 8)}`;
}

export async function openTestClient() {
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  return client;
}

export async function keysUnder(
  client: Awaited<ReturnType<typeof openTestClient>>,
  namespace: string,
): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of client.scanIterator({ MATCH: `${namespace}:*`, COUNT: 500 }))
    keys.push(...batch);
  return keys.sort();
}

export async function removeNamespace(
  client: Awaited<ReturnType<typeof openTestClient>>,
  namespace: string,
): Promise<void> {
  const keys = await keysUnder(client, namespace);
  if (keys.length > 0) await client.unlink(keys);
}
