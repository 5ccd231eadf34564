import { expect, test } from 'vitest';
import {
  countLinks,
  decideModeration,
  isHoneypotFilled,
  matchesBlockList,
  screenComment,
  submittedTooFast,
} from './moderation-rules.js';

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

const sender = {
  authorName: 'Reader',
  authorEmail: 'reader@example.com',
  body: 'Thanks for the post',
  ipAddress: '203.0.113.9',
};
const NOW = 1_800_000_000_000;
const screening = {
  ...sender,
  hasApprovedCommentBefore: true,
  renderedAt: NOW - 60_000,
  now: NOW,
  blockList: [],
};

test('a filled honeypot is discarded before anything else', () => {
  expect(isHoneypotFilled('https://spam.example')).toBe(true);
  expect(isHoneypotFilled('  ')).toBe(false);
  expect(isHoneypotFilled(undefined)).toBe(false);
  expect(
    screenComment({
      ...screening,
      website: 'x',
      blockList: [{ kind: 'IP', value: '203.0.113.9' }],
    }),
  ).toEqual({ action: 'discard', reason: 'honeypot' });
});

test('a form sent under 3 s after rendering, or without renderedAt, is held', () => {
  expect(submittedTooFast(NOW - 2999, NOW)).toBe(true);
  expect(submittedTooFast(NOW - 3000, NOW)).toBe(false);
  expect(submittedTooFast(undefined, NOW)).toBe(true);
  expect(submittedTooFast(NOW + 10_000, NOW)).toBe(true);
  expect(screenComment({ ...screening, renderedAt: NOW - 1000 })).toEqual({
    action: 'hold',
    reason: 'too-fast',
  });
  expect(screenComment(screening)).toEqual({ action: 'publish', reason: 'trusted-commenter' });
});

test('block list: IPs match exactly (IPv4-mapped too), words as whole words in any case', () => {
  expect(matchesBlockList(sender, [{ kind: 'IP', value: '203.0.113.9' }])).toBe(true);
  expect(
    matchesBlockList({ ...sender, ipAddress: '::ffff:203.0.113.9' }, [
      { kind: 'IP', value: '203.0.113.9' },
    ]),
  ).toBe(true);
  expect(matchesBlockList(sender, [{ kind: 'IP', value: '203.0.113.90' }])).toBe(false);
  expect(
    matchesBlockList({ ...sender, body: 'Best CASINO bonus' }, [{ kind: 'WORD', value: 'casino' }]),
  ).toBe(true);
  expect(
    matchesBlockList({ ...sender, body: 'casinos are fine' }, [{ kind: 'WORD', value: 'casino' }]),
  ).toBe(false);
  expect(
    matchesBlockList({ ...sender, authorEmail: 'x@casino.example' }, [
      { kind: 'WORD', value: 'casino' },
    ]),
  ).toBe(true);
  expect(matchesBlockList(sender, [{ kind: 'WORD', value: 'c++ (' }])).toBe(false);
  expect(screenComment({ ...screening, blockList: [{ kind: 'WORD', value: 'post' }] })).toEqual({
    action: 'reject',
    reason: 'blocked',
  });
});

test('the link and first-comment rules still apply after screening', () => {
  expect(screenComment({ ...screening, body: 'http://a.example http://b.example' })).toEqual({
    action: 'hold',
    reason: 'too-many-links',
  });
  expect(screenComment({ ...screening, hasApprovedCommentBefore: false })).toEqual({
    action: 'hold',
    reason: 'first-comment',
  });
});
