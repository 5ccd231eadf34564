import { LruMap } from './lru-map.js';
import { type EntryStore, type GenerationSnapshot } from './store.js';

/** Keyv's record layout (`{ value, expires }`), plus the tags the memoizer recorded. */
export interface MemoryRecord {
  value: unknown;
  expires?: number | undefined;
  tagKeys?: readonly string[];
}

/**
 * In-process store on a bounded LRU map, which is also the store of the Keyv instance
 * cache-manager uses. Every operation is synchronous underneath, so a compare-and-set cannot
 * interleave with an invalidation.
 */
export class MemoryEntryStore implements EntryStore {
  readonly kind = 'memory';
  readonly records: LruMap<MemoryRecord>;
  /** Tag key -> keys recorded under it; a key leaves its tags when its record leaves the map. */
  private readonly tagged = new Map<string, Set<string>>();
  private readonly generations = new Map<string, number>();

  constructor(maxEntries: number) {
    this.records = new LruMap<MemoryRecord>(maxEntries, (key, record) => this.untag(key, record));
  }

  get evictions(): number {
    return this.records.evictions;
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    return this.live(key)?.value as Uint8Array | undefined;
  }

  async readGenerations(generationKeys: readonly string[]): Promise<GenerationSnapshot> {
    return {
      keys: generationKeys,
      values: generationKeys.map((key) => String(this.generations.get(key) ?? 0)),
    };
  }

  async setIfCurrent(
    key: string,
    entry: Uint8Array,
    ttlMs: number,
    tagKeys: readonly string[],
    snapshot: GenerationSnapshot,
  ): Promise<boolean> {
    const current = snapshot.keys.every(
      (generationKey, i) => String(this.generations.get(generationKey) ?? 0) === snapshot.values[i],
    );
    if (current) this.store(key, entry, ttlMs, tagKeys);
    return current;
  }

  async set(key: string, entry: Uint8Array, ttlMs: number): Promise<void> {
    this.store(key, entry, ttlMs, []);
  }

  async add(key: string, entry: Uint8Array, ttlMs: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.store(key, entry, ttlMs, []);
    return true;
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.records.delete(key);
  }

  async invalidate(
    generationKeys: readonly string[],
    keys: readonly string[],
    tagKeys: readonly string[],
  ): Promise<void> {
    for (const key of generationKeys)
      this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    for (const key of keys) this.records.delete(key);
    for (const tagKey of tagKeys) {
      for (const key of [...(this.tagged.get(tagKey) ?? [])]) this.records.delete(key);
      this.tagged.delete(tagKey);
    }
  }

  async lock(): Promise<boolean> {
    return true;
  }

  async unlock(): Promise<void> {}

  /** Nothing to do: an in-process invalidation cannot get lost. */
  forgetAfterLostInvalidation(): void {}

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.records.clear();
    this.generations.clear();
  }

  private live(key: string): MemoryRecord | undefined {
    const record = this.records.get(key);
    if (record?.expires !== undefined && record.expires <= Date.now()) {
      this.records.delete(key);
      return undefined;
    }
    return record;
  }

  private store(key: string, entry: Uint8Array, ttlMs: number, tagKeys: readonly string[]): void {
    // A copy: an encoder may hand out a view into a large shared buffer, which a long-lived
    // entry would otherwise keep alive.
    this.records.set(key, { value: new Uint8Array(entry), expires: Date.now() + ttlMs, tagKeys });
    for (const tagKey of tagKeys) {
      let keys = this.tagged.get(tagKey);
      if (!keys) this.tagged.set(tagKey, (keys = new Set()));
      keys.add(key);
    }
  }

  private untag(key: string, record: MemoryRecord): void {
    for (const tagKey of record.tagKeys ?? []) {
      const keys = this.tagged.get(tagKey);
      keys?.delete(key);
      if (keys?.size === 0) this.tagged.delete(tagKey);
    }
  }
}
