import { describe, expect, test } from 'vitest';
import {
  renderCommentMarkdown,
  renderOrShowAsText,
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
