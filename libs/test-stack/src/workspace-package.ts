import { createRequire } from 'node:module';
import path from 'node:path';
import { WORKSPACE_ROOT } from './source-script.js';

/**
 * The folder of a workspace package, found by name from the workspace root as Node finds it.
 * The launchers start the apps as processes; they never import them.
 */
export function workspacePackageDir(name: string): string {
  const require = createRequire(path.join(WORKSPACE_ROOT, 'package.json'));
  return path.dirname(require.resolve(`${name}/package.json`));
}
