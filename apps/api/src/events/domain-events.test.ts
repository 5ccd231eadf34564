import { expect, test } from 'vitest';
import { DomainEvents } from './domain-events.js';

test('every subscriber runs, and a failing one neither stops the others nor rejects', async () => {
  const events = new DomainEvents();
  const seen: string[] = [];
  events.on('comment.approved', 'broken', () => {
    throw new Error('search is down');
  });
  events.on('comment.approved', 'recorder', async ({ commentId }) => {
    seen.push(`approved ${commentId}`);
  });
  events.on('comment.deleted', 'other', () => {
    seen.push('deleted');
  });
  await expect(
    events.emit('comment.approved', { commentId: 7, postId: 1 }),
  ).resolves.toBeUndefined();
  expect(seen).toEqual(['approved 7']);
});
