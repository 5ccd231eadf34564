import { applyDecorators, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { AdminAuthGuard } from './admin-auth.guard.js';
import { AdminErrorFilter } from '../admin/common/admin-error.filter.js';

/** `@AdminController('api/admin/x')`: a controller behind the session/role/CSRF guard, with the admin error answers. */
export const AdminController = (path: string) =>
  applyDecorators(Controller(path), UseGuards(AdminAuthGuard), UseFilters(AdminErrorFilter));
