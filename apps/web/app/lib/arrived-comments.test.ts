import { expect, it } from 'vitest';
import { arrivedCommentIds, commentIds } from './arrived-comments.js';

const thread = [
  { id: 1, replies: [{ id: 3, replies: [{ id: 4, replies: [] }] }] },
  { id: 2, replies: [] },
];

it('lists every id of a thread, replies included', () => {
  expect(commentIds(thread)).toEqual([1, 3, 4, 2]);
});

it('finds the comments that were not known, at any depth', () => {
  expect([...arrivedCommentIds(new Set([1, 2]), commentIds(thread))]).toEqual([3, 4]);
});

it('finds nothing new when the thread only lost comments', () => {
  expect(arrivedCommentIds(new Set([1, 2, 3, 4, 5]), commentIds(thread)).size).toBe(0);
});
