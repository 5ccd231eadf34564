import { Body, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { type z } from 'zod';
import {
  type AdminUserView,
  type CreateUserInput,
  createUserSchema,
  deleteUserQuerySchema,
  type ResetPasswordInput,
  resetPasswordSchema,
  type UpdateUserInput,
  updateUserSchema,
  type WithGeneratedPassword,
} from '@inkwell/contract';
import { AllowRoles } from '../../auth/admin-access.js';
import { CurrentSession } from '../../auth/admin-auth.guard.js';
import { type AdminSession } from '../../auth/auth.service.js';
import { ZodPipe } from '../../common/validation.js';
import { AdminController } from '../../auth/admin-controller.decorator.js';
import { parseId } from '../../common/ids.js';
import { AdminUsersService } from './admin-users.service.js';

/** Admins manage the accounts; `npm run user:create` / `user:reset-password` do it offline. */
@AdminController('api/admin/users')
@AllowRoles('ADMIN')
export class AdminUsersController {
  constructor(@Inject(AdminUsersService) private readonly users: AdminUsersService) {}

  @Get()
  list(): Promise<AdminUserView[]> {
    return this.users.list();
  }

  @Post()
  create(
    @Body(new ZodPipe(createUserSchema)) input: CreateUserInput,
  ): Promise<AdminUserView & WithGeneratedPassword> {
    return this.users.create(input);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<AdminUserView> {
    return this.users.get(parseId(id, 'user'));
  }

  @Patch(':id')
  update(
    @Param('id') id: string,
    @Body(new ZodPipe(updateUserSchema)) input: UpdateUserInput,
    @CurrentSession() session: AdminSession,
  ): Promise<AdminUserView> {
    return this.users.update(parseId(id, 'user'), input, session.user);
  }

  @Post(':id/password')
  @HttpCode(200)
  resetPassword(
    @Param('id') id: string,
    @Body(new ZodPipe(resetPasswordSchema)) input: ResetPasswordInput,
  ): Promise<AdminUserView & WithGeneratedPassword> {
    return this.users.resetPassword(parseId(id, 'user'), input.password);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  unlock(@Param('id') id: string): Promise<AdminUserView> {
    return this.users.unlock(parseId(id, 'user'));
  }

  @Delete(':id')
  @HttpCode(204)
  async delete(
    @Param('id') id: string,
    @Query(new ZodPipe(deleteUserQuerySchema, 'query'))
    query: z.output<typeof deleteUserQuerySchema>,
    @CurrentSession() session: AdminSession,
  ): Promise<void> {
    await this.users.delete(parseId(id, 'user'), query.reassignTo, session.user);
  }
}
