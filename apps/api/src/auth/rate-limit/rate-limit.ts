import { TooManyRequestsError } from '../auth.errors.js';
import { type CounterStore, type WindowCount } from './counter-store.js';

/** `limit` events per `windowMs` per key; `describe` words the refusal for a person. */
export interface RateLimitPolicy {
  name: string;
  limit: number;
  windowMs: number;
  describe: (wait: string) => string;
}

/** "in 14 minutes", "in 40 seconds": how long a refused client waits, rounded up. */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function refusal(policy: RateLimitPolicy, window: WindowCount): TooManyRequestsError {
  return new TooManyRequestsError(
    policy.describe(formatWait(window.resetInMs)),
    Math.max(1, Math.ceil(window.resetInMs / 1000)),
  );
}

/** Throws when the key has already used up its window (the caller counts failures itself). */
export async function assertUnderLimit(
  store: CounterStore,
  policy: RateLimitPolicy,
  key: string,
): Promise<void> {
  const window = await store.peek(`${policy.name}:${key}`);
  if (window.count >= policy.limit) throw refusal(policy, window);
}

export function recordHit(
  store: CounterStore,
  policy: RateLimitPolicy,
  key: string,
): Promise<WindowCount> {
  return store.increment(`${policy.name}:${key}`, policy.windowMs);
}

/** Counts this event and throws when it goes over the limit (e.g. one comment posted). */
export async function consume(
  store: CounterStore,
  policy: RateLimitPolicy,
  key: string,
): Promise<void> {
  const window = await recordHit(store, policy, key);
  if (window.count > policy.limit) throw refusal(policy, window);
}
