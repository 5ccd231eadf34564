import { Controller, Get, Inject, Query, ServiceUnavailableException } from '@nestjs/common';
import { type SearchInput, SearchValidationError, type SuggestInput } from '@inkwell/search';
import {
  type SearchQuery,
  searchQuerySchema,
  type SuggestQuery,
  suggestQuerySchema,
} from '@inkwell/contract';
import { ValidationError, ZodPipe } from '../common/validation.js';
import { cachePublicRead, type PublicJson, toPublicJson } from '../http-cache/public-json.js';
import { PublicRead } from '../http-cache/public-read.js';
import { SEARCH_TAG, SEARCH_TTL_SECONDS } from '../posts/post-cache-tags.js';
import { SearchService } from './search.service.js';

@Controller('api/search')
export class SearchController {
  private readonly cachedSearch: (input: SearchInput) => Promise<PublicJson>;
  private readonly cachedSuggest: (input: SuggestInput) => Promise<PublicJson>;

  constructor(@Inject(SearchService) private readonly searchService: SearchService) {
    // Both dropped together: the same tag, by the same search-indexing side effect.
    this.cachedSearch = cachePublicRead(
      SEARCH_TTL_SECONDS,
      { prefix: 'search', tags: () => [SEARCH_TAG] },
      (input: SearchInput) => searchService.search(input),
    );
    this.cachedSuggest = cachePublicRead(
      SEARCH_TTL_SECONDS,
      { prefix: 'search-suggest', tags: () => [SEARCH_TAG] },
      (input: SuggestInput) => searchService.suggest(input),
    );
  }

  /** Typo-tolerant search. A failing search backend answers 503; the rest of the site is unaffected. */
  @Get()
  @PublicRead()
  search(@Query(new ZodPipe(searchQuerySchema, 'query')) query: SearchQuery): Promise<PublicJson> {
    const input: SearchInput = {
      q: query.q,
      category: query.category,
      page: query.page,
      pageSize: query.pageSize,
      debug: query.debug === '1' || query.debug === 'true',
    };
    return answerSearch(async () =>
      // A debug plan carries timings: it is always computed afresh.
      input.debug
        ? toPublicJson(await this.searchService.search(input), [SEARCH_TAG])
        : this.cachedSearch(input),
    );
  }

  /** Search as you type: completions of the last word and the posts it starts. */
  @Get('suggest')
  @PublicRead()
  suggest(
    @Query(new ZodPipe(suggestQuerySchema, 'query')) query: SuggestQuery,
  ): Promise<PublicJson> {
    return answerSearch(() => this.cachedSuggest({ q: query.q }));
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
