import { describe, expect, test } from 'vitest';
import { normaliseRedirectPath } from './path-redirects.js';

describe('normaliseRedirectPath', () => {
  test.each([
    ['/2019/03/04/hello/', '/2019/03/04/hello'],
    ['/2019/03/04/hello', '/2019/03/04/hello'],
    ['https://old.example/2019/03/04/hello/#comments', '/2019/03/04/hello'],
    ['/?p=12', '/?p=12'],
    ['https://old.example/?p=12', '/?p=12'],
    ['/', '/'],
    ['/2018/05/06/hello-jekyll.html', '/2018/05/06/hello-jekyll.html'],
    [`/${'a'.repeat(1000)}`, null],
  ])('%s -> %s', (address, expected) => {
    expect(normaliseRedirectPath(address)).toBe(expected);
  });
});
