import { Get, Inject } from '@nestjs/common';
import { type PrismaClient, type Role } from '@inkwell/prisma';
import { PRISMA } from '../../core/tokens.js';
import { AllowRoles } from '../../auth/admin-access.js';
import { AdminController } from '../common/admin-controller.decorator.js';

export interface AdminUserView {
  id: number;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

/** Read-only: users are created with `npm run user:create`. */
@AdminController('api/admin/users')
@AllowRoles('ADMIN')
export class AdminUsersController {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  @Get()
  async list(): Promise<AdminUserView[]> {
    const users = await this.prisma.user.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, email: true, name: true, role: true, createdAt: true },
    });
    return users.map((user) => ({ ...user, createdAt: user.createdAt.toISOString() }));
  }
}
