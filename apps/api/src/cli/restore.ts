import { restore } from '@inkwell/backup';
import { loadConfig } from '../config/config.js';
import { folderArgument } from './folder-argument.js';
import { runCli } from './run-cli.js';

/** `npm run restore -- <folder>`: a backup into an empty DATA_DIR (and empty DATABASE_URL). */
runCli(async () => {
  const folder = folderArgument('restore');
  const config = loadConfig(process.env);
  const started = Date.now();
  const manifest = await restore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    folder,
    log: console.log,
  });
  console.log(
    `Restored the backup of ${manifest.createdAt} into ${config.databaseUrl ? 'PostgreSQL' : 'the embedded database'} ` +
      `and ${config.dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
});
