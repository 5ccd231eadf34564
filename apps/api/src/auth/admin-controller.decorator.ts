import { applyDecorators, Controller, UseGuards } from '@nestjs/common';
import { AdminAuthGuard } from './admin-auth.guard.js';

/** `@AdminController('api/admin/x')`: a controller behind the session/role/CSRF guard. */
export const AdminController = (path: string) =>
  applyDecorators(Controller(path), UseGuards(AdminAuthGuard));
