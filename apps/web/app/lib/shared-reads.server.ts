/*
 * The API reads every page makes alike (the site's settings, its static pages), kept in this
 * site process from one request to the next until a write drops one of their cache tags. The
 * server feeds it the API's stream of dropped tags (server/dropped-tags-stream.ts), as it feeds
 * the page cache: the drop reaches every site process before the write answers, so the next
 * request after a write reads the API again. While the stream is down nothing is kept, and a
 * read that began before a drop of one of its tags (or before an outage) is not kept either.
 */

/** The reads kept: the same for every page, whatever its address or reader. */
export const SHARED_READ_PATHS: ReadonlySet<string> = new Set(['/api/settings', '/api/pages']);

/** An API answer as read, before its body is checked against the contract. */
export interface ApiAnswer {
  status: number;
  ok: boolean;
  headers: Headers;
  json: unknown;
}

/** What a read began with: it is kept only if no drop of its tags and no outage came since. */
interface Began {
  drops: number;
  period: number;
}

export class SharedReads {
  private readonly kept = new Map<string, { answer: ApiAnswer; tags: readonly string[] }>();
  private live = false;
  /** Counts the stream's live periods: an outage since a read began makes it stale. */
  private period = 0;
  /** Counts drops; `droppedAt` keeps each tag's last while reads are under way. */
  private drops = 0;
  private readonly droppedAt = new Map<string, number>();
  private underWay = 0;

  constructor(private readonly paths: ReadonlySet<string> = SHARED_READ_PATHS) {}

  /** Whether reads of the contract route `path` are kept. */
  keeps(path: string): boolean {
    return this.paths.has(path);
  }

  /** The answer kept under `key`, or `load`'s, kept if it is a tagged success still fresh. */
  async read(key: string, load: () => Promise<ApiAnswer>): Promise<ApiAnswer> {
    const kept = this.kept.get(key);
    if (kept) return kept.answer;
    const began: Began = { drops: this.drops, period: this.period };
    this.underWay += 1;
    try {
      const answer = await load();
      const tags = tagsOf(answer);
      if (tags.length > 0 && this.isStillFresh(began, tags)) this.kept.set(key, { answer, tags });
      return answer;
    } finally {
      this.underWay -= 1;
      // Only reads under way compare with the drop log: with none, it may start afresh.
      if (this.underWay === 0) this.droppedAt.clear();
    }
  }

  /** A write dropped these tags: answers carrying any of them go, reads under way are not kept. */
  dropTags(tags: readonly string[]): void {
    this.drops += 1;
    if (this.underWay > 0) for (const tag of tags) this.droppedAt.set(tag, this.drops);
    for (const [key, { tags: keptTags }] of this.kept) {
      if (keptTags.some((tag) => tags.includes(tag))) this.kept.delete(key);
    }
  }

  /** Whether every drop reaches this process now. Either way, what was kept goes. */
  setLive(live: boolean): void {
    this.live = live;
    this.period += 1;
    this.kept.clear();
  }

  get size(): number {
    return this.kept.size;
  }

  private isStillFresh(began: Began, tags: readonly string[]): boolean {
    return (
      this.live &&
      began.period === this.period &&
      tags.every((tag) => (this.droppedAt.get(tag) ?? -1) <= began.drops)
    );
  }
}

/** The cache tags of a successful answer; none for a failure (it is never kept). */
function tagsOf(answer: ApiAnswer): string[] {
  if (!answer.ok) return [];
  return (answer.headers.get('surrogate-key') ?? '').split(' ').filter(Boolean);
}
