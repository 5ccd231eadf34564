/** A count per key within a fixed window that starts at the key's first hit. */
export interface WindowCount {
  count: number;
  /** Milliseconds until the window ends (0 when the key has no count). */
  resetInMs: number;
}

/** Where rate-limit counters live: process memory by default, Redis when several processes share them. */
export interface CounterStore {
  increment(key: string, windowMs: number): Promise<WindowCount>;
  peek(key: string): Promise<WindowCount>;
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

export const NO_COUNT: WindowCount = { count: 0, resetInMs: 0 };

export class MemoryCounterStore implements CounterStore {
  private readonly counters = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async increment(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.now();
    this.dropExpired(now);
    const counter = this.counters.get(key) ?? { count: 0, resetAt: now + windowMs };
    counter.count += 1;
    this.counters.set(key, counter);
    return { count: counter.count, resetInMs: counter.resetAt - now };
  }

  async peek(key: string): Promise<WindowCount> {
    const now = this.now();
    const counter = this.counters.get(key);
    if (!counter || counter.resetAt <= now) return NO_COUNT;
    return { count: counter.count, resetInMs: counter.resetAt - now };
  }

  async reset(key: string): Promise<void> {
    this.counters.delete(key);
  }

  async close(): Promise<void> {
    this.counters.clear();
  }

  /** Keeps memory bounded by the keys active within one window. */
  private dropExpired(now: number): void {
    for (const [key, counter] of this.counters) {
      if (counter.resetAt <= now) this.counters.delete(key);
    }
  }
}
