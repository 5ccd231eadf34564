import { expect, test } from 'vitest';
import { countLinks, decideModeration } from './moderation-rules.js';

test('a first comment is held', () => {
  expect(decideModeration({ body: 'Nice post', hasApprovedCommentBefore: false })).toEqual({
    approved: false,
    reason: 'first-comment',
  });
});

test('a known commenter is published at once', () => {
  expect(
    decideModeration({ body: 'See https://x.example', hasApprovedCommentBefore: true }).approved,
  ).toBe(true);
});

test('two links hold even a known commenter', () => {
  const body = 'Cheap [pills](https://a.example) and www.b.example';
  expect(countLinks(body)).toBe(2);
  expect(decideModeration({ body, hasApprovedCommentBefore: true })).toEqual({
    approved: false,
    reason: 'too-many-links',
  });
});
