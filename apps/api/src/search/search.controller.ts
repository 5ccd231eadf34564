import { Controller, Get, Inject, Query, ServiceUnavailableException } from '@nestjs/common';
import { type SearchResults, SearchValidationError, type SuggestResults } from '@inkwell/search';
import {
  type SearchQuery,
  searchQuerySchema,
  type SuggestQuery,
  suggestQuerySchema,
} from '@inkwell/contract';
import { ValidationError, ZodPipe } from '../common/validation.js';
import { PublicRead } from '../http-cache/public-read.js';
import { SEARCH_TAG } from '../posts/post-cache-tags.js';
import { SearchService } from './search.service.js';

@Controller('api/search')
export class SearchController {
  constructor(@Inject(SearchService) private readonly searchService: SearchService) {}

  /** Typo-tolerant search. A failing search backend answers 503; the rest of the site is unaffected. */
  @Get()
  @PublicRead(() => [SEARCH_TAG])
  search(
    @Query(new ZodPipe(searchQuerySchema, 'query')) query: SearchQuery,
  ): Promise<SearchResults> {
    return answerSearch(() =>
      this.searchService.search({
        q: query.q,
        category: query.category,
        page: query.page,
        pageSize: query.pageSize,
        debug: query.debug === '1' || query.debug === 'true',
      }),
    );
  }

  /** Search as you type, cached and tagged like search results. */
  @Get('suggest')
  @PublicRead(() => [SEARCH_TAG])
  suggest(
    @Query(new ZodPipe(suggestQuerySchema, 'query')) query: SuggestQuery,
  ): Promise<SuggestResults> {
    return answerSearch(() => this.searchService.suggest({ q: query.q }));
  }
}

/** A refused query answers 400 naming its field; any other failure of the search backend 503. */
async function answerSearch<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SearchValidationError)
      throw new ValidationError({ [error.field]: error.message });
    throw new ServiceUnavailableException(
      'Search is unavailable right now; please try again shortly',
    );
  }
}
