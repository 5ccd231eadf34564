/**
 * Readers: many Faye websocket clients in one process, spread over the given endpoints, all
 * subscribed to post 1's channel. Records when each hint reached each client, per client, so
 * misses and duplicates show.
 */
import { FayeNodeClient, type FayeClient, commentChannel } from '@inkwell/realtime';
import { now, serveRequests } from './ipc.js';

const [countArg, ...endpoints] = process.argv.slice(2);
const count = Number(countArg);
const CONNECT_BATCH = 50;

const clients: FayeClient[] = [];
/** Hint id -> receive times, one per delivery. */
const receivedAt = new Map<number, number[]>();
/** Hint id -> deliveries per client (index in `clients`). */
const deliveriesPerClient = new Map<number, Uint32Array>();

function recordDelivery(clientIndex: number, id: number): void {
  const times = receivedAt.get(id) ?? [];
  times.push(now());
  receivedAt.set(id, times);
  const counts = deliveriesPerClient.get(id) ?? new Uint32Array(count);
  counts[clientIndex]!++;
  deliveriesPerClient.set(id, counts);
}

/** Over the given hints, how many (client, hint) pairs got the hint 0, 1 or more times. */
function countDeliveriesPerClient(ids: number[]): {
  missed: number;
  once: number;
  duplicated: number;
} {
  const tally = { missed: 0, once: 0, duplicated: 0 };
  for (const id of ids) {
    const counts = deliveriesPerClient.get(id) ?? new Uint32Array(count);
    for (const deliveries of counts) {
      if (deliveries === 0) tally.missed++;
      else if (deliveries === 1) tally.once++;
      else tally.duplicated++;
    }
  }
  return tally;
}

for (let start = 0; start < count; start += CONNECT_BATCH) {
  const batch = Array.from({ length: Math.min(CONNECT_BATCH, count - start) }, (_, offset) => {
    const clientIndex = start + offset;
    const client = new FayeNodeClient(endpoints[clientIndex % endpoints.length]!);
    // Faye handshakes over long-polling, then moves to websocket (counted by the servers).
    clients.push(client);
    return client.subscribe(commentChannel(1), (data) => {
      recordDelivery(clientIndex, (data as { latestCommentId: number }).latestCommentId);
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
    return { latencies, perClient: countDeliveriesPerClient(Object.keys(sent).map(Number)) };
  }
  for (const client of clients) client.disconnect();
  process.exit(0);
});

process.send?.({ subscribed: clients.length });
