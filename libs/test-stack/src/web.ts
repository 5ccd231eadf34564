import path from 'node:path';
import { type ChildProcess } from 'node:child_process';
import { freePort } from './free-port.js';
import { type EnvVars } from './source-script.js';
import { startProcess } from './start-process.js';
import { workspacePackageDir } from './workspace-package.js';

export interface WebServer {
  webUrl: string;
  child: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The built site on a free loopback port in front of the API at `apiUrl`. `buildDir` is the
 * build's folder (client, server and node), absolute or relative to the web package.
 */
export async function startWebServer(
  buildDir: string,
  apiUrl: string,
  env: EnvVars = {},
): Promise<WebServer> {
  const webDir = workspacePackageDir('@inkwell/web');
  const webPort = await freePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const started = await startProcess(
    process.execPath,
    [path.resolve(webDir, buildDir, 'node/server/main.js')],
    {
      name: 'web',
      cwd: webDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        API_URL: apiUrl,
        SITE_URL: webUrl,
        WEB_PORT: String(webPort),
        WEB_HOST: '127.0.0.1',
        // Not the one generated in DATA_DIR: that would land in the web package's folder (cwd).
        SESSION_SECRET: 'inkwell-browser-tests-session-secret',
        NO_COLOR: '1',
        FORCE_COLOR: undefined,
        ...env,
      },
      ready: /Web listening on http:\/\/\S+/,
      timeoutMs: 30_000,
    },
  );
  return { webUrl, child: started.child, output: started.output, stop: started.stop };
}
