import { TooManyRequestsError } from './rate-limit.errors.js';
import { type CounterStore } from './counter-store.js';

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

/** A 429 whose message and `Retry-After` name the same wait. */
export function refusal(describe: (wait: string) => string, waitMs: number): TooManyRequestsError {
  return new TooManyRequestsError(
    describe(formatWait(waitMs)),
    Math.max(1, Math.ceil(waitMs / 1000)),
  );
}

/** Counts this event and throws when it goes over the limit (e.g. one comment posted). */
export async function consume(
  store: CounterStore,
  policy: RateLimitPolicy,
  key: string,
): Promise<void> {
  const window = await store.increment(`${policy.name}:${key}`, policy.windowMs);
  if (window.count > policy.limit) throw refusal(policy.describe, window.resetInMs);
}
