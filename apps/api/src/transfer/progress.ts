import { SingleBar, Presets } from 'cli-progress';

export interface ProgressBar {
  increment(): void;
  stop(): void;
}

/** Progress of a long step, per kind of item: a bar on a terminal, plain lines otherwise. */
export interface Progress {
  start(label: string, total: number): ProgressBar;
}

/**
 * Progress on `stream` (stderr): `cli-progress` bars when it is a terminal, else one line when a
 * step starts and one when it ends (logs and CI keep no carriage returns).
 */
export function progressOn(stream: NodeJS.WriteStream): Progress {
  return {
    start(label, total) {
      if (stream.isTTY) {
        const bar = new SingleBar(
          { stream, format: `${label.padEnd(10)} [{bar}] {value}/{total}`, hideCursor: true },
          Presets.shades_classic,
        );
        bar.start(total, 0);
        return { increment: () => bar.increment(), stop: () => bar.stop() };
      }
      let done = 0;
      stream.write(`${label}: ${total} to do\n`);
      return {
        increment: () => void (done += 1),
        stop: () => void stream.write(`${label}: ${done}/${total} done\n`),
      };
    },
  };
}

/** No output (tests, and callers that report otherwise). */
export const silentProgress: Progress = {
  start: () => ({ increment: () => undefined, stop: () => undefined }),
};
