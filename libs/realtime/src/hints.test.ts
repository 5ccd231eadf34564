import { describe, expect, it } from 'vitest';
import { InvalidHintError, parseCommentHint, parseHintFor, parsePostHint } from './hints.js';

describe('hint parsers', () => {
  it('accept exactly the public fields', () => {
    expect(parseCommentHint({ postId: 1, commentCount: 0, latestCommentId: null })).toEqual({
      postId: 1,
      commentCount: 0,
      latestCommentId: null,
    });
    expect(parsePostHint({ postId: 2, slug: 'hello-world-2' })).toEqual({
      postId: 2,
      slug: 'hello-world-2',
    });
  });

  it.each([
    [
      { postId: 1, commentCount: 1, latestCommentId: 2, body: 'text' },
      /Unexpected hint fields: body/,
    ],
    [{ postId: 1, commentCount: 1 }, /Missing hint fields: latestCommentId/],
    [{ postId: 0, commentCount: 1, latestCommentId: 2 }, /postId/],
    [{ postId: 1, commentCount: -1, latestCommentId: 2 }, /commentCount/],
    [{ postId: 1, commentCount: 1.5, latestCommentId: 2 }, /commentCount/],
    [{ postId: 1, commentCount: 1, latestCommentId: '2' }, /latestCommentId/],
    [[1, 1, 2], /plain object/],
    [null, /plain object/],
  ])('refuse comment hint %j', (value, message) => {
    expect(() => parseCommentHint(value)).toThrow(message);
  });

  it.each([
    { postId: 1, slug: 'Hello World' },
    { postId: 1, slug: '../admin' },
    { postId: 1, slug: 'x'.repeat(201) },
    { postId: 1, slug: 'ok', title: 'Draft title' },
  ])('refuse post hint %j', (value) => {
    expect(() => parsePostHint(value)).toThrow(InvalidHintError);
  });

  it('match the hint kind and post to the channel', () => {
    const hint = { postId: 3, commentCount: 1, latestCommentId: 4 };
    expect(parseHintFor('/comments/3', hint)).toEqual(hint);
    expect(() => parseHintFor('/comments/4', hint)).toThrow(/post 3 on \/comments\/4/);
    expect(() => parseHintFor('/posts', hint)).toThrow(InvalidHintError);
    expect(() => parseHintFor('/drafts', hint)).toThrow(/No hints travel/);
  });
});
