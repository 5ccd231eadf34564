/** A count per key within a fixed window that starts at the key's first hit. */
export interface WindowCount {
  count: number;
  /** Milliseconds until the window ends (0 when the key has no count). */
  resetInMs: number;
}

/**
 * Failures that earn growing waits: the first `freeFailures - 1` cost nothing; the
 * `freeFailures`-th and each one after it make the next attempt wait `firstDelayMs`, doubled
 * per further failure up to `maxDelayMs`. Forgotten `forgetAfterMs` after the last failure.
 */
export interface DelayLadder {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

/** One ladder climbed under one key; `groupKey` lists the key so it can be forgotten with others. */
export interface LadderStep {
  key: string;
  ladder: DelayLadder;
  groupKey?: string;
}

export type Reservation =
  | { allowed: true }
  /** `refusedStep`: index of the step with the longest wait left. */
  | { allowed: false; refusedStep: number; retryInMs: number };

/**
 * Where rate-limit state lives: process memory by default, Redis when several processes share
 * it. Every method is one atomic step, so concurrent requests cannot slip past a limit.
 */
export interface CounterStore {
  /** Counts one event in the key's fixed window (e.g. comments per address). */
  increment(key: string, windowMs: number): Promise<WindowCount>;
  /**
   * Refused, counting nothing, while any step waits out a delay; else counts one failure on
   * every step in advance (an attempt is a failure until it is refunded) and arms their delays.
   */
  reserve(steps: LadderStep[]): Promise<Reservation>;
  /** Takes back one reserved failure from each step (the attempt succeeded or never ran). */
  refund(steps: LadderStep[]): Promise<void>;
  /** Forgets the keys altogether. */
  forget(keys: string[]): Promise<void>;
  /** Forgets every key ever reserved into the group, and the group. */
  forgetGroup(groupKey: string): Promise<void>;
  /** The longest wait left among the group's keys (0: none). */
  groupWaitMs(groupKey: string): Promise<number>;
  close(): Promise<void>;
}

/** The wait a step's failure count earns. */
export function delayAfter(failures: number, ladder: DelayLadder): number {
  if (failures < ladder.freeFailures) return 0;
  return Math.min(ladder.maxDelayMs, ladder.firstDelayMs * 2 ** (failures - ladder.freeFailures));
}
