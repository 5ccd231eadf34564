import { describe, expect, it } from 'vitest';
import { type RoundResult } from './rounds.js';
import { summarize } from './summary.js';

function round(requestsPerSecond: number, served: string[] = ['/']): RoundResult {
  return {
    requests: requestsPerSecond * 2,
    requestsPerSecond,
    p50: 1,
    p99: 5,
    errors: 0,
    non2xx: 1,
    bytes: requestsPerSecond * 2 * 1000,
    siteCpuMs: 100,
    apiCpuMs: 300,
    served: new Set(served),
  };
}

describe('summarize', () => {
  const row = { posts: 35, name: 'site post page', shape: 'Zipf over 33' };

  it('reads the median round against the median of the heartbeat rounds run between', () => {
    const summary = summarize(
      row,
      [round(100), round(400), round(300)],
      [round(1000), round(600), round(9000)],
    );
    expect(summary.requestsPerSecond).toBe(300);
    expect(summary.vsHeartbeat).toBe(0.3);
  });

  it('charges each process its CPU over all requests and counts distinct URLs served', () => {
    const summary = summarize(
      row,
      [round(100, ['/a', '/b']), round(100, ['/b', '/c'])],
      [round(1000)],
    );
    expect(summary.siteCpuMsPerRequest).toBe(0.5);
    expect(summary.apiCpuMsPerRequest).toBe(1.5);
    expect(summary.non2xx).toBe(2);
    expect(summary.urlsServed).toBe(3);
    expect(summary.bytesPerResponse).toBe(1000);
  });
});
