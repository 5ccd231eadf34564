import { parseArgs } from 'node:util';
import { ValidationError } from '../common/validation.js';
import { loadConfig } from '../config/config.js';
import { withCommandDatabase } from '../cli/command-database.js';
import { readPassword } from '../cli/read-password.js';
import { runCli } from '../cli/run-cli.js';
import { createUserExclusively } from './create-user.js';
import { scryptParametersForCost } from './password-hash.js';

const USAGE =
  'Usage: npm run user:create -- --email ada@example.com [--name Ada] [--role admin|author]';

/** `npm run user:create`: the first user is the admin; later ones are authors unless --role admin. */
runCli(async () => {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
  });
  const { email } = values;
  if (!email) throw new Error(USAGE);
  if (values.role !== undefined && !['admin', 'author'].includes(values.role)) {
    throw new Error(`--role must be admin or author. ${USAGE}`);
  }
  const password = await readPassword();
  const config = loadConfig(process.env);
  await withCommandDatabase(config, async (db) => {
    try {
      const user = await createUserExclusively(
        db.prisma,
        {
          email,
          name: values.name,
          role: values.role === 'admin' ? 'ADMIN' : values.role === 'author' ? 'AUTHOR' : undefined,
          password,
        },
        scryptParametersForCost(config.passwordHashCost),
      );
      console.log(`Created ${user.role} ${user.email} (${user.name}), id ${user.id}.`);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // The operator's input, not a bug: the message alone.
      console.error(`Not created: ${error.message}`);
      process.exitCode = 1;
    }
  });
});
