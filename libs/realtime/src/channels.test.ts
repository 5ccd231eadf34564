import { describe, expect, it } from 'vitest';
import {
  POSTS_CHANNEL,
  commentChannel,
  isHintChannel,
  postIdOfCommentChannel,
} from './channels.js';

describe('channel names', () => {
  it('name one channel per post and read the post id back', () => {
    expect(commentChannel(42)).toBe('/comments/42');
    expect(postIdOfCommentChannel('/comments/42')).toBe(42);
    expect(postIdOfCommentChannel('/comments/042')).toBeUndefined();
  });

  it('refuse ids that are not post ids', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, 2 ** 53])
      expect(() => commentChannel(bad)).toThrow(TypeError);
  });

  it('allow only exact hint channels, never wildcards', () => {
    expect(isHintChannel(POSTS_CHANNEL)).toBe(true);
    expect(isHintChannel('/comments/7')).toBe(true);
    for (const channel of [
      '/**',
      '/comments/*',
      '/comments/**',
      '/comments',
      '/comments/7/x',
      '/meta/connect',
    ]) {
      expect(isHintChannel(channel)).toBe(false);
    }
  });
});
