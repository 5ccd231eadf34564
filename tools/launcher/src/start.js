#!/usr/bin/env node
// @ts-check
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashBuildInputs, isBuildCurrent, recordBuild } from './build-inputs.js';
import { serverSpecs } from './servers.js';
import { superviseServers } from './supervise.js';

/*
 * `npm start`: build what changed since the last build, then run the two built servers under
 * this one small process (no Nx, no npm per server) and print where they answer.
 * `--no-build` starts the last build as it is.
 */

const root = path.resolve(import.meta.dirname, '../../..');
const startedAt = performance.now();

function buildIfStale() {
  const inputsHash = hashBuildInputs(root);
  if (isBuildCurrent(root, inputsHash)) return;
  console.log('Building Inkwell (first start or changed sources)...');
  const nx = path.join(root, 'node_modules/.bin/nx');
  const build = spawnSync(
    process.execPath,
    [nx, 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static'],
    // No daemon left behind, no interactive UI; the log is shown only if the build fails.
    { cwd: root, env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' }, encoding: 'utf8' },
  );
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout}${build.stderr}`);
    console.error('The build failed: nothing was started.');
    process.exit(1);
  }
  recordBuild(root, inputsHash);
}

/** @param {Map<string, string>} urls */
function printAddresses(urls) {
  const site = urls.get('Site') ?? '';
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(
    [
      '',
      `Inkwell is running (ready in ${seconds} s):`,
      `  site   ${site}/`,
      `  admin  ${site}/admin`,
      `  API    ${urls.get('API') ?? ''}/`,
      'Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
}

if (!process.argv.includes('--no-build')) buildIfStale();
process.exitCode = await superviseServers(serverSpecs(root, process.env), printAddresses);
