#!/usr/bin/env node
// @ts-check
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { hashBuildInputs, isBuildCurrent, recordBuild } from './build-inputs.js';

/*
 * `npm start`: build what changed since the last build, then become the site, with the API as
 * this process's only child (launch.ts), and print where they answer. Plain JavaScript, so it
 * runs before anything is built. `--no-build` starts the last build as it is.
 */

const startedAt = performance.now();
const root = path.resolve(import.meta.dirname, '../../..');

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

if (!process.argv.includes('--no-build')) buildIfStale();
/** @type {typeof import('./launch.js')} */
const { launch } = await import(
  pathToFileURL(path.join(root, 'apps/web/build/node/server/launch.js')).href
);
// Exit even if a keep-alive timer of the site's would hold the event loop a little longer.
process.exit(await launch({ root, env: process.env, startedAt }));
