/**
 * One API process for the fan-out test, started with `fork`: an HTTP server with realtime
 * attached, bridged through Redis. Reports `{ origin }` once its bridge is live, publishes the
 * comment hints it is sent, and shuts down on `{ stop: true }`.
 */
import { createRealtimeServer } from '../../src/realtime-server.js';
import { listenOnLoopback } from './http-server.js';

type Command = { publish: unknown } | { stop: true };

const [redisUrl, redisChannel] = process.argv.slice(2);
const send = (message: object): void => {
  process.send?.(message);
};

const http = await listenOnLoopback();
const realtime = createRealtimeServer({
  redisUrl,
  redisChannel,
  logger: {
    warn: (message) => send({ log: message }),
    error: (message, error) => send({ log: `${message}: ${String(error)}` }),
  },
});
realtime.attach(http.server);
await realtime.ready();

process.on('message', (command: Command) => {
  void (async () => {
    if ('publish' in command) {
      await realtime.publishCommentHint(command.publish as never);
      send({ published: true });
    } else {
      await realtime.close();
      await http.close();
      process.disconnect();
    }
  })();
});

send({ origin: http.origin });
