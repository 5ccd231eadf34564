import {
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { type Database } from '@inkwell/prisma';
import { type SearchEngine } from '@inkwell/search';
import { type Registry } from 'prom-client';
import { type Config } from '../config/config.js';
import { CONFIG, DATABASE, METRICS_REGISTRY, SEARCH_ENGINE } from '../core/tokens.js';
import { HealthChecks } from '../health/health-checks.js';
import { createSearchEngine } from './create-search-engine.js';
import { prepareSearchIndex } from './prepare-search-index.js';
import { SearchMetrics } from './search-metrics.js';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';

@Global()
@Module({
  controllers: [SearchController],
  providers: [
    {
      provide: SEARCH_ENGINE,
      useFactory: (config: Config, db: Database): Promise<SearchEngine> =>
        createSearchEngine(config.elasticsearchUrl, db),
      inject: [CONFIG, DATABASE],
    },
    {
      provide: SearchMetrics,
      useFactory: (config: Config, registry: Registry) =>
        new SearchMetrics(registry, config.elasticsearchUrl ? 'elasticsearch' : 'postgres'),
      inject: [CONFIG, METRICS_REGISTRY],
    },
    SearchService,
  ],
  exports: [SEARCH_ENGINE],
})
export class SearchModule implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Search');
  private preparing: Promise<void> = Promise.resolve();

  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    @Inject(DATABASE) private readonly db: Database,
    @Inject(HealthChecks) private readonly health: HealthChecks,
  ) {}

  onModuleInit(): void {
    this.health.register('search', async () => {
      const health = await this.engine.health();
      if (!health.ok) throw new Error(health.detail ?? `${health.engine} is not answering`);
    });
  }

  /**
   * Prepares the index without holding up the start: a search backend that is down degrades
   * search, never the site. An empty index over a database with posts (first start, new engine)
   * is filled in the background.
   */
  onApplicationBootstrap(): void {
    this.preparing = this.prepareIndex().catch((error: unknown) => {
      this.logger.error(`Search index not ready: ${(error as Error).message}`);
    });
  }

  /** Resolves once the start-up preparation of the index has finished, successfully or not. */
  async indexPrepared(): Promise<void> {
    await this.preparing;
  }

  private async prepareIndex(): Promise<void> {
    const done = await prepareSearchIndex(this.engine, this.db);
    if (done)
      this.logger.log(`Indexed ${done.posts} posts and ${done.comments} comments for search`);
  }
}
