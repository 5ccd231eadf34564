import { type AdminPostView } from '@inkwell/contract';
import { describe, expect, it } from 'vitest';
import { conflictDiff } from '../../app/admin/post-actions.server.js';
import { postTextDiff } from '../../app/admin/post-diff.js';
import { editorValuesOf } from '../../app/admin/post-form.js';

const post: AdminPostView = {
  id: 3,
  kind: 'post',
  slug: 'pooling',
  title: 'Pooling',
  summary: '',
  body: 'published text',
  externalUrl: null,
  status: 'PUBLISHED',
  state: 'published',
  publishedAt: '2026-12-01T09:00:00.000Z',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  version: 4,
  categories: [{ slug: 'postgresql', name: 'PostgreSQL' }],
  author: { id: 1, name: 'admin' },
  previousSlugs: [],
  pendingDraft: null,
  series: null,
  cover: null,
  coverAlt: '',
  canEdit: true,
};

const draft = {
  id: 9,
  title: 'Pooling, revised',
  summary: '',
  body: 'draft text',
  categories: ['postgresql', 'ops'],
  author: { id: 1, name: 'admin' },
  createdAt: '2026-12-02T09:00:00.000Z',
  pending: true,
  series: { id: 2, slug: 'pooling-101', name: 'Pooling 101', part: 3 },
  cover: { id: 5, hash: 'abc', width: 800, height: 600, url: '/images/abc/320.webp' },
  coverAlt: 'A pool',
};

describe('postTextDiff', () => {
  it('names only the fields that differ, whatever the order of the categories', () => {
    const text = { title: 'A', summary: 's', body: 'one\ntwo', categories: ['b', 'a'] };
    expect(postTextDiff(text, { ...text, categories: ['a', 'b'] })).toEqual([]);
    const diff = postTextDiff(text, { ...text, body: 'one\nthree' });
    expect(diff).toEqual([
      {
        field: 'Body',
        lines: [
          { kind: 'same', text: 'one' },
          { kind: 'removed', text: 'two' },
          { kind: 'added', text: 'three' },
        ],
      },
    ]);
  });
});

describe('the editor over a pending draft', () => {
  it('opens on the draft’s text, series place and cover with the post’s slug', () => {
    expect(editorValuesOf({ ...post, pendingDraft: draft })).toMatchObject({
      title: 'Pooling, revised',
      slug: 'pooling',
      body: 'draft text',
      categories: ['postgresql', 'ops'],
      series: 'pooling-101',
      seriesPart: '3',
      coverImageId: '5',
      coverAlt: 'A pool',
    });
    expect(editorValuesOf(post).body).toBe('published text');
  });

  it('a conflicting save is compared with the draft saved in between, not the published text', () => {
    const mine = { ...editorValuesOf(post), body: 'my text' };
    const diff = conflictDiff(mine, { ...post, pendingDraft: draft });
    const body = diff.find((section) => section.field === 'Body')!;
    expect(body.lines).toEqual([
      { kind: 'removed', text: 'draft text' },
      { kind: 'added', text: 'my text' },
    ]);
    expect(diff.map((section) => section.field)).toEqual(['Title', 'Categories', 'Body']);
  });
});
