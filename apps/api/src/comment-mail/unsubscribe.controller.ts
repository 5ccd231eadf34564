import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import {
  type UnsubscribeInput,
  unsubscribeQuery,
  unsubscribeSchema,
  type UnsubscribeView,
} from '@inkwell/contract';
import { ZodPipe } from '../common/validation.js';
import { UnsubscribeService } from './unsubscribe.service.js';

/** The site's /unsubscribe page (and mail clients' one-click POST) call these. */
@Controller('api/unsubscribe')
export class UnsubscribeController {
  constructor(@Inject(UnsubscribeService) private readonly unsubscribe: UnsubscribeService) {}

  @Get()
  describe(
    @Query(new ZodPipe(unsubscribeQuery, 'query')) query: UnsubscribeInput,
  ): Promise<UnsubscribeView> {
    return this.unsubscribe.describe(query.token);
  }

  @Post()
  @HttpCode(200)
  confirm(@Body(new ZodPipe(unsubscribeSchema)) input: UnsubscribeInput): Promise<UnsubscribeView> {
    return this.unsubscribe.unsubscribe(input.token);
  }
}
