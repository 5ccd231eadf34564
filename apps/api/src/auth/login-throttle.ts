import { normalizeEmail } from '../common/email.js';
import { type CounterStore } from './rate-limit/counter-store.js';
import { assertUnderLimit, recordHit, type RateLimitPolicy } from './rate-limit/rate-limit.js';

const FIFTEEN_MINUTES = 15 * 60_000;

export const loginFailuresPerIp: RateLimitPolicy = {
  name: 'login-ip',
  limit: 10,
  windowMs: FIFTEEN_MINUTES,
  describe: (wait) => `Too many failed logins from this address. Try again in ${wait}.`,
};

export const loginFailuresPerAccount: RateLimitPolicy = {
  name: 'login-account',
  limit: 5,
  windowMs: FIFTEEN_MINUTES,
  describe: (wait) => `Too many failed logins for this account. Try again in ${wait}.`,
};

/** The counter key `recordHit`/`assertUnderLimit` use for an account. */
function accountKey(email: string): string {
  return `${loginFailuresPerAccount.name}:${normalizeEmail(email)}`;
}

/**
 * Failed logins are counted per IP address (guessing many accounts) and per account (guessing
 * one password from many addresses). Unknown emails count too, so the answer never tells
 * whether an account exists.
 */
export class LoginThrottle {
  constructor(private readonly store: CounterStore) {}

  async assertAllowed(ip: string, email: string): Promise<void> {
    await assertUnderLimit(this.store, loginFailuresPerIp, ip);
    await assertUnderLimit(this.store, loginFailuresPerAccount, normalizeEmail(email));
  }

  async recordFailure(ip: string, email: string): Promise<void> {
    await Promise.all([
      recordHit(this.store, loginFailuresPerIp, ip),
      recordHit(this.store, loginFailuresPerAccount, normalizeEmail(email)),
    ]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.unlock(email);
  }

  /** Whether the account has used up its failures: logins are refused until the window ends. */
  async isLocked(email: string): Promise<boolean> {
    const window = await this.store.peek(accountKey(email));
    return window.count >= loginFailuresPerAccount.limit;
  }

  /** Forgets the account's failures (a successful login, or an admin unlocking it). */
  async unlock(email: string): Promise<void> {
    await this.store.reset(accountKey(email));
  }
}
