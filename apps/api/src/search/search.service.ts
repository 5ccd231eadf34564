import { Inject, Injectable } from '@nestjs/common';
import { cacheMemoize } from '@inkwell/cache';
import { type SearchEngine, type SearchInput, type SearchResults } from '@inkwell/search';
import { SEARCH_ENGINE } from '../core/tokens.js';
import { SEARCH_TAG, SEARCH_TTL_SECONDS } from '../posts/post-cache-tags.js';

/** Search results, memoized until the index changes. */
@Injectable()
export class SearchService {
  constructor(@Inject(SEARCH_ENGINE) private readonly engine: SearchEngine) {}

  /** A debug plan carries timings: it is always computed afresh. */
  search(input: SearchInput): Promise<SearchResults> {
    return input.debug ? this.engine.search(input) : this.searchCached(input);
  }

  @cacheMemoize(SEARCH_TTL_SECONDS, { prefix: 'search', tags: () => [SEARCH_TAG] })
  async searchCached(input: SearchInput): Promise<SearchResults> {
    return this.engine.search(input);
  }
}
