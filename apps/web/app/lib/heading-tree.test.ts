import { describe, expect, test } from 'vitest';
import { headingTree } from './heading-tree.js';

const h = (id: string, depth: 2 | 3 | 4) => ({ id, text: id, depth });
const shape = (nodes: ReturnType<typeof headingTree>): unknown =>
  nodes.map((node) => [node.heading.id, shape(node.children)]);

describe('headingTree', () => {
  test('nests each heading under the nearest earlier one of a higher level', () => {
    const tree = headingTree([h('a', 2), h('a1', 3), h('a1x', 4), h('a2', 3), h('b', 2)]);
    expect(shape(tree)).toEqual([
      [
        'a',
        [
          ['a1', [['a1x', []]]],
          ['a2', []],
        ],
      ],
      ['b', []],
    ]);
  });

  test('a skipped level nests one step; a post starting at h3 keeps it at the top', () => {
    expect(shape(headingTree([h('a', 2), h('deep', 4), h('mid', 3)]))).toEqual([
      [
        'a',
        [
          ['deep', []],
          ['mid', []],
        ],
      ],
    ]);
    expect(shape(headingTree([h('x', 3), h('y', 2)]))).toEqual([
      ['x', []],
      ['y', []],
    ]);
  });
});
