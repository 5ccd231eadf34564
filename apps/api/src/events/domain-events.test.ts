import { expect, test } from 'vitest';
import { DomainEvents } from './domain-events.js';

test('every subscriber runs, and a failing one neither stops the others nor rejects: it is reported', async () => {
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
  const failures = await events.emit('comment.approved', { commentId: 7, postId: 1 });
  expect(failures.map(({ subscriber, error }) => [subscriber, error.message])).toEqual([
    ['broken', 'search is down'],
  ]);
  expect(seen).toEqual(['approved 7']);
});

test('subscribers that succeeded on an earlier attempt are skipped', async () => {
  const events = new DomainEvents();
  const seen: string[] = [];
  events.on('comment.approved', 'cache', () => void seen.push('cache'));
  events.on('comment.approved', 'search', () => void seen.push('search'));
  expect(events.subscriberNames('comment.approved')).toEqual(['cache', 'search']);
  await events.emit('comment.approved', { commentId: 7, postId: 1 }, ['cache']);
  expect(seen).toEqual(['search']);
});

test('subscribers run one after another in the order they subscribed', async () => {
  const events = new DomainEvents();
  const order: string[] = [];
  events.on('post.deleted', 'cache', async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    order.push('cache dropped');
  });
  events.on('post.deleted', 'realtime', () => {
    order.push('readers told');
  });
  await events.emit('post.deleted', {
    postId: 1,
    slug: 'a',
    categorySlugs: [],
    wasPublished: true,
  });
  expect(order).toEqual(['cache dropped', 'readers told']);
});
