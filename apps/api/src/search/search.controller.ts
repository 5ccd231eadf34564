import { Controller, Get, Inject, Query, ServiceUnavailableException } from '@nestjs/common';
import { type SearchInput, SearchValidationError } from '@inkwell/search';
import { type SearchQuery, searchQuerySchema } from '@inkwell/contract';
import { ValidationError, ZodPipe } from '../common/validation.js';
import { cachePublicRead, type PublicJson, toPublicJson } from '../http-cache/public-json.js';
import { PublicRead } from '../http-cache/public-read.js';
import { SEARCH_TAG, SEARCH_TTL_SECONDS } from '../posts/post-cache-tags.js';
import { SearchService } from './search.service.js';

@Controller('api/search')
export class SearchController {
  private readonly cachedSearch: (input: SearchInput) => Promise<PublicJson>;

  constructor(@Inject(SearchService) private readonly searchService: SearchService) {
    this.cachedSearch = cachePublicRead(
      SEARCH_TTL_SECONDS,
      { prefix: 'search', tags: () => [SEARCH_TAG] },
      (input: SearchInput) => searchService.search(input),
    );
  }

  /** Typo-tolerant search. A failing search backend answers 503; the rest of the site is unaffected. */
  @Get()
  @PublicRead()
  async search(
    @Query(new ZodPipe(searchQuerySchema, 'query')) query: SearchQuery,
  ): Promise<PublicJson> {
    const input: SearchInput = {
      q: query.q,
      category: query.category,
      page: query.page,
      pageSize: query.pageSize,
      debug: query.debug === '1' || query.debug === 'true',
    };
    try {
      // A debug plan carries timings: it is always computed afresh.
      return input.debug
        ? toPublicJson(await this.searchService.search(input), [SEARCH_TAG])
        : await this.cachedSearch(input);
    } catch (error) {
      if (error instanceof SearchValidationError)
        throw new ValidationError({ [error.field]: error.message });
      throw new ServiceUnavailableException(
        'Search is unavailable right now; please try again shortly',
      );
    }
  }
}
