/** Request/response over a forked child's IPC channel: the bench's three process kinds share it. */
import { type ChildProcess, fork } from 'node:child_process';

export type Reply = Record<string, unknown>;

export interface Worker {
  /** Sends `message` and resolves with the first reply carrying `field`. */
  ask(message: object, field: string): Promise<Reply>;
  /** Resolves with the first message carrying `field` (e.g. the start-up report). */
  next(field: string): Promise<Reply>;
  kill(): void;
}

export function forkWorker(script: string, args: string[], execArgv: string[] = []): Worker {
  const child: ChildProcess = fork(script, args, {
    execArgv: ['--conditions=@inkwell/source', '--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (field: string): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: Reply): void => {
        if (!(field in message)) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message);
      };
      const onExit = (code: number | null): void =>
        reject(new Error(`${script} exited (${code}) before "${field}"`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  return {
    next,
    ask(message, field) {
      const reply = next(field);
      child.send(message);
      return reply;
    },
    kill: () => child.kill(),
  };
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable across local processes. */
export const now = (): number => performance.timeOrigin + performance.now();

/** For the worker side: answer each request with the handler's result. */
export function serveRequests(handle: (message: Reply) => Promise<Reply>): void {
  process.on('message', (message: Reply) => {
    handle(message).then(
      (reply) => process.send?.(reply),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
