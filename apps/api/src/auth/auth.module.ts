import { Module } from '@nestjs/common';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { AdminAuthGuard } from './admin-auth.guard.js';
import { AuthService } from './auth.service.js';
import { SessionController } from './session.controller.js';

@Module({
  imports: [RateLimitModule],
  controllers: [SessionController],
  providers: [AuthService, AdminAuthGuard],
  exports: [AuthService, AdminAuthGuard],
})
export class AuthModule {}
