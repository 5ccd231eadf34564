import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';

/** Hears the cache tags a write dropped, in whichever API process the write ran. */
export type DroppedTagsListener = (tags: readonly string[]) => void;

export interface FeedLogger {
  warn(message: string): void;
}

/**
 * The cache tags writes drop, announced to whoever keeps copies outside the API (the site's page
 * cache, through `GET /api/dropped-tags`). With Redis every API process hears every drop.
 */
export interface DroppedTagsFeed {
  /**
   * Tells every listener of every process. Resolves once this process's listeners have the tags
   * and, with Redis, once Redis has handed them to every other process. Never rejects.
   */
  publish(tags: readonly string[]): Promise<void>;
  /**
   * Adds a listener. `onDown` runs if the feed stops being able to promise every drop (Redis
   * lost, or the process stopping): the listener is then removed and must subscribe again.
   * Returns undefined (and subscribes nothing) while the feed is down.
   */
  subscribe(listener: DroppedTagsListener, onDown: () => void): (() => void) | undefined;
  /** Ends every subscription (each `onDown` runs) and the Redis connections. */
  close(): Promise<void>;
}

interface Subscription {
  listener: DroppedTagsListener;
  onDown: () => void;
}

/** Keeps the subscriptions of one process; every feed delivers through it. */
function createSubscriptions() {
  const subscriptions = new Set<Subscription>();
  return {
    add(subscription: Subscription): () => void {
      subscriptions.add(subscription);
      return () => subscriptions.delete(subscription);
    },
    deliver(tags: readonly string[]): void {
      for (const { listener } of subscriptions) listener(tags);
    },
    endAll(): void {
      const ended = [...subscriptions];
      subscriptions.clear();
      for (const { onDown } of ended) onDown();
    },
  };
}

/** One process: a drop reaches this process's listeners before `publish` resolves. */
export function createLocalDroppedTagsFeed(): DroppedTagsFeed {
  const subscriptions = createSubscriptions();
  let closed = false;
  return {
    publish: async (tags) => subscriptions.deliver(tags),
    subscribe: (listener, onDown) => (closed ? undefined : subscriptions.add({ listener, onDown })),
    async close() {
      closed = true;
      subscriptions.endAll();
    },
  };
}

/** A drop, or a process saying it has handed drop `ack` to its listeners. */
type FeedMessage = { id: string; tags: string[] } | { ack: string };

/** How long `publish` waits for every process to confirm a drop (or for a stalled Redis). */
const ACK_TIMEOUT_MS = 1_000;

interface PendingDrop {
  /** How many subscribers Redis handed the drop to (PUBLISH's answer); unknown until it answers. */
  expected: number | undefined;
  acks: number;
  settle(): void;
}

/**
 * Every process publishes to one Redis channel and delivers what it receives, its own drops
 * included, so each listener hears each drop once. A process that delivered a drop answers with
 * an acknowledgement on the same channel; `publish` resolves once as many came back as Redis
 * counted receivers (or after a second), so every process's listeners have the tags by then.
 * While the subscriber connection is down nothing can promise a drop reaches this process, so
 * subscriptions end and new ones are refused until it is back.
 */
export function createRedisDroppedTagsFeed(options: {
  url: string;
  channel: string;
  logger: FeedLogger;
}): DroppedTagsFeed {
  const { url, channel, logger } = options;
  const publisher = createClient({ url, disableOfflineQueue: true });
  const subscriber = publisher.duplicate();
  const subscriptions = createSubscriptions();
  const pending = new Map<string, PendingDrop>();
  let closed = false;
  let listening = false;

  const countAck = (drop: PendingDrop | undefined): void => {
    if (!drop) return;
    drop.acks += 1;
    if (drop.expected !== undefined && drop.acks >= drop.expected) drop.settle();
  };
  const receive = (raw: string): void => {
    let message: FeedMessage;
    try {
      message = JSON.parse(raw) as FeedMessage;
      if (!('ack' in message) && !Array.isArray(message.tags)) throw new Error('no tags');
    } catch {
      logger.warn('Dropped tags: ignored a malformed message from Redis');
      return;
    }
    if ('ack' in message) return countAck(pending.get(String(message.ack)));
    subscriptions.deliver(message.tags.map(String));
    void publisher
      .publish(channel, JSON.stringify({ ack: message.id } satisfies FeedMessage))
      .catch(() => undefined);
  };
  const down = (): void => {
    if (listening) logger.warn('Dropped tags: Redis subscriber lost, listeners disconnected');
    listening = false;
    subscriptions.endAll();
  };
  publisher.on('error', () => undefined);
  subscriber.on('error', down);
  subscriber.on('end', down);
  // On reconnection the client subscribes again before it reports ready.
  subscriber.on('ready', () => {
    listening = !closed;
  });
  void publisher.connect().catch(() => undefined);
  void subscriber
    .connect()
    .then(() => subscriber.subscribe(channel, receive))
    .then(
      () => {
        listening = !closed;
      },
      () => undefined,
    );

  return {
    async publish(tags) {
      const id = randomUUID();
      const drop: PendingDrop = { expected: undefined, acks: 0, settle: () => undefined };
      let timer: NodeJS.Timeout | undefined;
      // Settled by the last acknowledgement, a failed publish, or the timeout: a Redis that
      // stalls never holds a write's side effects for longer than that.
      const confirmed = new Promise<void>((resolve) => {
        drop.settle = resolve;
        timer = setTimeout(resolve, ACK_TIMEOUT_MS);
      });
      pending.set(id, drop);
      publisher
        .publish(channel, JSON.stringify({ id, tags: [...tags] } satisfies FeedMessage))
        .then(
          (receivers) => {
            drop.expected = receivers;
            if (drop.acks >= receivers) drop.settle();
          },
          (error: unknown) => {
            // Redis is away: whoever listens here hears it; the other processes' listeners were
            // disconnected by their own lost subscriber, and clear what they keep on reconnection.
            logger.warn(
              `Dropped tags: Redis publish failed (${String(error)}), told this process only`,
            );
            subscriptions.deliver(tags);
            drop.settle();
          },
        );
      await confirmed;
      clearTimeout(timer);
      pending.delete(id);
    },
    subscribe: (listener, onDown) =>
      listening && !closed ? subscriptions.add({ listener, onDown }) : undefined,
    async close() {
      closed = true;
      listening = false;
      subscriptions.endAll();
      // Nothing is waiting on these connections: no goodbye a stalled Redis could hold up.
      for (const client of [subscriber, publisher]) if (client.isOpen) client.destroy();
    },
  };
}
