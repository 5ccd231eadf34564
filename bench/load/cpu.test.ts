import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { childPid, cpuMilliseconds } from './cpu.js';

describe('CPU time of a process', () => {
  it('finds a child by its command line and reads the CPU time it spent', async () => {
    // Spins until it has used 300 ms of CPU (however busy the machine), says so, then idles.
    const child = spawn(
      process.execPath,
      [
        '-e',
        'while (process.cpuUsage().user < 300_000); console.log("spun"); setInterval(() => {}, 1000);',
        'cpu-test-marker',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await once(child.stdout, 'data');
      expect(childPid(process.pid, 'cpu-test-marker')).toBe(child.pid);
      expect(cpuMilliseconds(child.pid!)).toBeGreaterThanOrEqual(300);
    } finally {
      child.kill();
    }
  });
});
