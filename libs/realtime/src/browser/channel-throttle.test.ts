import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChannelThrottle } from './channel-throttle.js';

describe('createChannelThrottle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('delivers the first value at once and the newest of a burst at the end of the window', () => {
    const delivered: string[] = [];
    const throttle = createChannelThrottle<string>(500, (channel, value) =>
      delivered.push(`${channel}:${value}`),
    );

    throttle.push('/a', '1');
    throttle.push('/a', '2');
    throttle.push('/a', '3');
    expect(delivered).toEqual(['/a:1']);

    vi.advanceTimersByTime(499);
    expect(delivered).toEqual(['/a:1']);
    vi.advanceTimersByTime(1);
    expect(delivered).toEqual(['/a:1', '/a:3']);

    // The trailing delivery opens a new window: nothing more, then a fresh value goes out at once.
    vi.advanceTimersByTime(500);
    expect(delivered).toEqual(['/a:1', '/a:3']);
    throttle.push('/a', '4');
    expect(delivered).toEqual(['/a:1', '/a:3', '/a:4']);
  });

  it('keeps at most one delivery per window under a steady stream', () => {
    const times: number[] = [];
    const throttle = createChannelThrottle<number>(500, () => times.push(Date.now()));
    const start = Date.now();
    for (let elapsed = 0; elapsed < 2_000; elapsed += 100) {
      throttle.push('/a', elapsed);
      vi.advanceTimersByTime(100);
    }
    vi.advanceTimersByTime(500);
    const gaps = times.slice(1).map((time, index) => time - times[index]!);
    expect(times[0]).toBe(start);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500);
  });

  it('throttles each channel on its own', () => {
    const delivered: string[] = [];
    const throttle = createChannelThrottle<string>(500, (channel, value) =>
      delivered.push(`${channel}:${value}`),
    );
    throttle.push('/a', '1');
    throttle.push('/b', '1');
    throttle.push('/a', '2');
    expect(delivered).toEqual(['/a:1', '/b:1']);
    vi.advanceTimersByTime(500);
    expect(delivered).toEqual(['/a:1', '/b:1', '/a:2']);
  });

  it('drops pending trailing values when cancelled', () => {
    const delivered: string[] = [];
    const throttle = createChannelThrottle<string>(500, (_channel, value) => delivered.push(value));
    throttle.push('/a', '1');
    throttle.push('/a', '2');
    throttle.cancel();
    vi.advanceTimersByTime(1_000);
    expect(delivered).toEqual(['1']);
    expect(vi.getTimerCount()).toBe(0);
  });
});
