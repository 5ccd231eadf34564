import { Inject, Injectable } from '@nestjs/common';
import {
  type SearchEngine,
  type SearchInput,
  type SearchResults,
  type SuggestInput,
  type SuggestResults,
} from '@inkwell/search';
import { SEARCH_ENGINE } from '../core/tokens.js';
import { SearchMetrics } from './search-metrics.js';

/** Search results and suggestions from the configured engine (the controller caches them until the index changes). */
@Injectable()
export class SearchService {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    @Inject(SearchMetrics) private readonly metrics: SearchMetrics,
  ) {}

  search(input: SearchInput): Promise<SearchResults> {
    return this.metrics.time('search', () => this.engine.search(input));
  }

  suggest(input: SuggestInput): Promise<SuggestResults> {
    return this.metrics.time('suggest', () => this.engine.suggest(input));
  }
}
