import { expect, test } from 'vitest';
import { buildCommentThread, type FlatComment } from './comment-thread.js';

const comment = (id: number, parentId: number | null, createdAt: string): FlatComment => ({
  id,
  parentId,
  authorName: `reader ${id}`,
  html: `<p>${id}</p>`,
  createdAt,
});

test('nests replies under parents, oldest first, and keeps orphans visible', () => {
  const thread = buildCommentThread([
    comment(3, 1, '2026-01-03T00:00:00.000Z'),
    comment(1, null, '2026-01-01T00:00:00.000Z'),
    comment(2, 1, '2026-01-02T00:00:00.000Z'),
    comment(4, 3, '2026-01-04T00:00:00.000Z'),
    comment(5, 99, '2026-01-05T00:00:00.000Z'),
    comment(6, null, '2025-12-31T00:00:00.000Z'),
  ]);
  const shape = (list: typeof thread): unknown => list.map((c) => [c.id, shape(c.replies)]);
  expect(shape(thread)).toEqual([
    [6, []],
    [
      1,
      [
        [2, []],
        [3, [[4, []]]],
      ],
    ],
    [5, []],
  ]);
});
