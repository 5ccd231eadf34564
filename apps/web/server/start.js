#!/usr/bin/env node
// @ts-check
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildIfStale } from './build-inputs.js';

/*
 * `npm start`: build what changed since the last build, then become the site, with the API as
 * this process's only child (launch.ts), and print where they answer. Plain JavaScript, so it
 * runs before anything is built. `--no-build` starts the last build as it is.
 */

const startedAt = performance.now();
const root = path.resolve(import.meta.dirname, '../../..');

if (!process.argv.includes('--no-build')) buildIfStale(root);
/** @type {typeof import('./launch.js')} */
const { launch } = await import(
  pathToFileURL(path.join(root, 'apps/web/build/node/server/launch.js')).href
);
// Exit even if a keep-alive timer of the site's would hold the event loop a little longer.
process.exit(await launch({ root, env: process.env, startedAt }));
