/**
 * Generation counters read before a computation starts, handed back when its result is stored.
 * Stores fill it; the memoizer only carries it.
 */
export interface GenerationSnapshot {
  readonly keys: readonly string[];
  readonly values: readonly string[];
}

/**
 * What the memoizer needs from a cache backend, on encoded entries. Keys arrive fully built
 * (namespace included); TTLs are milliseconds, as everywhere in cache-manager 7.
 */
export interface EntryStore {
  readonly kind: 'memory' | 'redis';
  /** Set while the first connection is being made: operations wait for it (within their timeout). */
  readonly connecting?: Promise<void> | undefined;
  /** The entry, or `undefined` when nothing is cached under the key. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Reads generation counters (a counter never bumped reads as `0`) before a computation. */
  readGenerations(generationKeys: readonly string[]): Promise<GenerationSnapshot>;
  /**
   * Stores the entry and records its key under each tag key, for at least `ttlMs`, only if no
   * counter of `snapshot` moved since it was read (atomically); `true` when stored.
   */
  setIfCurrent(
    key: string,
    entry: Uint8Array,
    ttlMs: number,
    tagKeys: readonly string[],
    snapshot: GenerationSnapshot,
  ): Promise<boolean>;
  /** Stores unconditionally (the markers of `storeResult: false`). */
  set(key: string, entry: Uint8Array, ttlMs: number): Promise<void>;
  /** Stores only when the key is free; `true` when this call stored it. */
  add(key: string, entry: Uint8Array, ttlMs: number): Promise<boolean>;
  delete(keys: readonly string[]): Promise<void>;
  /**
   * Bumps each generation counter, then deletes the keys and every key recorded under any of
   * the tag keys (and the tag records themselves), in one atomic step.
   */
  invalidate(
    generationKeys: readonly string[],
    keys: readonly string[],
    tagKeys: readonly string[],
  ): Promise<void>;
  /**
   * Takes a short lock owned by `token`; `true` when taken. Stores used by a single process may
   * always answer `true`: the memoizer already shares pending calls within a process.
   */
  lock(key: string, token: string, ttlMs: number): Promise<boolean>;
  /** Releases the lock only if `token` still owns it. */
  unlock(key: string, token: string): Promise<void>;
  /** An invalidation may not have reached the store: forget everything cached so far. */
  forgetAfterLostInvalidation(): void;
  /** Throws when the backend cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
