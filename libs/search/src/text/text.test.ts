import { describe, expect, it } from 'vitest';
import { editDistance, spellingScore, typingCost } from './edit-distance.js';
import { adjacentKeys } from './keyboard.js';
import { distinctWords, identifierTokens } from './tokenize.js';
import { editVariants } from './edit-variants.js';
import { stripMarkdown } from './markdown.js';
import { MATCH_END, MATCH_START, renderSnippet } from './snippet.js';

describe('edit distance and spelling score', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('rsut', 'rust')).toBe(1);
    expect(editDistance('replcaton', 'replication')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('scores like the term suggester: 1 - edits / shorter length', () => {
    expect(spellingScore('firefix', 'firefox')).toBeCloseTo(0.857, 3);
    expect(spellingScore('postgress', 'postgres')).toBe(0.875);
    expect(spellingScore('abc', 'xyz')).toBe(0);
  });

  it('generates every one-edit variant', () => {
    const variants = editVariants('tokoi');
    for (const expected of ['tokio', 'toki', 'tokoio', 'tokoi', 'tokai'])
      expect(variants).toContain(expected);
    expect(variants).not.toContain('tiko');
  });
});

describe('typing cost', () => {
  it('knows which QWERTY keys touch', () => {
    for (const [a, b] of [
      'qw',
      'qa',
      'as',
      'sz',
      'sx',
      'se',
      'vb',
      'bg',
      'bh',
      'tg',
      'ty',
      '12',
      '1q',
    ])
      expect(adjacentKeys(a!, b!), `${a}${b}`).toBe(true);
    for (const [a, b] of ['qs', 'ea', 'qc', 'pa', 'zq', 'vh'])
      expect(adjacentKeys(a!, b!), `${a}${b}`).toBe(false);
  });

  it('counts a transposition and a neighbouring key as half an edit', () => {
    expect(typingCost('cros', 'cors')).toBe(0.5);
    expect(typingCost('cros', 'cross')).toBe(1);
    expect(typingCost('ajb', 'ajv')).toBe(0.5);
    expect(typingCost('qss', 'css')).toBe(1);
    expect(typingCost('deleyed', 'deleted')).toBe(0.5);
    expect(typingCost('deleyed', 'delayed')).toBe(1);
  });
});

describe('identifiers', () => {
  it('gives the whole without connectors and each part of every identifier', () => {
    expect(
      identifierTokens(
        'See @scope/name, highlight.js and snake_case; camelCase or kebab-case. Version 15.4 at 10:30.',
      ),
    ).toEqual([
      'scopename',
      'scope',
      'name',
      'highlightjs',
      'highlight',
      'js',
      'snakecase',
      'snake',
      'case',
      'camel',
      'case',
      'kebabcase',
      'kebab',
      'case',
    ]);
    expect(identifierTokens('XMLHttpRequest AbortSignal.timeout')).toEqual([
      'xml',
      'http',
      'request',
      'abortsignaltimeout',
      'abortsignal',
      'abort',
      'signal',
      'timeout',
    ]);
  });

  it('counts the words, wholes and parts in the lexicon', () => {
    expect(distinctWords('Publishing @acme/widgets with useEffect')).toEqual([
      'publishing',
      'acme',
      'widgets',
      'with',
      'useeffect',
      'acmewidgets',
      'use',
      'effect',
    ]);
  });

  it('counts the same words from the tokens of each part as from the parts joined', () => {
    const title = 'Using hljs.registerLanguage in highlight.js';
    const body = 'Call `std::fs::read` or @scope/name, then snake_case and XMLHttpRequest.';
    const joined = `${title} ${body}`;
    expect(identifierTokens(joined)).toEqual([
      ...identifierTokens(title),
      ...identifierTokens(body),
    ]);
    expect(distinctWords(joined, [...identifierTokens(title), ...identifierTokens(body)])).toEqual(
      distinctWords(joined),
    );
  });
});

describe('stripMarkdown', () => {
  it('keeps text, code and snake_case identifiers, drops syntax', () => {
    const text = stripMarkdown(
      '# Title\n\nSome **bold** and _em_ text with [a link](https://x.y) and `pg_stat_replication`.\n\n```sql\nSELECT 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n- item',
    );
    expect(text).toBe(
      'Title\n\nSome bold and em text with a link and pg_stat_replication.\n\nSELECT 1;\n\n a b \n\n 1 2 \n\nquote\nitem',
    );
  });
});

describe('renderSnippet', () => {
  it('escapes document HTML and turns markers into mark tags', () => {
    expect(renderSnippet(`<b>x</b> & ${MATCH_START}rust${MATCH_END}\n  "q"`)).toBe(
      '&lt;b&gt;x&lt;/b&gt; &amp; <mark>rust</mark> &quot;q&quot;',
    );
  });
});
