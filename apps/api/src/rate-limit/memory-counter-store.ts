import {
  type CounterStore,
  delayAfter,
  type LadderStep,
  type Reservation,
  type WindowCount,
} from './counter-store.js';

interface Window {
  count: number;
  resetAt: number;
}

interface LadderState {
  failures: number;
  /** No attempt before this instant. */
  waitUntil: number;
  forgetAt: number;
}

interface Group {
  keys: Set<string>;
  forgetAt: number;
}

const SWEEP_EVERY_MS = 1000;

/** Rate-limit state in this process: the default, and the fallback while Redis fails. */
export class MemoryCounterStore implements CounterStore {
  private readonly windows = new Map<string, Window>();
  private readonly ladders = new Map<string, LadderState>();
  private readonly groups = new Map<string, Group>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async increment(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.sweep();
    const existing = this.windows.get(key);
    const window =
      existing && existing.resetAt > now ? existing : { count: 0, resetAt: now + windowMs };
    window.count += 1;
    this.windows.set(key, window);
    return { count: window.count, resetInMs: window.resetAt - now };
  }

  async reserve(steps: LadderStep[]): Promise<Reservation> {
    const now = this.sweep();
    let refusal: Reservation = { allowed: true };
    steps.forEach((step, index) => {
      const wait = (this.live(step.key, now)?.waitUntil ?? 0) - now;
      if (wait > 0 && (refusal.allowed || wait > refusal.retryInMs)) {
        refusal = { allowed: false, refusedStep: index, retryInMs: wait };
      }
    });
    if (!refusal.allowed) return refusal;
    for (const step of steps) {
      const state = this.live(step.key, now) ?? { failures: 0, waitUntil: 0, forgetAt: 0 };
      state.failures += 1;
      const delay = delayAfter(state.failures, step.ladder);
      if (delay > 0) state.waitUntil = now + delay;
      state.forgetAt = Math.max(state.forgetAt, now + step.ladder.forgetAfterMs);
      this.ladders.set(step.key, state);
      if (step.groupKey) {
        const group = this.groups.get(step.groupKey) ?? { keys: new Set(), forgetAt: 0 };
        group.keys.add(step.key);
        group.forgetAt = Math.max(group.forgetAt, state.forgetAt);
        this.groups.set(step.groupKey, group);
      }
    }
    return refusal;
  }

  async refund(steps: LadderStep[]): Promise<void> {
    const now = this.now();
    for (const step of steps) {
      const state = this.live(step.key, now);
      if (!state) continue;
      state.failures -= 1;
      if (delayAfter(state.failures, step.ladder) === 0) state.waitUntil = 0;
    }
  }

  async forget(keys: string[]): Promise<void> {
    for (const key of keys) this.ladders.delete(key);
  }

  async forgetGroup(groupKey: string): Promise<void> {
    await this.forget([...(this.groups.get(groupKey)?.keys ?? [])]);
    this.groups.delete(groupKey);
  }

  async groupWaitMs(groupKey: string): Promise<number> {
    const now = this.now();
    let longest = 0;
    for (const key of this.groups.get(groupKey)?.keys ?? []) {
      longest = Math.max(longest, (this.live(key, now)?.waitUntil ?? 0) - now);
    }
    return longest;
  }

  async close(): Promise<void> {
    this.windows.clear();
    this.ladders.clear();
    this.groups.clear();
  }

  private live(key: string, now: number): LadderState | undefined {
    const state = this.ladders.get(key);
    return state && state.forgetAt > now ? state : undefined;
  }

  /** Keeps memory bounded by the keys active within their windows; answers the time. */
  private sweep(): number {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return now;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    for (const [key, state] of this.ladders) if (state.forgetAt <= now) this.ladders.delete(key);
    for (const [key, group] of this.groups) if (group.forgetAt <= now) this.groups.delete(key);
    return now;
  }
}
