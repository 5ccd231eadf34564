import { formatProgressBar } from '@inkwell/assets/thumbnails';
import { openDatabase } from '@inkwell/prisma';
import { loadConfig } from '../config/config.js';
import { withAdvisoryLock } from '../database/advisory-lock.js';
import { publicWhere } from '../posts/published.js';
import { createSearchEngine } from '../search/create-search-engine.js';
import { SEARCH_INDEX_LOCK } from '../search/prepare-search-index.js';
import { allSearchDocuments } from '../search/search-documents.js';
import { runCli } from './run-cli.js';

/** `npm run reindex`: rebuilds the search index from the database, then swaps it in. */
runCli(async () => {
  const config = loadConfig(process.env);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const engine = await createSearchEngine(config.elasticsearchUrl, db);
    // After an API process's start-up preparation, never beside it.
    await withAdvisoryLock(db, SEARCH_INDEX_LOCK, async () => {
      await engine.setup();
      const [posts, comments] = await Promise.all([
        db.prisma.post.count({ where: publicWhere() }),
        db.prisma.comment.count({ where: { approved: true, post: publicWhere() } }),
      ]);
      const total = posts + comments;
      const started = performance.now();
      const done = await engine.reindex(allSearchDocuments(db.prisma), (progress) => {
        process.stderr.write(`\r${formatProgressBar(progress.posts + progress.comments, total)}`);
      });
      process.stderr.write('\n');
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`Reindexed ${done.posts} posts and ${done.comments} comments in ${seconds} s.`);
    });
  } finally {
    await db.close();
  }
});
