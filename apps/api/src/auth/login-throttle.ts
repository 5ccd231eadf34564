import { normalizeEmail } from '../common/email.js';
import { limitedAddress } from '../rate-limit/client-address.js';
import {
  type CounterStore,
  type DelayLadder,
  type LadderStep,
} from '../rate-limit/counter-store.js';
import { refusal } from '../rate-limit/rate-limit.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/** A delay ladder of failed logins and how its refusal is worded. */
export interface LoginLimit {
  name: string;
  ladder: DelayLadder;
  describe: (wait: string) => string;
}

/** One guesser at one account: the 5th failure makes the next try wait 30 s, then 1, 2, 4... min. */
export const loginFailuresPerPair: LoginLimit = {
  name: 'login-pair',
  ladder: {
    freeFailures: 5,
    firstDelayMs: 30 * SECOND,
    maxDelayMs: 15 * MINUTE,
    forgetAfterMs: DAY,
  },
  describe: (wait) =>
    `Too many failed logins for this account from this address. Try again in ${wait}.`,
};

/** One address guessing many accounts. */
export const loginFailuresPerAddress: LoginLimit = {
  name: 'login-address',
  ladder: {
    freeFailures: 10,
    firstDelayMs: 30 * SECOND,
    maxDelayMs: 15 * MINUTE,
    forgetAfterMs: DAY,
  },
  describe: (wait) => `Too many failed logins from this address. Try again in ${wait}.`,
};

/**
 * Many addresses guessing one account: slowed, never locked, so the owner still gets in (after
 * at most `maxDelayMs`) however many addresses an attacker has.
 */
export const loginFailuresPerAccount: LoginLimit = {
  name: 'login-account',
  ladder: {
    freeFailures: 50,
    firstDelayMs: 1 * SECOND,
    maxDelayMs: 30 * SECOND,
    forgetAfterMs: DAY,
  },
  describe: (wait) => `Too many failed logins for this account. Try again in ${wait}.`,
};

const limits = [loginFailuresPerPair, loginFailuresPerAddress, loginFailuresPerAccount];

/** The keys of everything an account's failures left (its pairs and its own ladder). */
function accountGroup(email: string): string {
  return `login-account-keys:${normalizeEmail(email)}`;
}

function stepsFor(ip: string, typedEmail: string): LadderStep[] {
  const email = normalizeEmail(typedEmail);
  const address = limitedAddress(ip);
  const group = accountGroup(email);
  return [
    {
      key: `${loginFailuresPerPair.name}:${email}|${address}`,
      ladder: loginFailuresPerPair.ladder,
      groupKey: group,
    },
    { key: `${loginFailuresPerAddress.name}:${address}`, ladder: loginFailuresPerAddress.ladder },
    {
      key: `${loginFailuresPerAccount.name}:${email}`,
      ladder: loginFailuresPerAccount.ladder,
      groupKey: group,
    },
  ];
}

/**
 * Failed logins earn growing waits per (account, address), per address and per account, instead
 * of locking the account: an attacker's failures slow the attacker, not the owner signing in from
 * elsewhere. Each attempt is counted as a failure before the password is checked (one atomic
 * step), so concurrent guesses cannot slip past a limit; a success or an error takes it back.
 * Unknown emails count too, so the answer never tells whether an account exists.
 */
export class LoginThrottle {
  constructor(private readonly store: CounterStore) {}

  /**
   * Runs `check` (the password check) unless a wait is due (TooManyRequestsError); its null
   * answer is a failure. Answers what `check` answered.
   */
  async attempt<T>(ip: string, email: string, check: () => Promise<T | null>): Promise<T | null> {
    const steps = stepsFor(ip, email);
    const reservation = await this.store.reserve(steps);
    if (!reservation.allowed) {
      const limit = limits[reservation.refusedStep] ?? loginFailuresPerPair;
      throw refusal(limit.describe, reservation.retryInMs);
    }
    let result: T | null;
    try {
      result = await check();
    } catch (error) {
      await this.store.refund(steps);
      throw error;
    }
    if (result !== null) {
      await this.store.forget([steps[0]!.key]);
      await this.store.refund(steps.slice(1));
    }
    return result;
  }

  /** Whether failures delay the account's sign-in from somewhere right now. */
  async isDelayed(email: string): Promise<boolean> {
    return (await this.store.groupWaitMs(accountGroup(email))) > 0;
  }

  /** Forgets the account's failures from every address (an admin unlocking it, a reset). */
  async unlock(email: string): Promise<void> {
    await this.store.forgetGroup(accountGroup(email));
  }
}
