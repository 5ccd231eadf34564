// @ts-check
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/*
 * "Is the last build still the build of these sources?", answered in a few tens of
 * milliseconds so a restart with nothing changed never waits for Nx to hash and replay its
 * cache (~4 s). The inputs mirror nx.json's `production` input: every file of the projects
 * that have a build, less tests and outputs, plus the root files every build reads.
 */

/** Folders holding the built projects. */
const PROJECT_FOLDERS = ['prisma', 'libs', 'apps'];
/** Root files that change what a build produces. */
const ROOT_INPUTS = ['package.json', 'package-lock.json', 'tsconfig.base.json', 'nx.json'];
/** Outputs, installed packages, generated code, runtime data and tests: not build inputs. */
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'dist',
  'build',
  'generated',
  'test',
  'data',
  'coverage',
  'test-results',
  '.cache',
  '.nx',
]);
const SKIPPED_FILE = /\.test\.tsx?$|\.tsbuildinfo$/;

/** The files the servers are started from: if one is missing, the build is not current. */
export const SERVER_ENTRIES = ['apps/api/dist/main.js', 'apps/web/build/node/server/launch.js'];

/** Where the hash of the last successful build's inputs is kept (gone with a fresh install). */
export const STAMP_PATH = 'node_modules/.cache/inkwell/build-inputs.sha256';

/**
 * @param {string} dir absolute folder
 * @param {string[]} found relative paths, collected
 * @param {string} root
 */
function collectFiles(dir, found, root) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) collectFiles(path.join(dir, entry.name), found, root);
    } else if (entry.isFile() && !SKIPPED_FILE.test(entry.name)) {
      found.push(path.relative(root, path.join(dir, entry.name)));
    }
  }
}

/**
 * A digest of every build input's path and content.
 * @param {string} root the workspace root
 * @returns {string}
 */
export function hashBuildInputs(root) {
  const files = ROOT_INPUTS.filter((file) => existsSync(path.join(root, file)));
  for (const folder of PROJECT_FOLDERS) {
    if (existsSync(path.join(root, folder))) collectFiles(path.join(root, folder), files, root);
  }
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/**
 * True when the servers exist and were built from exactly the current inputs.
 * @param {string} root
 * @param {string} inputsHash from `hashBuildInputs`
 */
export function isBuildCurrent(root, inputsHash) {
  const stampFile = path.join(root, STAMP_PATH);
  if (!existsSync(stampFile)) return false;
  if (!SERVER_ENTRIES.every((entry) => existsSync(path.join(root, entry)))) return false;
  return readFileSync(stampFile, 'utf8').trim() === inputsHash;
}

/**
 * Remembers that a build of these inputs succeeded.
 * @param {string} root
 * @param {string} inputsHash the hash taken before the build started
 */
export function recordBuild(root, inputsHash) {
  const stampFile = path.join(root, STAMP_PATH);
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${inputsHash}\n`);
}

/**
 * Builds the API and the site when the last build is not of these sources (what `npm start`
 * does first); true when it built. A failed build prints its log and ends the process.
 * @param {string} root
 * @returns {boolean}
 */
export function buildIfStale(root) {
  const inputsHash = hashBuildInputs(root);
  if (isBuildCurrent(root, inputsHash)) return false;
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
  return true;
}
