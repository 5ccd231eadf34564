import { describe, expect, it } from 'vitest';
import {
  commentFormErrors,
  findComment,
  parseCommentId,
  parseRenderedAt,
  readCommentForm,
} from './comment-form.js';

describe('readCommentForm', () => {
  it('reads text fields and defaults missing ones to empty', () => {
    const form = new FormData();
    form.set('authorName', 'Ada');
    form.set('body', 'Hello <b>there</b>');
    form.set('authorEmail', new Blob(['x']));
    expect(readCommentForm(form)).toEqual({
      authorName: 'Ada',
      authorEmail: '',
      body: 'Hello <b>there</b>',
      parentId: '',
      website: '',
      renderedAt: '',
      notifyReplies: '',
    });
  });
});

describe('parseCommentId', () => {
  it('accepts positive integers only', () => {
    expect(parseCommentId('42')).toBe(42);
    expect(parseCommentId('0')).toBeUndefined();
    expect(parseCommentId('-1')).toBeUndefined();
    expect(parseCommentId('4x')).toBeUndefined();
    expect(parseCommentId('')).toBeUndefined();
    expect(parseCommentId(null)).toBeUndefined();
  });
});

describe('findComment', () => {
  const thread = [
    {
      id: 1,
      name: 'a',
      replies: [{ id: 2, name: 'b', replies: [{ id: 3, name: 'c', replies: [] }] }],
    },
    { id: 4, name: 'd', replies: [] },
  ];

  it('finds top-level and nested comments', () => {
    expect(findComment(thread, 4)?.name).toBe('d');
    expect(findComment(thread, 3)?.name).toBe('c');
  });

  it('answers undefined for unknown ids', () => {
    expect(findComment(thread, 99)).toBeUndefined();
  });
});

describe('parseRenderedAt', () => {
  it('reads millisecond timestamps only', () => {
    expect(parseRenderedAt('1764160000000')).toBe(1764160000000);
    expect(parseRenderedAt('')).toBeUndefined();
    expect(parseRenderedAt('soon')).toBeUndefined();
    expect(parseRenderedAt('12')).toBeUndefined();
  });
});

describe('commentFormErrors', () => {
  it('puts messages about visible fields next to them', () => {
    expect(
      commentFormErrors(400, 'invalid', {
        body: 'must be at least 2 characters',
        authorName: 'is required',
      }),
    ).toEqual({
      fieldErrors: { body: 'must be at least 2 characters', authorName: 'is required' },
      formError: null,
    });
  });

  it('turns messages about other inputs into a form-level sentence', () => {
    expect(commentFormErrors(400, 'Bad Request', { comment: 'could not be accepted' })).toEqual({
      fieldErrors: {},
      formError: 'Comment could not be accepted.',
    });
  });

  it('uses the message when no field is named, as for a rate limit', () => {
    expect(
      commentFormErrors(429, 'You are commenting too often. Try again in 9 minutes.', {}),
    ).toEqual({
      fieldErrors: {},
      formError: 'You are commenting too often. Try again in 9 minutes.',
    });
  });
});
