/**
 * The server side of live comments: a Faye (Bayeux) endpoint on the API's HTTP server, a guard
 * that makes it subscribe-only for the outside world, and the publish functions the API calls
 * after a write. Plain functions, no framework: the API calls `attach(httpServer)` once.
 */
import { randomBytes } from 'node:crypto';
import { type Server as HttpServer } from 'node:http';
import { attachWithoutClientFiles } from './attach-without-client-files.js';
import { POSTS_CHANNEL, commentChannel } from './channels.js';
import { FayeNodeAdapter } from './faye.js';
import { type DeliverLocally, type HintRelay, createLocalRelay } from './hint-relay.js';
import {
  type CommentHint,
  type Hint,
  type PostHint,
  parseCommentHint,
  parsePostHint,
} from './hints.js';
import { type RealtimeLogger, consoleLogger } from './logger.js';
import { DEFAULT_MOUNT, assertMount } from './mount.js';
import { createPublishGuard, createPublishSigner } from './publish-guard.js';
import { createRedisRelay } from './redis-relay.js';

export const DEFAULT_NAMESPACE = 'inkwell';

/** The Redis pub/sub channel of one site: sites sharing a Redis never see each other's hints. */
export function redisChannelFor(namespace: string): string {
  return `${namespace}:realtime:hints`;
}

export const DEFAULT_REDIS_CHANNEL = redisChannelFor(DEFAULT_NAMESPACE);

export interface RealtimeServerOptions {
  /** URL path of the Bayeux endpoint. */
  mount?: string;
  /** With a Redis URL, hints published by any API process reach readers connected to any other. */
  redisUrl?: string;
  /** The site's namespace (the API passes CACHE_NAMESPACE); names the Redis channel. Default `inkwell`. */
  namespace?: string;
  /** Redis pub/sub channel shared by the processes of one site. Default `<namespace>:realtime:hints`. */
  redisChannel?: string;
  logger?: RealtimeLogger;
  /** Told of sessions and hints, e.g. to count them for metrics. */
  observer?: RealtimeObserver;
}

/** Which hint: a post's comments changed, or a post was published. */
export type HintKind = 'comment' | 'post';

/** What the server tells an observer; each call must be cheap (it runs on every event). */
export interface RealtimeObserver {
  /** A Bayeux client (a reader's page, or a publisher) opened a session. */
  clientConnected(): void;
  /** A session ended: the client disconnected, or went silent until it timed out. */
  clientDisconnected(): void;
  /** A valid hint went out to this process's readers and, with Redis, to the other processes. */
  hintPublished(kind: HintKind): void;
}

export interface RealtimeHealth {
  status: 'up' | 'degraded';
  fanOut: 'single-process' | 'redis';
}

export interface RealtimeServer {
  readonly mount: string;
  /**
   * Serves Bayeux (websocket, then long-polling) on `httpServer`; the browser client is the
   * site's to serve (`<mount>/client.js` and other script paths go to the application).
   */
  attach(httpServer: HttpServer): void;
  /** Resolves once hints reach every process (at once without Redis). Never rejects. */
  ready(): Promise<void>;
  /** Tells readers of a post that its comments changed. Never rejects; awaiting is optional. */
  publishCommentHint(hint: CommentHint): Promise<void>;
  /** Tells readers that a post was published. Never rejects; awaiting is optional. */
  publishPostHint(hint: PostHint): Promise<void>;
  /** For the API heartbeat: `degraded` means hints currently reach only some readers. */
  health(): Promise<RealtimeHealth>;
  close(): Promise<void>;
}

export function createRealtimeServer(options: RealtimeServerOptions = {}): RealtimeServer {
  const mount = assertMount(options.mount ?? DEFAULT_MOUNT);
  const logger = options.logger ?? consoleLogger;

  // The secret never leaves this process: each process publishes only to its own Bayeux server.
  const secret = randomBytes(32).toString('base64url');
  const adapter = new FayeNodeAdapter({ mount });
  adapter.addExtension(createPublishGuard(secret));
  if (options.observer) {
    const { observer } = options;
    adapter.on('handshake', () => observer.clientConnected());
    adapter.on('disconnect', () => observer.clientDisconnected());
  }
  const localPublisher = adapter.getClient();
  localPublisher.addExtension(createPublishSigner(secret));

  const deliverLocally: DeliverLocally = (channel, hint) => {
    localPublisher.publish(channel, hint).then(undefined, (error: unknown) => {
      logger.error(`Realtime: the Bayeux server refused a hint on ${channel}`, error);
    });
  };
  const relay: HintRelay = options.redisUrl
    ? createRedisRelay({
        url: options.redisUrl,
        channel: options.redisChannel ?? redisChannelFor(options.namespace ?? DEFAULT_NAMESPACE),
        deliverLocally,
        logger,
      })
    : createLocalRelay(deliverLocally);

  async function publishValidated(
    kind: HintKind,
    build: () => [channel: string, hint: Hint],
  ): Promise<void> {
    let channel: string;
    let hint: Hint;
    try {
      [channel, hint] = build();
    } catch (error) {
      logger.error('Realtime: refused to publish an invalid hint', error);
      return;
    }
    options.observer?.hintPublished(kind);
    await relay.publish(channel, hint);
  }

  return {
    mount,
    attach: (httpServer) => attachWithoutClientFiles(adapter, httpServer, mount),
    ready: () => relay.ready(),
    publishCommentHint: (input) =>
      publishValidated('comment', () => {
        const hint = parseCommentHint(input);
        return [commentChannel(hint.postId), hint];
      }),
    publishPostHint: (input) =>
      publishValidated('post', () => [POSTS_CHANNEL, parsePostHint(input)]),
    async health() {
      const { fanOut, healthy } = await relay.health();
      return { status: healthy ? 'up' : 'degraded', fanOut };
    },
    async close() {
      await relay.close();
      localPublisher.disconnect();
      adapter.close();
    },
  };
}
