import { type Database } from '@inkwell/prisma';
import { type ReindexProgress, type SearchEngine } from '@inkwell/search';
import { withAdvisoryLock } from '../database/advisory-lock.js';
import { publicWhere } from '../posts/published.js';
import { allSearchDocuments } from './search-documents.js';

/**
 * The lock every process takes before it changes the shape of the search index (setup, a full
 * reindex): API processes starting together, and `npm run reindex`. Without it, two first
 * starts both found no alias and created two indices behind it (Elasticsearch), or both
 * rebuilt the same next generation and deleted each other's rows (PostgreSQL).
 */
export const SEARCH_INDEX_LOCK = 'inkwell search index';

/**
 * Creates what the engine needs, then fills an empty index over a database with posts (first
 * start, new engine). A process that waited for another one's start finds the index filled
 * and leaves it alone. Resolves with what was indexed, or null when nothing had to be.
 */
export function prepareSearchIndex(
  engine: SearchEngine,
  db: Database,
): Promise<ReindexProgress | null> {
  return withAdvisoryLock(db, SEARCH_INDEX_LOCK, async () => {
    await engine.setup();
    const [health, published] = await Promise.all([
      engine.health(),
      db.prisma.post.count({ where: publicWhere() }),
    ]);
    if (health.posts > 0 || published === 0) return null;
    return engine.reindex(allSearchDocuments(db.prisma));
  });
}
