import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';

/** Linux's clock ticks per second (`getconf CLK_TCK`), the unit of /proc/<pid>/stat times. */
const TICKS_PER_SECOND = 100;

/**
 * Milliseconds of CPU (user + system) a process has used, from /proc/<pid>/stat (readable for
 * every process on Linux); 10 ms steps, so only sums over many statements mean something.
 * A process that has ended counts 0.
 */
async function processCpuMs(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces: fields are counted after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * The CPU the PostgreSQL server spends for one scratch database: the sum over the backends
 * serving it. The pool must keep its connections (`idleTimeoutMillis: 0`), or a backend that
 * closes takes its time with it.
 */
export async function serverCpuMs(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  const times = await Promise.all(rows.map((row) => processCpuMs(row.pid)));
  return times.reduce((sum, time) => sum + time, 0);
}

/** Milliseconds of CPU this process spent (user + system, every thread) since `since`. */
export function processCpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

export interface Timed<T> {
  result: T;
  wallMs: number;
  /** This process, all threads: the API's share (and the embedded database's, which runs in it). */
  cpuMs: number;
}

export async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = await work();
  return { result, cpuMs: processCpuMsSince(cpuStarted), wallMs: performance.now() - started };
}
