import { expect, it } from 'vitest';
import { makeCodeBlocksFocusable } from './post-html.js';

it('makes every code block focusable', () => {
  const html = '<p>x</p><pre><code class="hljs">a</code></pre><pre class="x"><code>b</code></pre>';
  expect(makeCodeBlocksFocusable(html)).toBe(
    '<p>x</p><pre tabindex="0"><code class="hljs">a</code></pre><pre tabindex="0" class="x"><code>b</code></pre>',
  );
});

it('leaves other tags and existing tabindex alone', () => {
  const html = '<p>pre</p><prefix></prefix><pre tabindex="-1">c</pre>';
  expect(makeCodeBlocksFocusable(html)).toBe(html);
});
