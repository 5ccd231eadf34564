import path from 'node:path';
import { freePort, startProcess, WORKSPACE_ROOT } from '@inkwell/test-stack';
import { childPid } from './cpu.js';

export interface RunningSite {
  siteUrl: string;
  apiUrl: string;
  /** The site's process (`apps/web/server/start.js`). */
  sitePid: number;
  /** The built API, the site process's only child. */
  apiPid: number;
  stop(): Promise<void>;
}

export interface SiteOptions {
  dataDir: string;
  /** PAGE_CACHE_SECONDS; unset keeps the site's default. */
  pageCacheSeconds?: number;
  /** PAGE_CACHE_MAX_ENTRIES; unset keeps the site's default. */
  pageCacheMaxEntries?: number;
  /** REDIS_URL and CACHE_NAMESPACE of the API and the site; unset: both in-process. */
  redis?: { url: string; namespace: string };
  /** Wait until the API has filled the search index (a first start on a seeded database). */
  waitForSearchIndex: boolean;
}

const RUNNING = /Inkwell is running/;
const INDEXED = /Indexed \d+ posts and \d+ comments for search/;

/**
 * Inkwell as `npm start` runs it (apps/web/server/start.js: build if the build is missing or
 * stale, then the built site, which spawns the built API), on free ports.
 */
export async function startSite(options: SiteOptions): Promise<RunningSite> {
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: options.dataDir,
    API_PORT: String(apiPort),
    WEB_PORT: String(webPort),
    PAGE_CACHE_SECONDS: options.pageCacheSeconds?.toString(),
    PAGE_CACHE_MAX_ENTRIES: options.pageCacheMaxEntries?.toString(),
    REDIS_URL: options.redis?.url,
    CACHE_NAMESPACE: options.redis?.namespace,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
  };
  const started = await startProcess(
    process.execPath,
    [path.join(WORKSPACE_ROOT, 'apps/web/server/start.js')],
    {
      name: 'npm start',
      cwd: WORKSPACE_ROOT,
      env,
      // The index is filled in the background after the start: both lines, in either order.
      ready: options.waitForSearchIndex
        ? new RegExp(
            `(${RUNNING.source}[\\s\\S]*${INDEXED.source})|(${INDEXED.source}[\\s\\S]*${RUNNING.source})`,
          )
        : RUNNING,
      // A stale build is rebuilt first, which takes minutes on a busy machine.
      timeoutMs: 20 * 60_000,
    },
  );
  const sitePid = started.child.pid!;
  const apiPid = childPid(sitePid, 'dist/main.js');
  if (apiPid === undefined) {
    await started.stop();
    throw new Error(`no API process under the site's process ${sitePid}`);
  }
  return {
    siteUrl: `http://127.0.0.1:${webPort}`,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    sitePid,
    apiPid,
    stop: started.stop,
  };
}
