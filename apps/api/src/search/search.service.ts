import { Inject, Injectable } from '@nestjs/common';
import { type PrismaClient } from '@inkwell/prisma';
import { type SearchResultsView, type SuggestResultsView } from '@inkwell/contract';
import { type SearchEngine, type SearchInput, type SuggestInput } from '@inkwell/search';
import { PRISMA, SEARCH_ENGINE } from '../core/tokens.js';
import { SearchMetrics } from './search-metrics.js';

/**
 * Search results and suggestions from the configured engine (the controller caches them until
 * the index changes), each post with the address readers find it at: static pages are indexed
 * like posts but live at `/<slug>`.
 */
@Injectable()
export class SearchService {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    @Inject(SearchMetrics) private readonly metrics: SearchMetrics,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
  ) {}

  async search(input: SearchInput): Promise<SearchResultsView & { debug?: unknown }> {
    const results = await this.metrics.time('search', () => this.engine.search(input));
    const pages = await this.pageSlugs(
      results.hits.flatMap((hit) => (hit.kind === 'post' ? [hit.slug] : [])),
    );
    return {
      ...results,
      hits: results.hits.map((hit) =>
        hit.kind === 'post' ? { ...hit, path: readerPath(hit.slug, pages) } : hit,
      ),
    };
  }

  async suggest(input: SuggestInput): Promise<SuggestResultsView> {
    const results = await this.metrics.time('suggest', () => this.engine.suggest(input));
    const pages = await this.pageSlugs(results.posts.map((post) => post.slug));
    return {
      ...results,
      posts: results.posts.map((post) => ({ ...post, path: readerPath(post.slug, pages) })),
    };
  }

  /** Which of these slugs are static pages: one query, none when there are no hits. */
  private async pageSlugs(slugs: string[]): Promise<Set<string>> {
    if (slugs.length === 0) return new Set();
    const pages = await this.prisma.post.findMany({
      where: { slug: { in: slugs }, kind: 'PAGE' },
      select: { slug: true },
    });
    return new Set(pages.map((page) => page.slug));
  }
}

function readerPath(slug: string, pages: ReadonlySet<string>): string {
  return pages.has(slug) ? `/${slug}` : `/posts/${slug}`;
}
