import { describe, expect, it } from 'vitest';
import { buildCacheKey, canonicalize, escapeKeyPart, MAX_READABLE_KEY_LENGTH } from './keys.js';

describe('canonicalize', () => {
  it('sorts object keys at every depth and drops undefined properties', () => {
    expect(canonicalize({ b: 2, a: { d: 1, c: [1, 'x'] }, e: undefined })).toBe(
      '{"a":{"c":[1,"x"],"d":1},"b":2}',
    );
  });

  it('tells apart values that JSON would confuse', () => {
    const texts = [
      1,
      '1',
      1n,
      null,
      undefined,
      true,
      'true',
      new Date(0),
      new Date(0).toISOString(),
      [1],
      new Set([1]),
      NaN,
      'NaN',
    ].map(canonicalize);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('orders Map and Set members', () => {
    expect(
      canonicalize(
        new Map([
          ['b', 1],
          ['a', 2],
        ]),
      ),
    ).toBe(
      canonicalize(
        new Map([
          ['a', 2],
          ['b', 1],
        ]),
      ),
    );
    expect(canonicalize(new Set([2, 1]))).toBe(canonicalize(new Set([1, 2])));
  });

  it('uses toJSON for class instances that have it, and refuses the others', () => {
    class Slug {
      constructor(readonly text: string) {}
      toJSON() {
        return this.text;
      }
    }
    class Connection {}
    expect(canonicalize(new Slug('hello'))).toBe('"hello"');
    expect(() => canonicalize(new Connection())).toThrow(/instance of Connection/u);
    expect(() => canonicalize(() => 1)).toThrow(/function/u);
  });
});

describe('buildCacheKey', () => {
  it('keeps short keys readable', () => {
    expect(buildCacheKey('posts.list', ['rust', { page: 2 }])).toBe(
      'posts.list:["rust",{"page":2}]',
    );
  });

  it('escapes spaces, non-ASCII, % and # so no store rejects the key and no two keys collide', () => {
    const key = buildCacheKey('search', ['a b', 'é', '%20', '#']);
    expect(key).toMatch(/^[\x21-\x7e]+$/u);
    expect(key).toBe('search:["a%20b","%C3%A9","%2520","%23"]');
    expect(buildCacheKey('search', ['a b'])).not.toBe(buildCacheKey('search', ['a%20b']));
  });

  it('hashes arguments that would make the key too long', () => {
    const key = buildCacheKey('posts.byIds', [Array.from({ length: 100 }, (_, i) => i)]);
    expect(key.length).toBeLessThanOrEqual(MAX_READABLE_KEY_LENGTH);
    expect(key).toMatch(/^posts\.byIds:#[\w-]{43}$/u);
  });

  it('escapes prefixes too', () => {
    expect(escapeKeyPart('Posts service.list all')).toBe('Posts%20service.list%20all');
  });
});
