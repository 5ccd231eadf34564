/** A reader as the browser would be one: a Faye client subscribed to channels over HTTP. */
import { FayeNodeClient } from '../../src/faye.js';
import { type FayeClient, type FayeMessage } from '../../src/browser/faye-client.js';

export interface Reader {
  client: FayeClient;
  /** Data received on each channel, in arrival order. */
  received: Map<string, unknown[]>;
  /** Every message as it came off the wire, for checks on fields other than data. */
  rawMessages: FayeMessage[];
  subscribe(channel: string): Promise<void>;
  /** Resolves with the channel's data once it holds `count` items; rejects after `timeoutMs`. */
  waitFor(channel: string, count: number, timeoutMs?: number): Promise<unknown[]>;
  close(): void;
}

export function createReader(endpoint: string, options: { websocket?: boolean } = {}): Reader {
  const client = new FayeNodeClient(endpoint);
  if (options.websocket === false) client.disable('websocket');
  const received = new Map<string, unknown[]>();
  const rawMessages: FayeMessage[] = [];
  const waiters = new Set<() => void>();

  client.addExtension({
    incoming(message, callback) {
      if (!message.channel.startsWith('/meta/')) rawMessages.push(structuredClone(message));
      callback(message);
    },
  });

  return {
    client,
    received,
    rawMessages,
    async subscribe(channel) {
      received.set(channel, []);
      await client.subscribe(channel, (data) => {
        received.get(channel)?.push(data);
        for (const wake of waiters) wake();
      });
    },
    waitFor(channel, count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const items = received.get(channel) ?? [];
          if (items.length < count) return;
          cleanUp();
          resolve(items);
        };
        const timer = setTimeout(() => {
          cleanUp();
          reject(
            new Error(
              `${channel}: ${received.get(channel)?.length ?? 0} of ${count} within ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs);
        const cleanUp = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => client.disconnect(),
  };
}
