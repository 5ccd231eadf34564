/**
 * Cross-process fan-out over Redis pub/sub (faye-redis is unmaintained and breaks with current
 * Redis clients). Every process publishes hints to one Redis channel and every process,
 * including the sender, hands what it receives to its own Bayeux server. The sender never
 * delivers directly as well, and nothing delivered locally goes back to Redis, so each reader
 * gets each hint exactly once and no message can loop.
 */
import { createClient } from '@redis/client';
import { type DeliverLocally, type HintRelay } from './hint-relay.js';
import { type Hint, parseHintFor } from './hints.js';
import { type RealtimeLogger } from './logger.js';

export interface RedisRelayOptions {
  url: string;
  /** Redis pub/sub channel shared by all processes of one deployment. */
  channel: string;
  deliverLocally: DeliverLocally;
  logger: RealtimeLogger;
}

interface HintEnvelope {
  channel: string;
  hint: Hint;
}

type RedisClient = ReturnType<typeof createClient>;

const PING_TIMEOUT_MS = 1_000;

export function createRedisRelay({
  url,
  channel,
  deliverLocally,
  logger,
}: RedisRelayOptions): HintRelay {
  // Without the offline queue a publish fails at once while Redis is away, instead of piling
  // up and being replayed late; the caller then falls back to local delivery.
  const publisher: RedisClient = createClient({ url, disableOfflineQueue: true });
  const subscriber: RedisClient = publisher.duplicate();
  reportConnectionChanges(publisher, 'publisher', logger);
  reportConnectionChanges(subscriber, 'subscriber', logger);

  const receive = (raw: string): void => {
    try {
      const envelope = JSON.parse(raw) as Partial<HintEnvelope>;
      const hintChannel = String(envelope.channel);
      deliverLocally(hintChannel, parseHintFor(hintChannel, envelope.hint));
    } catch (error) {
      logger.error('Realtime: ignored a malformed hint from Redis', error);
    }
  };

  let closed = false;
  // connect() retries until Redis answers, so these settle only once it does (or on close).
  const live = Promise.all([
    publisher.connect(),
    subscriber.connect().then(() => subscriber.subscribe(channel, receive)),
  ]).then(
    () => undefined,
    (error: unknown) => {
      if (!closed) logger.error('Realtime: Redis bridge did not start', error);
    },
  );

  return {
    async publish(hintChannel, hint) {
      if (!publisher.isReady) {
        logger.warn(
          `Realtime: Redis unavailable, hint on ${hintChannel} reaches this process only`,
        );
        deliverLocally(hintChannel, hint);
        return;
      }
      try {
        await publisher.publish(
          channel,
          JSON.stringify({ channel: hintChannel, hint } satisfies HintEnvelope),
        );
      } catch (error) {
        // It may have reached Redis already: delivering locally too could show it twice.
        logger.error(`Realtime: Redis publish failed, hint on ${hintChannel} dropped`, error);
      }
    },
    ready: () => live,
    async health() {
      const healthy = subscriber.isReady && (await answersPing(publisher));
      return { fanOut: 'redis', healthy };
    },
    async close() {
      closed = true;
      await Promise.allSettled([closeClient(subscriber), closeClient(publisher)]);
    },
  };
}

/** One log line per outage, not one per reconnection attempt. */
function reportConnectionChanges(client: RedisClient, role: string, logger: RealtimeLogger): void {
  let down = false;
  client.on('error', (error: unknown) => {
    if (!down) logger.error(`Realtime: Redis ${role} unreachable, retrying`, error);
    down = true;
  });
  client.on('ready', () => {
    if (down) logger.warn(`Realtime: Redis ${role} connection restored`);
    down = false;
  });
}

async function answersPing(client: RedisClient): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  try {
    return await Promise.race([client.ping().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

async function closeClient(client: RedisClient): Promise<void> {
  if (client.isReady) await client.close();
  else if (client.isOpen) client.destroy();
}
