import { describe, expect, it } from 'vitest';
import { parseSnippet } from './snippet.js';

describe('parseSnippet', () => {
  it('splits marked matches from the text around them', () => {
    expect(parseSnippet('Set up <mark>replication</mark> on <mark>Debian</mark>.')).toEqual([
      { text: 'Set up ', marked: false },
      { text: 'replication', marked: true },
      { text: ' on ', marked: false },
      { text: 'Debian', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('decodes the escapes back to text, which React escapes again', () => {
    expect(
      parseSnippet('&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;<mark>y</mark>&#39;'),
    ).toEqual([
      { text: '<script>alert("x") & \'', marked: false },
      { text: 'y', marked: true },
      { text: "'", marked: false },
    ]);
  });

  it('keeps any other markup as literal text', () => {
    expect(parseSnippet('<b>bold</b> <mark>x')).toEqual([
      { text: '<b>bold</b> <mark>x', marked: false },
    ]);
  });

  it('decodes each escape once', () => {
    expect(parseSnippet('&amp;lt;')).toEqual([{ text: '&lt;', marked: false }]);
  });
});
