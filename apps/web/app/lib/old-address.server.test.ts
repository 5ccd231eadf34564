import { describe, expect, test } from 'vitest';
import { wordPressAddress } from './old-address.server.js';

describe('wordPressAddress', () => {
  test.each([
    ['https://blog.example/?p=12', '/?p=12'],
    ['https://blog.example/?page_id=3&utm_source=feed', '/?page_id=3'],
    ['https://blog.example/?p=abc', null],
    ['https://blog.example/?page=2', null],
    ['https://blog.example/', null],
  ])('%s -> %s', (url, expected) => {
    expect(wordPressAddress(new URL(url))).toBe(expected);
  });
});
