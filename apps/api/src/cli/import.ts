import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { withApplicationServices } from '../transfer/application-services.js';
import { formatReport } from '../transfer/import-report.js';
import { importBlog } from '../transfer/import-blog.js';
import { progressOn } from '../transfer/progress.js';
import { IMPORT_FORMATS, type ImportFormat, readSource } from '../transfer/read-source.js';
import { withCommandDatabase } from './command-database.js';
import { runCli } from './run-cli.js';
import { TransferRefusedError } from '../transfer/source-error.js';
import { invocationPath } from './invocation-path.js';

const USAGE = `Usage: npm run import -- <source> [--format ${IMPORT_FORMATS.join('|')}] [--dry-run]`;

/**
 * `npm run import -- <source>`: an Inkwell export, a Ghost JSON export, a WordPress WXR file or a
 * folder of Markdown files, written through the admin panel's services. Re-runs create nothing.
 */
runCli(async () => {
  const { values, positionals } = parseArgs({
    options: { format: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const [source] = positionals;
  if (!source || positionals.length > 1) throw new TransferRefusedError(USAGE);
  if (values.format !== undefined && !IMPORT_FORMATS.includes(values.format as ImportFormat)) {
    throw new TransferRefusedError(
      `--format must be one of ${IMPORT_FORMATS.join(', ')}, not "${values.format}".\n${USAGE}`,
    );
  }
  // The source is read in full before the database is opened: a bad file changes nothing.
  const { format, bundle } = await readSource(
    invocationPath(source),
    values.format as ImportFormat | undefined,
  );
  const config = loadConfig(process.env);
  const report = await withCommandDatabase(config, (db) =>
    withApplicationServices(config, db, (services) =>
      importBlog(services, bundle, {
        format,
        dryRun: values['dry-run'],
        progress: progressOn(process.stderr),
      }),
    ),
  );
  console.log(formatReport(report));
});
