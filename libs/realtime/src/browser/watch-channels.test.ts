import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type FayeClient,
  type FayeClientConstructor,
  type FayeSubscription,
} from './faye-client.js';
import { type WatchChannelsOptions, watchChannels } from './watch-channels.js';

/** A Faye client whose transport events and subscription answers the test controls. */
class FakeFayeClient implements FayeClient {
  static instances: FakeFayeClient[] = [];
  static refuseSubscriptions = false;
  readonly listeners = new Map<string, () => void>();
  readonly handlers = new Map<string, (data: unknown) => void>();
  readonly cancelled: string[] = [];
  disconnected = false;

  constructor(readonly endpoint: string) {
    FakeFayeClient.instances.push(this);
  }

  subscribe(channel: string, onData: (data: unknown) => void): FayeSubscription {
    this.handlers.set(channel, onData);
    const answer = FakeFayeClient.refuseSubscriptions
      ? Promise.reject(new Error('403'))
      : Promise.resolve();
    return {
      then: (ok, fail) => answer.then(ok, fail),
      cancel: () => this.cancelled.push(channel),
    };
  }

  on(event: string, listener: () => void): void {
    this.listeners.set(event, listener);
  }

  emit(event: 'transport:up' | 'transport:down'): void {
    this.listeners.get(event)?.();
  }

  deliver(channel: string, data: unknown): void {
    this.handlers.get(channel)?.(data);
  }

  disconnect(): void {
    this.disconnected = true;
  }

  publish(): never {
    throw new Error('readers never publish');
  }
  addExtension(): void {}
  disable(): void {}
}

const hint = (commentCount: number) => ({ postId: 1, commentCount, latestCommentId: commentCount });

describe('watchChannels', () => {
  let onHint: ReturnType<typeof vi.fn<WatchChannelsOptions['onHint']>>;
  let onRefresh: ReturnType<typeof vi.fn<() => void>>;
  let loadClient: ReturnType<typeof vi.fn<WatchChannelsOptions['loadClient']>>;

  const start = (overrides: Partial<WatchChannelsOptions> = {}) =>
    watchChannels({
      apiOrigin: 'https://api.example.test',
      channels: ['/comments/1', '/posts'],
      onHint,
      onRefresh,
      loadClient,
      ...overrides,
    });
  const client = (): FakeFayeClient => {
    const created = FakeFayeClient.instances.at(-1);
    if (!created) throw new Error('no Faye client was created');
    return created;
  };
  /** Loads the client, lets its subscriptions be answered, and brings the transport up. */
  const startLive = async (overrides: Partial<WatchChannelsOptions> = {}) => {
    const watch = start(overrides);
    await vi.advanceTimersByTimeAsync(0);
    client().emit('transport:up');
    return watch;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    FakeFayeClient.instances = [];
    FakeFayeClient.refuseSubscriptions = false;
    onHint = vi.fn();
    onRefresh = vi.fn();
    loadClient = vi.fn(async () => FakeFayeClient as FayeClientConstructor);
  });
  afterEach(() => vi.useRealTimers());

  it('loads the client once and connects to the mount on the API origin', async () => {
    const watch = await startLive();
    expect(loadClient).toHaveBeenCalledTimes(1);
    expect(client().endpoint).toBe('https://api.example.test/realtime');
    expect([...client().handlers.keys()]).toEqual(['/comments/1', '/posts']);
    expect(watch.status).toBe('live');
    watch.stop();
  });

  it('refreshes every 5 s when the client script cannot be loaded', async () => {
    loadClient.mockRejectedValue(new Error('blocked'));
    const watch = start();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(onRefresh).toHaveBeenCalledTimes(3);
    expect(watch.status).toBe('fallback');
    watch.stop();
  });

  it('while live, refreshes only every 5 minutes as a safety net', async () => {
    const watch = await startLive();
    await vi.advanceTimersByTimeAsync(5 * 60_000 - 1);
    expect(onRefresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onRefresh).toHaveBeenCalledTimes(1);
    watch.stop();
  });

  it('polls every 5 s while the transport is down, and stops polling when it returns', async () => {
    const watch = await startLive();
    client().emit('transport:down');
    expect(watch.status).toBe('fallback');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onRefresh).toHaveBeenCalledTimes(2);

    client().emit('transport:up');
    expect(watch.status).toBe('live');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onRefresh).toHaveBeenCalledTimes(2);
    watch.stop();
  });

  it('stays on polling when the server refuses a subscription', async () => {
    FakeFayeClient.refuseSubscriptions = true;
    const watch = await startLive();
    expect(watch.status).toBe('fallback');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(onRefresh).toHaveBeenCalledTimes(1);
    watch.stop();
  });

  it('passes validated hints on, at most one per 500 ms per channel, keeping the newest', async () => {
    const watch = await startLive();
    client().deliver('/comments/1', hint(1));
    client().deliver('/comments/1', hint(2));
    client().deliver('/comments/1', hint(3));
    client().deliver('/posts', { postId: 2, slug: 'new-post' });
    expect(onHint.mock.calls).toEqual([
      ['/comments/1', hint(1)],
      ['/posts', { postId: 2, slug: 'new-post' }],
    ]);
    await vi.advanceTimersByTimeAsync(500);
    expect(onHint.mock.calls.at(-1)).toEqual(['/comments/1', hint(3)]);
    expect(onHint).toHaveBeenCalledTimes(3);
    watch.stop();
  });

  it('ignores data that is not a hint for its channel', async () => {
    const watch = await startLive();
    client().deliver('/comments/1', { ...hint(1), body: 'injected' });
    client().deliver('/comments/1', { postId: 2, commentCount: 1, latestCommentId: 1 });
    expect(onHint).not.toHaveBeenCalled();
    watch.stop();
  });

  it('stop() unsubscribes, disconnects, and cancels polls and pending hints', async () => {
    const watch = await startLive();
    client().deliver('/comments/1', hint(1));
    client().deliver('/comments/1', hint(2));
    watch.stop();

    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(onHint).toHaveBeenCalledTimes(1);
    expect(onRefresh).not.toHaveBeenCalled();
    expect(client().cancelled).toEqual(['/comments/1', '/posts']);
    expect(client().disconnected).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never connects when stopped before the script has loaded', async () => {
    const watch = start();
    watch.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(FakeFayeClient.instances).toEqual([]);
    expect(onRefresh).not.toHaveBeenCalled();
  });
});
