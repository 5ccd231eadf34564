import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { withApplicationServices } from '../transfer/application-services.js';
import { exportBlog } from '../transfer/export-blog.js';
import { progressOn } from '../transfer/progress.js';
import { withCommandDatabase } from './command-database.js';
import { runCli } from './run-cli.js';
import { TransferRefusedError } from '../transfer/source-error.js';
import { invocationPath } from './invocation-path.js';

const USAGE = 'Usage: npm run export -- <folder> [--dry-run]';

/** `npm run export -- <folder>`: the whole blog as Markdown files, image files and a manifest. */
runCli(async () => {
  const { values, positionals } = parseArgs({
    options: { 'dry-run': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const [folder] = positionals;
  if (!folder || positionals.length > 1) throw new TransferRefusedError(USAGE);
  const config = loadConfig(process.env);
  const target = invocationPath(folder);
  const result = await withCommandDatabase(config, (db) =>
    withApplicationServices(config, db, (services) =>
      exportBlog(services.prisma, services.originals, target, {
        dryRun: values['dry-run'],
        progress: progressOn(process.stderr),
      }),
    ),
  );
  console.log(
    `${values['dry-run'] ? 'Would export' : `Exported to ${target}`}: ${result.posts} posts, ` +
      `${result.pages} pages, ${result.series} series, ${result.revisions} revisions, ` +
      `${result.comments} comments, ${result.categories} categories, ${result.images} images, ` +
      `${result.users} users (without password hashes), ${result.redirects} redirects.`,
  );
});
