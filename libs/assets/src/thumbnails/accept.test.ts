import { describe, expect, it } from 'vitest';
import { pickThumbnailFormat } from './accept.js';

describe('pickThumbnailFormat', () => {
  it.each([
    ['image/avif,image/webp,image/apng,image/*,*/*;q=0.8', 'avif'],
    ['image/webp,*/*', 'webp'],
    ['image/webp;q=0.5, image/avif;q=0.1', 'avif'],
    ['image/avif;q=0, image/webp', 'webp'],
    ['IMAGE/WEBP', 'webp'],
    ['image/*,*/*', 'jpeg'],
    ['text/html', 'jpeg'],
    ['', 'jpeg'],
    [undefined, 'jpeg'],
  ] as const)('%j -> %s', (accept, format) => {
    expect(pickThumbnailFormat(accept)).toBe(format);
  });
});
