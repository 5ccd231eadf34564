import { describe, expect, it } from 'vitest';
import { isNotModified, thumbnailHeaders } from './http.js';
import { type Thumbnail } from './thumbnail-service.js';

describe('thumbnailHeaders', () => {
  it('names type, length, caching and ETag', () => {
    const thumbnail = {
      mime: 'image/webp',
      bytes: 1234,
      cacheControl: 'public, max-age=31536000, immutable',
      etag: '"abc-320w-q75-webp"',
    } as Thumbnail;
    expect(thumbnailHeaders(thumbnail)).toEqual({
      'Content-Type': 'image/webp',
      'Content-Length': '1234',
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: '"abc-320w-q75-webp"',
    });
  });
});

describe('isNotModified', () => {
  it.each([
    [undefined, false],
    ['"other"', false],
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['*', true],
  ])('If-None-Match %j -> %s', (header, expected) => {
    expect(isNotModified(header, '"abc"')).toBe(expected);
  });
});
