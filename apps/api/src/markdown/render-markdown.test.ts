import { describe, expect, test } from 'vitest';
import {
  renderCommentMarkdown,
  renderOrShowAsText,
  renderPost,
  renderPostMarkdown,
} from './render-markdown.js';

describe('renderPostMarkdown', () => {
  test('headings get unique anchors', () => {
    const html = renderPostMarkdown('## Set up\n\ntext\n\n## Set up\n\n### Tuning `work_mem`');
    expect(html).toContain('<h2 id="set-up">Set up</h2>');
    expect(html).toContain('<h2 id="set-up-1">Set up</h2>');
    expect(html).toContain('<h3 id="tuning-work_mem">Tuning <code>work_mem</code></h3>');
  });

  test('fenced code is highlighted by language and escaped', () => {
    const html = renderPostMarkdown('```sql\nSELECT 1 < 2;\n```\n\n```nosuchlang\n<b>x</b>\n```');
    expect(html).toContain(
      '<code class="hljs language-sql"><span class="hljs-keyword">SELECT</span>',
    );
    expect(html).toContain('&lt;');
    expect(html).toContain('<code class="hljs">&lt;b&gt;x&lt;/b&gt;</code>');
  });

  test('tables and links survive, scripts and javascript: links do not', () => {
    const html = renderPostMarkdown(
      '| a | b |\n|---|---|\n| 1 | 2 |\n\n[ok](https://example.org) [bad](javascript:alert(1))\n\n<script>alert(1)</script><img src=x onerror=alert(1)>',
    );
    expect(html).toContain('<table>');
    expect(html).toContain('<a href="https://example.org">ok</a>');
    expect(html).not.toMatch(/javascript:|<script|onerror/i);
  });
});

describe('post headings', () => {
  test('h2 to h4 get a permalink named by their text, and are listed for the contents', () => {
    const { html, headings } = renderPost(
      '# Title\n\n## Set & up `x`\n\n### Tuning\n\n#### Deep\n\n##### Deeper',
    );
    expect(html).toContain(
      '<div class="heading"><h2 id="set-up-x">Set &amp; up <code>x</code></h2>' +
        '<a class="heading-anchor" href="#set-up-x" aria-label="Permalink: Set &amp; up x">#</a></div>',
    );
    expect(html).toContain('<h1 id="title">Title</h1>\n');
    expect(html).toContain('<h5 id="deeper">Deeper</h5>\n');
    expect(headings).toEqual([
      { id: 'set-up-x', text: 'Set & up x', depth: 2 },
      { id: 'tuning', text: 'Tuning', depth: 3 },
      { id: 'deep', text: 'Deep', depth: 4 },
    ]);
  });

  test('a heading that tries to break out of the permalink label stays text', () => {
    const { html } = renderPost('## a" onmouseover="alert(1) <img src=x onerror=alert(1)>');
    expect(html).toContain('aria-label="Permalink: a&quot; onmouseover=&quot;alert(1)"');
    expect(html).not.toMatch(/<[^>]*\sonmouseover="|onerror/);
  });

  test('text shown plain has no headings to list', () => {
    expect(renderPost('## Only one').headings).toHaveLength(1);
    expect(renderPost('').headings).toEqual([]);
  });
});

describe('footnotes', () => {
  test('references link to their notes and the notes link back', () => {
    const html = renderPostMarkdown('Claim[^1] and more[^why].\n\n[^1]: First.\n[^why]: Because.');
    expect(html).toContain(
      '<sup><a href="#footnote-1" data-footnote-ref aria-describedby="footnote-label" id="footnote-ref-1">1</a></sup>',
    );
    expect(html).toContain('<section class="footnotes" data-footnotes>');
    expect(html).toContain('<h2 id="footnote-label" class="visually-hidden">Footnotes</h2>');
    expect(html).toContain('<li id="footnote-why">');
    expect(html).toContain(
      '<a href="#footnote-ref-why" data-footnote-backref aria-label="Back to reference why">↩</a>',
    );
  });

  test('comments get no footnotes', () => {
    expect(renderCommentMarkdown('a[^1]\n\n[^1]: b')).not.toContain('footnote');
  });
});

describe('marked lines in code', () => {
  test('the lines named after the language are marked, the others wrapped plain', () => {
    const html = renderPostMarkdown('```ts {2}\nconst a = 1;\nlet b = 2;\n```');
    expect(html).toContain(
      '<code class="hljs language-ts"><span class="code-line"><span class="hljs-keyword">const</span> a = <span class="hljs-number">1</span>;</span>\n' +
        '<span class="code-line code-line--marked"><span class="hljs-keyword">let</span> b = <span class="hljs-number">2</span>;</span></code>',
    );
  });

  test('invalid ranges are ignored and ranges past the end change nothing', () => {
    expect(renderPostMarkdown('```ts {9-2,zz}\nx\n```')).toBe(
      '<pre><code class="hljs language-ts">x</code></pre>\n',
    );
    expect(renderPostMarkdown('```{5-9}\nx\n```')).toContain(
      '<code class="hljs"><span class="code-line">x</span></code>',
    );
  });
});

describe('the post policy for the new markup', () => {
  test.each([
    '<a class="heading-anchor" href="javascript:alert(1)">x</a>',
    '<section class="footnotes" onclick="alert(1)">x</section>',
    '<span class="code-line" style="background:url(javascript:alert(1))">x</span>',
    '<div class="heading" onmouseover="alert(1)">x</div>',
    'x[^1]\n\n[^1]: [go](javascript:alert(1)) <img src=x onerror=alert(1)>',
    '<a data-footnote-ref href="#x" onfocus="alert(1)" autofocus>x</a>',
  ])('neutralises %s', (payload) => {
    expect(renderPostMarkdown(payload)).not.toMatch(
      /javascript:|onclick|onerror|onmouseover|onfocus|style=|autofocus/i,
    );
  });

  test('author-written ids and classes stay out unless they are the renderer own', () => {
    const html = renderPostMarkdown(
      '<a id="login" class="heading-anchor evil" href="#a">a</a> <li id="main">b</li> <li id="footnote-2">c</li>',
    );
    expect(html).toContain('<a class="heading-anchor" href="#a">a</a>');
    expect(html).toContain('<li>b</li>');
    expect(html).toContain('<li id="footnote-2">c</li>');
  });
});

describe('renderCommentMarkdown', () => {
  const payloads = [
    '<script>alert(1)</script>',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)><circle/></svg>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '[x](//evil.example/path)',
  ];

  test.each(payloads)('neutralises %s', (payload) => {
    const html = renderCommentMarkdown(payload);
    expect(html).not.toMatch(
      /<script|<img|<svg|<iframe|onerror|onload|javascript:|data:|style=|\/\/evil/i,
    );
  });

  test('links are marked nofollow ugc and headings are flattened', () => {
    const html = renderCommentMarkdown('# Big\n\nSee [docs](https://www.postgresql.org/docs/)');
    expect(html).toContain('<p><strong>Big</strong></p>');
    expect(html).toContain(
      '<a href="https://www.postgresql.org/docs/" rel="nofollow ugc noopener noreferrer">docs</a>',
    );
  });
});

describe('images in posts', () => {
  const hash = 'ab'.repeat(32);

  test('an uploaded image becomes a responsive picture with its size', () => {
    const html = renderPostMarkdown(
      `![A chart](/images/${hash})`,
      new Map([[hash, { width: 1000, height: 500 }]]),
    );
    expect(html).toContain('<picture><source type="image/avif" srcset="');
    expect(html).toContain(`/images/${hash}/320.avif 320w`);
    expect(html).toContain('width="1000" height="500" alt="A chart" loading="lazy"');
    expect(html).not.toContain('1280w');
  });

  test('other images stay plain img elements, and unsafe sources are dropped', () => {
    expect(renderPostMarkdown('![x](https://example.org/a.png)')).toContain(
      '<img src="https://example.org/a.png" alt="x" loading="lazy" decoding="async" />',
    );
    expect(renderPostMarkdown('![x](javascript:alert(1))')).not.toContain('javascript:');
    expect(renderCommentMarkdown(`![x](/images/${hash})`)).not.toMatch(/<img|<picture/);
  });
});

describe('text the parser cannot handle', () => {
  test('is shown plain and escaped instead of failing the page', () => {
    const html = renderOrShowAsText('<b>one</b>\nline\n\ntwo', () => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(html).toBe('<p>&#60;b&#62;one&#60;/b&#62;<br>\nline</p>\n<p>two</p>\n');
  });

  test.each(['>'.repeat(1870), '1. '.repeat(1200), '> - 1. '.repeat(600)])(
    'deep nesting %# renders',
    (markdown) => {
      expect(renderCommentMarkdown(markdown)).toMatch(/^<(blockquote|ol)>/);
      expect(renderPostMarkdown(markdown)).toMatch(/^<(blockquote|ol)>/);
    },
  );
});
