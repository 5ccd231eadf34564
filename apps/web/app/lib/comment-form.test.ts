import { describe, expect, it } from 'vitest';
import { findComment, parseCommentId, readCommentForm } from './comment-form.js';

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
