// @ts-check
import path from 'node:path';

/**
 * @typedef {object} ServerSpec
 * @property {string} name shown in messages
 * @property {string} cwd absolute folder the server runs in
 * @property {string} entry built entry point, relative to `cwd`
 * @property {NodeJS.ProcessEnv} env
 */

/**
 * The two built servers `npm start` runs, configured as the README's variables say. The API
 * keeps its data under the workspace's `data/` unless DATA_DIR says otherwise; the site finds
 * the API at API_HOST:API_PORT unless API_URL says otherwise.
 * @param {string} root workspace root
 * @param {NodeJS.ProcessEnv} env the launcher's environment
 * @returns {ServerSpec[]}
 */
export function serverSpecs(root, env) {
  // Relative to where the user started from, as every other path they type.
  const dataDir = path.resolve(env.DATA_DIR || path.join(root, 'data'));
  const apiUrl = env.API_URL || `http://${env.API_HOST || '127.0.0.1'}:${env.API_PORT || '3001'}`;
  return [
    {
      name: 'API',
      cwd: path.join(root, 'apps/api'),
      entry: 'dist/main.js',
      env: { ...env, DATA_DIR: dataDir },
    },
    {
      name: 'Site',
      cwd: path.join(root, 'apps/web'),
      entry: 'build/node/server/main.js',
      env: { ...env, NODE_ENV: 'production', API_URL: apiUrl },
    },
  ];
}
