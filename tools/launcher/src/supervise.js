// @ts-check
import { spawn } from 'node:child_process';

/*
 * Runs the servers side by side and stays out of the way: their output goes straight to the
 * terminal, the addresses are printed once every server has said where it listens, a Ctrl-C or
 * SIGTERM stops them all, and if one dies the others are stopped and the launcher fails.
 *
 * Each server runs in its own process group so a terminal's Ctrl-C reaches it once, from here,
 * rather than twice (terminal and launcher) and mid-shutdown. A server learns that the launcher
 * is gone from its IPC channel closing, and stops itself.
 */

/** @typedef {import('./servers.js').ServerSpec} ServerSpec */

/**
 * What a server sends over IPC once it listens (apps/api/src/main.ts, apps/web/server/main.ts).
 * @param {unknown} message
 * @returns {message is { type: 'listening', url: string }}
 */
function isListeningMessage(message) {
  return (
    typeof message === 'object' &&
    message !== null &&
    'type' in message &&
    message.type === 'listening' &&
    'url' in message &&
    typeof message.url === 'string'
  );
}

/**
 * @param {ServerSpec[]} specs
 * @param {(urls: Map<string, string>) => void} onReady called once, when every server listens
 * @returns {Promise<number>} the exit code for the launcher
 */
export function superviseServers(specs, onReady) {
  return new Promise((resolve) => {
    /** @type {Map<string, string>} */
    const urls = new Map();
    let stopping = false;
    let exitCode = 0;
    let running = specs.length;

    const children = specs.map((spec) => {
      const child = spawn(process.execPath, [spec.entry], {
        cwd: spec.cwd,
        env: spec.env,
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        detached: true,
      });
      child.on('message', (message) => {
        if (!isListeningMessage(message) || urls.has(spec.name)) return;
        urls.set(spec.name, message.url);
        if (urls.size === specs.length) onReady(urls);
      });
      child.on('exit', (code, signal) => {
        running -= 1;
        if (!stopping) {
          console.error(
            `${spec.name} stopped (${signal ?? `exit code ${code}`}); stopping Inkwell.`,
          );
          exitCode = 1;
          stopAll();
        }
        if (running === 0) resolve(exitCode);
      });
      return child;
    });

    /** @param {import('node:child_process').ChildProcess} child */
    const isRunning = (child) => child.exitCode === null && child.signalCode === null;

    /**
     * Last started, first stopped, each once the one before has exited: the site finishes the
     * pages it is rendering while the API still answers them.
     */
    function stopAll() {
      stopping = true;
      const order = [...children].reverse();
      const stopNext = () => {
        const child = order.shift();
        if (!child) return;
        if (!isRunning(child)) return stopNext();
        child.once('exit', stopNext);
        child.kill('SIGTERM');
      };
      stopNext();
    }

    for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
      process.on(signal, () => {
        if (!stopping) stopAll();
      });
    }
  });
}
