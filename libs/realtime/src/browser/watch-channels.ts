/**
 * Keeps a page up to date: hints arrive over Bayeux while the connection is live, and a slow
 * poll stands in whenever it is not. The refresh callback is the page's own reload of its data
 * (in Remix, `revalidator.revalidate()`), so a missed hint costs latency, never correctness.
 */
import { DEFAULT_MOUNT, assertMount } from '../mount.js';
import { type Hint, parseHintFor } from '../hints.js';
import { createChannelThrottle } from './channel-throttle.js';
import {
  type FayeClient,
  type FayeClientConstructor,
  type FayeSubscription,
} from './faye-client.js';

export interface WatchChannelsOptions {
  /** Origin of the API serving realtime, e.g. `https://api.example.com`; `''` for this origin. */
  apiOrigin: string;
  /** The server's mount; defaults to `/realtime`. */
  mount?: string;
  /** Exact channel names, e.g. `[commentChannel(post.id)]`. */
  channels: readonly string[];
  /** A validated hint; called at most once per `throttleMs` per channel, newest hint last. */
  onHint(channel: string, hint: Hint): void;
  /** Reload the page's data: every `fallbackPollMs` without a live connection, else every `safetyPollMs`. */
  onRefresh(): void;
  throttleMs?: number;
  fallbackPollMs?: number;
  safetyPollMs?: number;
  /**
   * How to obtain the Faye client class: in a page, `loadFayeClient` with the site's own copy of
   * the browser client (the API does not serve one); in Node tests, `FayeNodeClient`.
   */
  loadClient(): Promise<FayeClientConstructor>;
}

export type WatchStatus = 'live' | 'fallback';

export interface ChannelWatch {
  /** `live` while hints flow; `fallback` while loading, after a failure, or with the transport down. */
  readonly status: WatchStatus;
  /** Unsubscribes, disconnects and cancels every timer. */
  stop(): void;
}

export const DEFAULT_THROTTLE_MS = 500;
export const DEFAULT_FALLBACK_POLL_MS = 5_000;
export const DEFAULT_SAFETY_POLL_MS = 5 * 60_000;

export function watchChannels(options: WatchChannelsOptions): ChannelWatch {
  const endpoint = `${options.apiOrigin}${assertMount(options.mount ?? DEFAULT_MOUNT)}`;
  const fallbackPollMs = options.fallbackPollMs ?? DEFAULT_FALLBACK_POLL_MS;
  const safetyPollMs = options.safetyPollMs ?? DEFAULT_SAFETY_POLL_MS;

  let stopped = false;
  let transportUp = false;
  let subscribed = false;
  let client: FayeClient | undefined;
  let subscriptions: FayeSubscription[] = [];
  let poll: { every: number; timer: ReturnType<typeof setInterval> } | undefined;

  const isLive = (): boolean => !stopped && transportUp && subscribed;
  const schedulePolling = (): void => {
    const every = isLive() ? safetyPollMs : fallbackPollMs;
    if (poll?.every === every) return;
    if (poll) clearInterval(poll.timer);
    poll = { every, timer: setInterval(() => options.onRefresh(), every) };
  };

  const throttle = createChannelThrottle<Hint>(
    options.throttleMs ?? DEFAULT_THROTTLE_MS,
    (channel, hint) => options.onHint(channel, hint),
  );
  const receive = (channel: string, data: unknown): void => {
    let hint: Hint;
    try {
      hint = parseHintFor(channel, data);
    } catch {
      return; // Not a hint this page understands: the polls still keep it current.
    }
    throttle.push(channel, hint);
  };

  const connect = (Client: FayeClientConstructor): void => {
    if (stopped) return;
    client = new Client(endpoint);
    client.on('transport:up', () => {
      transportUp = true;
      schedulePolling();
    });
    client.on('transport:down', () => {
      transportUp = false;
      schedulePolling();
    });
    const active = client;
    subscriptions = options.channels.map((channel) =>
      active.subscribe(channel, (data) => receive(channel, data)),
    );
    Promise.all(subscriptions).then(
      () => {
        subscribed = true;
        schedulePolling();
      },
      () => undefined, // Refused or failed: stay on polling.
    );
  };

  schedulePolling();
  options.loadClient().then(connect, () => undefined);

  return {
    get status() {
      return isLive() ? 'live' : 'fallback';
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (poll) clearInterval(poll.timer);
      throttle.cancel();
      for (const subscription of subscriptions) subscription.cancel();
      client?.disconnect();
    },
  };
}
