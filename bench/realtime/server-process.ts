/**
 * One API process: an HTTP server with realtime attached (bridged through Redis when a URL is
 * given). Answers `memory` (after a full GC), `publish` (records the send time) and `stop`.
 */
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { createRealtimeServer } from '@inkwell/realtime';
import { now, serveRequests } from './ipc.js';

const [redisUrl, redisChannel] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;

const http = createServer((_request, response) => response.writeHead(404).end());
const realtime = createRealtimeServer({
  ...(redisUrl ? { redisUrl, redisChannel } : {}),
  logger: { warn: console.warn, error: console.error },
});
realtime.attach(http);
let websocketUpgrades = 0;
http.on('upgrade', () => websocketUpgrades++);
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
await realtime.ready();

serveRequests(async (message) => {
  if ('memory' in message) {
    gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    return { memory: { rss, heapUsed }, websocketUpgrades };
  }
  if ('publish' in message) {
    const id = Number(message.publish);
    const sentAt = now();
    await realtime.publishCommentHint({ postId: 1, commentCount: id, latestCommentId: id });
    return { published: id, sentAt };
  }
  await realtime.close();
  process.exit(0);
});

process.send?.({ origin: `http://127.0.0.1:${(http.address() as AddressInfo).port}` });
