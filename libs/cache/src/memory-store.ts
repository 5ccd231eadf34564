import { type Keyv } from 'keyv';
import { type EntryStore } from './store.js';

/**
 * In-process store on a Keyv in-memory store (the default store of cache-manager 7). Tags are a
 * map from tag to keys with their expiry, pruned as tags are written.
 */
export class MemoryEntryStore implements EntryStore {
  readonly kind = 'memory';
  private readonly tagged = new Map<string, Map<string, number>>();
  private readonly adding = new Set<string>();

  constructor(readonly keyv: Keyv) {}

  async get(key: string): Promise<Uint8Array | undefined> {
    return (await this.keyv.get<Uint8Array>(key)) ?? undefined;
  }

  async set(
    key: string,
    entry: Uint8Array,
    ttlMs: number,
    tagKeys: readonly string[] = [],
  ): Promise<void> {
    // A copy: an encoder may hand out a view into a large shared buffer, which a long-lived
    // entry would otherwise keep alive.
    await this.keyv.set(key, new Uint8Array(entry), ttlMs);
    this.tag(key, tagKeys, ttlMs);
  }

  async add(key: string, entry: Uint8Array, ttlMs: number): Promise<boolean> {
    // Keyv's calls are async: without this guard two concurrent adds could both find the key free.
    if (this.adding.has(key)) return false;
    this.adding.add(key);
    try {
      if (await this.keyv.has(key)) return false;
      await this.set(key, entry, ttlMs);
      return true;
    } finally {
      this.adding.delete(key);
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.keyv.deleteMany([...keys]);
  }

  private tag(key: string, tagKeys: readonly string[], ttlMs: number): void {
    const now = Date.now();
    for (const tag of tagKeys) {
      let keys = this.tagged.get(tag);
      if (!keys) this.tagged.set(tag, (keys = new Map()));
      for (const [member, expiresAt] of keys) if (expiresAt <= now) keys.delete(member);
      keys.set(key, Math.max(keys.get(key) ?? 0, now + ttlMs));
    }
  }

  async deleteTagged(tagKeys: readonly string[]): Promise<void> {
    const keys = new Set<string>();
    for (const tag of tagKeys) {
      for (const key of this.tagged.get(tag)?.keys() ?? []) keys.add(key);
      this.tagged.delete(tag);
    }
    await this.delete([...keys]);
  }

  async lock(): Promise<boolean> {
    return true;
  }

  async unlock(): Promise<void> {}

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.tagged.clear();
    await this.keyv.disconnect();
  }
}
