import { parseArgs } from 'node:util';
import { buildBundles } from './build.js';
import { validateBundles } from './validate.js';

export interface CliOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const BUNDLES_USAGE =
  'usage: bundles validate --config <file>\n       bundles build --config <file> --out <dir> [--base-url /assets/]';

/** The `validate` and `build` commands; returns the process exit code. */
export async function runBundlesCli(argv: string[], output: CliOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        out: { type: 'string' },
        'base-url': { type: 'string' },
      },
    });
  } catch (error) {
    output.err(`${(error as Error).message}\n${BUNDLES_USAGE}`);
    return 2;
  }
  const [command] = parsed.positionals;
  const { config, out, 'base-url': baseUrl } = parsed.values;
  if (!config || (command !== 'validate' && command !== 'build') || (command === 'build' && !out)) {
    output.err(BUNDLES_USAGE);
    return 2;
  }
  if (command === 'validate') {
    const { value, problems } = await validateBundles(config);
    if (problems.length > 0) return report(problems, output);
    output.out(`${value.bundles.length} bundles valid`);
    return 0;
  }
  const { value: built, problems } = await buildBundles({
    configPath: config,
    outDir: out!,
    baseUrl,
  });
  if (problems.length > 0) return report(problems, output);
  for (const bundle of built) {
    const budget = bundle.maxBytes === undefined ? '' : ` (budget ${bundle.maxBytes})`;
    output.out(`${bundle.file}  ${bundle.sourceBytes} -> ${bundle.bytes} bytes${budget}`);
  }
  return 0;
}

function report(problems: string[], output: CliOutput): number {
  for (const problem of problems) output.err(problem);
  return 1;
}
