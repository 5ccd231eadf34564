import { type ChildProcess, spawn } from 'node:child_process';

export interface StartProcessOptions {
  env: NodeJS.ProcessEnv;
  /** Matched against everything printed so far (stdout and stderr); the match is returned. */
  ready: RegExp;
  cwd?: string;
  /** Named in errors; default the command. */
  name?: string;
  /** Default 120 s. */
  timeoutMs?: number;
}

export interface StartedProcess {
  child: ChildProcess;
  /** The first match of `ready` in the output. */
  match: RegExpMatchArray;
  /** Everything the process printed so far. */
  output(): string;
  /** Stops the process and everything it started; resolves once it exited. */
  stop(): Promise<void>;
}

/**
 * Starts a process in its own process group and resolves once its output matches `ready`. A
 * process that exits first or is not ready in time rejects with its output (and is stopped).
 */
export function startProcess(
  command: string,
  args: string[],
  options: StartProcessOptions,
): Promise<StartedProcess> {
  const name = options.name ?? command;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let ready = false;
  let stopping = false;
  const stop = () => {
    stopping = true;
    return stopProcess(child);
  };
  // A server that dies under a test fails every later request with a refused connection: say
  // why, with what it printed, where the test run's log shows it.
  child.once('exit', (code, signal) => {
    if (ready && !stopping) {
      process.stderr.write(
        `${name} exited (${signal ?? code}) while in use:\n${output.slice(-4000)}\n`,
      );
    }
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopProcess(child);
      reject(new Error(`${name} did not become ready within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Once ready, the output is only kept: matching it all again at every line of a long
      // test's logs cost seconds.
      if (ready) return;
      const match = output.match(options.ready);
      if (match) {
        ready = true;
        clearTimeout(timer);
        resolve({ child, match, output: () => output, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/**
 * SIGTERM to the whole group (wrappers such as npm start the real server as a child), SIGKILL
 * if it is still there 5 s later.
 */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    return Promise.resolve();
  }
  const group = -child.pid;
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    process.kill(group, 'SIGTERM');
    setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) process.kill(group, 'SIGKILL');
    }, 5_000).unref();
  });
}
