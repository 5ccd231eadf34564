import { describe, expect, it } from 'vitest';
import { formatProgressBar } from './progress-bar.js';

describe('formatProgressBar', () => {
  it.each([
    [0, 40, 10, '[----------]   0% 0/40'],
    [12, 40, 10, '[###-------]  30% 12/40'],
    [40, 40, 10, '[##########] 100% 40/40'],
    [0, 0, 4, '[####] 100% 0/0'],
  ])('%i of %i', (done, total, width, line) => {
    expect(formatProgressBar(done, total, width)).toBe(line);
  });
});
