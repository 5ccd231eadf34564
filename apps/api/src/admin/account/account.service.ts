import { Inject, Injectable } from '@nestjs/common';
import { type PrismaClient } from '@inkwell/prisma';
import { type AdminSession } from '../../auth/auth.service.js';
import { LoginThrottle } from '../../auth/login-throttle.js';
import {
  type ScryptParameters,
  scryptParametersForCost,
  verifyPassword,
} from '../../auth/password-hash.js';
import { type CounterStore } from '../../rate-limit/counter-store.js';
import { RATE_LIMIT_STORE } from '../../rate-limit/tokens.js';
import { setPassword } from '../../auth/set-password.js';
import { ValidationError } from '../../common/validation.js';
import { type Config } from '../../config/config.js';
import { CONFIG, PRISMA } from '../../core/tokens.js';

/** What a signed-in user does to their own account. */
@Injectable()
export class AccountService {
  private readonly throttle: LoginThrottle;
  private readonly scrypt: ScryptParameters;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(RATE_LIMIT_STORE) store: CounterStore,
    @Inject(CONFIG) config: Config,
  ) {
    this.throttle = new LoginThrottle(store);
    this.scrypt = scryptParametersForCost(config.passwordHashCost);
  }

  /**
   * Needs the current password, so a borrowed session cannot take the account over; wrong
   * guesses count as failed logins. Every other session of the user ends; this one stays.
   */
  async changePassword(
    session: AdminSession,
    currentPassword: string,
    newPassword: string,
    ip: string,
  ): Promise<void> {
    const { email } = session.user;
    const verified = await this.throttle.attempt(ip, email, async () => {
      const user = await this.prisma.user.findUniqueOrThrow({
        where: { id: session.user.id },
        select: { passwordHash: true },
      });
      return (await verifyPassword(currentPassword, user.passwordHash)) ? true : null;
    });
    if (!verified) {
      throw new ValidationError({ currentPassword: 'is not your current password' });
    }
    if (newPassword === currentPassword) {
      throw new ValidationError({ newPassword: 'must differ from the current password' });
    }
    await setPassword(this.prisma, session.user.id, newPassword, {
      keepSessionId: session.sessionId,
      scrypt: this.scrypt,
    });
  }
}
