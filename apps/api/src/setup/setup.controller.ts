import { Body, Get, Inject, Post, Req } from '@nestjs/common';
import { type LoginResult, type SetupInput, setupSchema } from '@inkwell/contract';
import { PublicAdminRoute } from '../auth/admin-access.js';
import { AdminController } from '../auth/admin-controller.decorator.js';
import { ZodPipe } from '../common/validation.js';
import { SetupService } from './setup.service.js';

interface RequestLike {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The first-run setup: open without a session, and only while the site has no user. */
@AdminController('api/admin/setup')
export class SetupController {
  constructor(@Inject(SetupService) private readonly setup: SetupService) {}

  @Get()
  @PublicAdminRoute()
  async status(): Promise<{ required: boolean }> {
    return { required: await this.setup.isRequired() };
  }

  @Post()
  @PublicAdminRoute()
  setUp(
    @Body(new ZodPipe(setupSchema)) input: SetupInput,
    @Req() request: RequestLike,
  ): Promise<LoginResult> {
    const userAgent = request.headers['user-agent'];
    return this.setup.setUp(input, {
      ip: request.ip ?? 'unknown',
      userAgent: typeof userAgent === 'string' ? userAgent : null,
    });
  }
}
