/**
 * A Map that keeps at most `maxEntries` entries, dropping the least recently used one when a new
 * key would exceed the bound. Reads (`get`) count as use. Keyv accepts any Map as its store, so
 * the Nest `CACHE_MANAGER` and the memoizer share one bounded map.
 */
export class LruMap<V> extends Map<string, V> {
  /** Entries dropped to make room since the map was created. */
  evictions = 0;

  constructor(
    private readonly maxEntries: number,
    /** Told of every entry leaving the map (deleted, replaced or evicted). */
    private readonly onRemove: (key: string, value: V) => void = () => undefined,
  ) {
    super();
    if (!(Number.isInteger(maxEntries) && maxEntries > 0))
      throw new RangeError(
        `An LRU map needs a positive whole number of entries, got ${maxEntries}`,
      );
  }

  override get(key: string): V | undefined {
    if (!super.has(key)) return undefined;
    const value = super.get(key) as V;
    // Map iterates in insertion order: re-inserting moves the key to the most recent end.
    super.delete(key);
    super.set(key, value);
    return value;
  }

  override set(key: string, value: V): this {
    this.delete(key);
    super.set(key, value);
    while (this.size > this.maxEntries) {
      const oldest = this.keys().next().value as string;
      this.delete(oldest);
      this.evictions += 1;
    }
    return this;
  }

  override delete(key: string): boolean {
    if (!super.has(key)) return false;
    const value = super.get(key) as V;
    super.delete(key);
    this.onRemove(key, value);
    return true;
  }

  override clear(): void {
    for (const key of [...this.keys()]) this.delete(key);
  }
}
