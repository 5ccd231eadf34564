import path from 'node:path';

/**
 * A path given on the command line, resolved from where the operator typed it: `npm run -w`
 * runs the script in the workspace's folder, and says where it was started in INIT_CWD.
 */
export function invocationPath(given: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), given);
}
