import { Inject, Injectable } from '@nestjs/common';
import { cacheMemoize } from '@inkwell/cache';
import { type PrismaClient } from '@inkwell/prisma';
import { type SearchResultsView, type SuggestResultsView } from '@inkwell/contract';
import { type SearchEngine, type SearchInput, type SuggestInput } from '@inkwell/search';
import { PRISMA, SEARCH_ENGINE } from '../core/tokens.js';
import { SEARCH_TAG, SEARCH_TTL_SECONDS } from '../posts/post-cache-tags.js';
import { SearchMetrics } from './search-metrics.js';

/**
 * Search results and suggestions from the configured engine (the controller caches them until
 * the index changes), each post with the address readers find it at: static pages are indexed
 * like posts but live at `/<slug>`. Which slugs are pages is read once and cached under the
 * search tag, which every write of a post or page drops: a search that misses its cache then
 * runs the engine alone, with no query of its own for the addresses.
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
    const pages = await this.pageSlugs();
    return {
      ...results,
      hits: results.hits.map((hit) =>
        hit.kind === 'post' ? { ...hit, path: readerPath(hit.slug, pages) } : hit,
      ),
    };
  }

  async suggest(input: SuggestInput): Promise<SuggestResultsView> {
    const results = await this.metrics.time('suggest', () => this.engine.suggest(input));
    const pages = await this.pageSlugs();
    return {
      ...results,
      posts: results.posts.map((post) => ({ ...post, path: readerPath(post.slug, pages) })),
    };
  }

  private async pageSlugs(): Promise<Set<string>> {
    return new Set(await this.pageSlugList());
  }

  /** The slugs of every static page, whatever its status (a blog has a handful). */
  @cacheMemoize(SEARCH_TTL_SECONDS, { prefix: 'search-page-slugs', tags: () => [SEARCH_TAG] })
  private async pageSlugList(): Promise<string[]> {
    const pages = await this.prisma.post.findMany({
      where: { kind: 'PAGE' },
      select: { slug: true },
    });
    return pages.map((page) => page.slug);
  }
}

function readerPath(slug: string, pages: ReadonlySet<string>): string {
  return pages.has(slug) ? `/${slug}` : `/posts/${slug}`;
}
