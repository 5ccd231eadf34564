import { type DiffLine, lineDiff } from './line-diff.js';

/** The parts of a post's text the editor compares. */
export interface PostText {
  title: string;
  summary: string;
  body: string;
  /** Category slugs. */
  categories: string[];
}

export interface DiffSection {
  field: 'Title' | 'Categories' | 'Summary' | 'Body';
  lines: DiffLine[];
}

/** Only the fields that differ, each as a line diff from `before` to `after`. */
export function postTextDiff(before: PostText, after: PostText): DiffSection[] {
  const pairs: [DiffSection['field'], string, string][] = [
    ['Title', before.title, after.title],
    [
      'Categories',
      [...before.categories].sort().join('\n'),
      [...after.categories].sort().join('\n'),
    ],
    ['Summary', before.summary, after.summary],
    ['Body', before.body, after.body],
  ];
  return pairs
    .filter(([, from, to]) => from !== to)
    .map(([field, from, to]) => ({ field, lines: lineDiff(from, to) }));
}
