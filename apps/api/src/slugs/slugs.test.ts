import { expect, test } from 'vitest';
import { firstFreeSlug, slugFromText } from './slugs.js';

test('slugs keep only lowercase letters, digits and single dashes', () => {
  expect(slugFromText('My First Post: Rust & C++!', 'post')).toBe('my-first-post-rust-c');
  expect(slugFromText('  Çà et là -- déjà vu ', 'post')).toBe('ca-et-la-deja-vu');
  expect(slugFromText('snake_case_name', 'post')).toBe('snake-case-name');
  expect(slugFromText('!!!', 'post')).toBe('post');
  expect(slugFromText('a'.repeat(150), 'post')).toHaveLength(100);
});

test('a taken slug gets the first free numeric suffix', async () => {
  const taken = new Set(['hello', 'hello-2']);
  const takenStartingWith = async (prefix: string) =>
    [...taken].filter((slug) => slug.startsWith(prefix));
  expect(await firstFreeSlug('hello', takenStartingWith)).toBe('hello-3');
  expect(await firstFreeSlug('fresh', takenStartingWith)).toBe('fresh');
});
