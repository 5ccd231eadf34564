import { parseArgs } from 'node:util';
import { readPassword } from '../cli/read-password.js';
import { runCli } from '../cli/run-cli.js';
import { normalizeEmail } from '../common/email.js';
import { ValidationError } from '../common/validation.js';
import { loadConfig } from '../config/config.js';
import { withCommandDatabase } from '../cli/command-database.js';
import { LoginThrottle } from './login-throttle.js';
import { scryptParametersForCost } from './password-hash.js';
import { openCounterStore } from '../rate-limit/open-counter-store.js';
import { generatePassword, setPassword } from './set-password.js';

const USAGE = 'Usage: npm run user:reset-password -- --email ada@example.com [--stdin]';

/**
 * `npm run user:reset-password`: a new password for a user who lost theirs (the admin, above
 * all), generated and printed once, or with --stdin read like user:create reads one. Every
 * session of the user ends; with REDIS_URL the login delays of the account are cleared too.
 */
runCli(async () => {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, stdin: { type: 'boolean', default: false } },
  });
  if (!values.email) throw new Error(USAGE);
  const email = normalizeEmail(values.email);
  const typed = values.stdin ? await readPassword() : null;
  const config = loadConfig(process.env);
  await withCommandDatabase(config, async (db) => {
    try {
      // Emails are stored lower-cased (user:create, the admin API): an exact match, no pattern.
      const user = await db.prisma.user.findUnique({
        where: { email },
        select: { id: true, email: true, disabledAt: true },
      });
      if (!user) {
        console.error(`Not changed: no user has the email ${email}.`);
        process.exitCode = 1;
        return;
      }
      const password = typed ?? generatePassword();
      await setPassword(db.prisma, user.id, password, {
        scrypt: scryptParametersForCost(config.passwordHashCost),
      });
      const counters = await openCounterStore(config);
      await new LoginThrottle(counters).unlock(user.email).finally(() => counters.close());
      console.log(
        typed === null
          ? `New password for ${user.email} (shown once): ${password}`
          : `Password of ${user.email} changed.`,
      );
      console.log('Every session of this user was signed out.');
      if (user.disabledAt) {
        console.log(
          'Note: the account is disabled; an admin must enable it before it can sign in.',
        );
      }
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      console.error(`Not changed: ${error.message}`);
      process.exitCode = 1;
    }
  });
});
