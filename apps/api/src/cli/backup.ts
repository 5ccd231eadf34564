import { backup } from '@inkwell/backup';
import { loadConfig } from '../config/config.js';
import { folderArgument } from './folder-argument.js';
import { runCli } from './run-cli.js';

/** `npm run backup -- <folder>`: a backup of the database and uploads, while the site runs. */
runCli(async () => {
  const folder = folderArgument('backup');
  const config = loadConfig(process.env);
  const started = Date.now();
  const manifest = await backup({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    folder,
    log: console.log,
  });
  const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
  console.log(
    `Backed up ${manifest.tables.length} tables (${rows} rows) and ${manifest.uploads.length} ` +
      `upload files to ${folder} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
});
