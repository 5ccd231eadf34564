import { readFileSync } from 'node:fs';

/** Kernel clock ticks per second (USER_HZ), 100 on every Linux architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time the process (all its threads) has used so far, in milliseconds: utime + stime from
 * /proc/<pid>/stat, in 10 ms ticks.
 */
export function cpuMilliseconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of the line are the 12th and 13th after the name.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** The pid of the child of `parentPid` whose command line contains `command`, if any. */
export function childPid(parentPid: number, command: string): number | undefined {
  const children = readFileSync(`/proc/${parentPid}/task/${parentPid}/children`, 'utf8').split(
    /\s+/u,
  );
  return children
    .filter((pid) => pid !== '')
    .map(Number)
    .find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(command));
}
