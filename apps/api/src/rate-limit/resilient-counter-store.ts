import {
  type CounterStore,
  type LadderStep,
  type Reservation,
  type WindowCount,
} from './counter-store.js';

export interface ResilientCounterStoreOptions {
  /** Longest wait for the shared store's answer before the fallback answers instead. */
  timeoutMs: number;
  /** After a failure, how long the fallback answers alone before the shared store is tried again. */
  retryAfterMs: number;
  /** Told when the shared store fails and when it answers again. */
  onError: (message: string) => void;
}

class CounterStoreTimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

function withTimeout<T>(operation: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new CounterStoreTimeoutError(ms)), ms);
    operation.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * The shared store (Redis) with a bound on every call, and a fallback (process memory) that
 * answers while it is down or stalled: limits hold per process instead of failing open, and a
 * stalled Redis costs a request at most `timeoutMs`. After a failure the fallback alone answers
 * for `retryAfterMs`, so a dead Redis is not waited on by every request.
 */
export class ResilientCounterStore implements CounterStore {
  private fallbackUntil = 0;

  constructor(
    private readonly shared: CounterStore,
    private readonly fallback: CounterStore,
    private readonly options: ResilientCounterStoreOptions,
  ) {}

  increment(key: string, windowMs: number): Promise<WindowCount> {
    return this.run((store) => store.increment(key, windowMs));
  }

  reserve(steps: LadderStep[]): Promise<Reservation> {
    return this.run((store) => store.reserve(steps));
  }

  refund(steps: LadderStep[]): Promise<void> {
    return this.run((store) => store.refund(steps));
  }

  async forget(keys: string[]): Promise<void> {
    await Promise.all([this.run((store) => store.forget(keys)), this.fallback.forget(keys)]);
  }

  async forgetGroup(groupKey: string): Promise<void> {
    await Promise.all([
      this.run((store) => store.forgetGroup(groupKey)),
      this.fallback.forgetGroup(groupKey),
    ]);
  }

  groupWaitMs(groupKey: string): Promise<number> {
    return this.run((store) => store.groupWaitMs(groupKey));
  }

  async close(): Promise<void> {
    await Promise.all([this.shared.close(), this.fallback.close()]);
  }

  private async run<T>(operation: (store: CounterStore) => Promise<T>): Promise<T> {
    if (Date.now() < this.fallbackUntil) return operation(this.fallback);
    try {
      const answer = await withTimeout(operation(this.shared), this.options.timeoutMs);
      if (this.fallbackUntil !== 0) {
        this.fallbackUntil = 0;
        this.options.onError('Redis rate-limit store answers again: limits are shared again');
      }
      return answer;
    } catch (error) {
      this.fallbackUntil = Date.now() + this.options.retryAfterMs;
      this.options.onError(
        `Redis rate-limit store failed (${(error as Error).message}): limits kept in this process's memory`,
      );
      return operation(this.fallback);
    }
  }
}
