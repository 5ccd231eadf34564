import { expect, it } from 'vitest';
import { pageHeaders, uncachedDataResponse } from './headers.js';

const call = (loader: HeadersInit, action: HeadersInit = {}) =>
  new Headers(
    pageHeaders({
      loaderHeaders: new Headers(loader),
      actionHeaders: new Headers(action),
      parentHeaders: new Headers(),
      errorHeaders: undefined,
    }),
  );

it("uses the loader's Cache-Control", () => {
  expect(call({ 'Cache-Control': 'public, max-age=60' }).get('Cache-Control')).toBe(
    'public, max-age=60',
  );
});

it("prefers the action's Cache-Control", () => {
  const headers = call(
    { 'Cache-Control': 'public, max-age=60' },
    { 'Cache-Control': 'private, no-store' },
  );
  expect(headers.get('Cache-Control')).toBe('private, no-store');
});

it('sets nothing when neither chose', () => {
  expect(call({}).has('Cache-Control')).toBe(false);
});

it('makes a data response uncacheable, keeping its status and other headers', () => {
  const response = uncachedDataResponse(
    new Response('{}', {
      status: 202,
      headers: { 'Cache-Control': 'public, max-age=60', 'Content-Type': 'text/x-script' },
    }),
  );
  expect(response.status).toBe(202);
  expect(response.headers.get('Cache-Control')).toBe('private, no-store');
  expect(response.headers.get('Content-Type')).toBe('text/x-script');
});
