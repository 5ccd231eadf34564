import { Body, Get, HttpCode, Inject, Patch, Put, Req } from '@nestjs/common';
import {
  type AccountProfileView,
  type ChangeOwnPasswordInput,
  changeOwnPasswordSchema,
  type UpdateProfileInput,
  updateProfileSchema,
} from '@inkwell/contract';
import { CurrentSession } from '../../auth/admin-auth.guard.js';
import { type AdminSession } from '../../auth/auth.service.js';
import { ZodPipe } from '../../common/validation.js';
import { AdminController } from '../../auth/admin-controller.decorator.js';
import { AccountService } from './account.service.js';
import { ProfileService } from './profile.service.js';

interface RequestLike {
  ip?: string;
}

/** The signed-in user's own account, whatever their role. */
@AdminController('api/admin/account')
export class AccountController {
  constructor(
    @Inject(AccountService) private readonly account: AccountService,
    @Inject(ProfileService) private readonly profile: ProfileService,
  ) {}

  @Get()
  getProfile(@CurrentSession() session: AdminSession): Promise<AccountProfileView> {
    return this.profile.get(session.user.id);
  }

  @Patch()
  updateProfile(
    @Body(new ZodPipe(updateProfileSchema)) input: UpdateProfileInput,
    @CurrentSession() session: AdminSession,
  ): Promise<AccountProfileView> {
    return this.profile.update(session.user.id, input);
  }

  @Put('password')
  @HttpCode(204)
  async changePassword(
    @Body(new ZodPipe(changeOwnPasswordSchema)) input: ChangeOwnPasswordInput,
    @CurrentSession() session: AdminSession,
    @Req() request: RequestLike,
  ): Promise<void> {
    await this.account.changePassword(
      session,
      input.currentPassword,
      input.newPassword,
      request.ip ?? 'unknown',
    );
  }
}
