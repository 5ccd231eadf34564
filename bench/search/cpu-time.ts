import { readdir, readFile } from 'node:fs/promises';
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

/** CPU a process used and time it waited, runnable, for a core: both in milliseconds. */
export interface ProcessTime {
  cpuMs: number;
  waitMs: number;
}

/** The scheduler's counters of one task (`/proc/.../schedstat`: ns on a CPU, ns runnable and waiting). */
async function schedstat(file: string): Promise<ProcessTime | null> {
  try {
    const [cpu, wait] = (await readFile(file, 'utf8')).split(' ');
    return { cpuMs: Number(cpu) / 1e6, waitMs: Number(wait) / 1e6 };
  } catch {
    return null;
  }
}

/**
 * A process's CPU time in nanosecond steps, from the scheduler's counters (Linux), unlike
 * /proc/<pid>/stat's 10 ms ticks: fine enough to time one query. `everyThread` sums the
 * process's threads (a Node process: its libuv pool, and the embedded database's thread);
 * otherwise the process's main thread alone (a PostgreSQL backend has no other). Null once the
 * process has ended.
 */
export async function processTime(pid: number, everyThread: boolean): Promise<ProcessTime | null> {
  if (!everyThread) return schedstat(`/proc/${pid}/schedstat`);
  let tasks: string[];
  try {
    tasks = await readdir(`/proc/${pid}/task`);
  } catch {
    return null;
  }
  const times = await Promise.all(
    tasks.map((task) => schedstat(`/proc/${pid}/task/${task}/schedstat`)),
  );
  // A thread that ended between the listing and its reading is left out.
  return times.reduce<ProcessTime>(
    (sum, time) => ({
      cpuMs: sum.cpuMs + (time?.cpuMs ?? 0),
      waitMs: sum.waitMs + (time?.waitMs ?? 0),
    }),
    { cpuMs: 0, waitMs: 0 },
  );
}
