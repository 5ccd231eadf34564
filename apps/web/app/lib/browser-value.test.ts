import { createElement, Fragment } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { useBrowserValue } from './browser-value.js';

function Zone() {
  const zone = useBrowserValue(() => 'Europe/Paris', 'UTC');
  return createElement(Fragment, null, zone);
}

describe('useBrowserValue', () => {
  it('renders the server value on the server, where the browser value is unknown', () => {
    expect(renderToString(createElement(Zone))).toBe('UTC');
  });
});
