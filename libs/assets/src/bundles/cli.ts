// Static bundles of the web app: `validate|build --config <file> --out <dir>`.
import { runBundlesCli } from './run-cli.js';

process.exitCode = await runBundlesCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
