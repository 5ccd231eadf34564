import { openDatabase } from '@inkwell/prisma';
import { loadConfig } from '../config/config.js';
import { prepareDatabase } from '../database/prepare-database.js';
import { runCli } from './run-cli.js';

/** `npm run seed`: migrates if configured to, then writes the demo content into an empty database. */
runCli(async () => {
  const config = loadConfig(process.env);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const seed = await prepareDatabase(db, {
      migrate: config.migrateOnStart,
      seedDemoContent: true,
      log: console.log,
    });
    if (!seed?.seeded) console.log('The database already has posts: nothing seeded.');
  } finally {
    await db.close();
  }
});
