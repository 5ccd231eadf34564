// @ts-check
/*
 * Loaded into a server with `NODE_OPTIONS=--import <this file>`: the first SIGUSR2 starts V8's
 * CPU profiler, the second stops it and writes the profile to CPU_PROFILE_PATH. A server that
 * has started and warmed up is profiled without its start.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const session = new Session();
session.connect();
let profiling = false;
process.on('SIGUSR2', () => {
  if (!profiling) {
    session.post('Profiler.enable');
    session.post('Profiler.start');
    profiling = true;
    return;
  }
  session.post('Profiler.stop', (error, result) => {
    if (error) throw error;
    writeFileSync(String(process.env.CPU_PROFILE_PATH), JSON.stringify(result.profile));
    profiling = false;
  });
});
