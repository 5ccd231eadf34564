/**
 * Readers: many Faye websocket clients in one process, spread over the given endpoints, all
 * subscribed to post 1's channel. Records when each hint reached each client.
 */
import { FayeNodeClient, type FayeClient, commentChannel } from '@inkwell/realtime';
import { now, serveRequests } from './ipc.js';

const [countArg, ...endpoints] = process.argv.slice(2);
const count = Number(countArg);
const CONNECT_BATCH = 50;

const clients: FayeClient[] = [];
/** Hint id -> receive times, one per delivery. */
const receivedAt = new Map<number, number[]>();

for (let start = 0; start < count; start += CONNECT_BATCH) {
  const batch = Array.from({ length: Math.min(CONNECT_BATCH, count - start) }, (_, offset) => {
    const client = new FayeNodeClient(endpoints[(start + offset) % endpoints.length]!);
    // Faye handshakes over long-polling, then moves to websocket (counted by the servers).
    clients.push(client);
    return client.subscribe(commentChannel(1), (data) => {
      const id = (data as { latestCommentId: number }).latestCommentId;
      const times = receivedAt.get(id) ?? [];
      times.push(now());
      receivedAt.set(id, times);
    });
  });
  await Promise.all(batch);
}

serveRequests(async (message) => {
  if ('latencies' in message) {
    const sent = message.latencies as Record<string, number>;
    const latencies: number[] = [];
    for (const [id, sentAt] of Object.entries(sent)) {
      for (const at of receivedAt.get(Number(id)) ?? []) latencies.push(at - sentAt);
    }
    return { latencies };
  }
  for (const client of clients) client.disconnect();
  process.exit(0);
});

process.send?.({ subscribed: clients.length });
