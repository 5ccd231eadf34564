import { describe, expect, test } from 'vitest';
import { readFrontMatter, writeFrontMatter } from './front-matter.js';

describe('front matter', () => {
  test('what an export writes reads back the same', () => {
    const data = { title: 'Colons: and "quotes"', slug: 'a-b', categories: ['x', 'y'] };
    const text = writeFrontMatter(data, '# Body\n\nText');
    expect(readFrontMatter(text)).toEqual({ data, body: '\n# Body\n\nText\n', kind: 'yaml' });
  });

  test("Hugo's TOML block is recognised, not read; a file without any is all body", () => {
    expect(readFrontMatter('+++\ntitle = "T"\n+++\nBody').kind).toBe('toml');
    expect(readFrontMatter('Just text')).toEqual({ data: {}, body: 'Just text', kind: 'none' });
  });

  test('front matter that is not a map is refused', () => {
    expect(() => readFrontMatter('---\n- a\n- b\n---\nBody')).toThrow('front matter is not a map');
  });
});
