import { Inject, Injectable } from '@nestjs/common';
import { cacheMemoize } from '@inkwell/cache';
import {
  type SearchEngine,
  type SearchInput,
  type SearchResults,
  type SuggestInput,
  type SuggestResults,
} from '@inkwell/search';
import { SEARCH_ENGINE } from '../core/tokens.js';
import { SEARCH_TAG, SEARCH_TTL_SECONDS } from '../posts/post-cache-tags.js';

/** Search results and suggestions, memoized until the index changes. */
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

  /** Dropped with search results: the same tag, by the same search-indexing side effect. */
  @cacheMemoize(SEARCH_TTL_SECONDS, { prefix: 'search-suggest', tags: () => [SEARCH_TAG] })
  async suggest(input: SuggestInput): Promise<SuggestResults> {
    return this.engine.suggest(input);
  }
}
