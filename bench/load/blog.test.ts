import { demoPosts } from '@inkwell/prisma/demo-content';
import { describe, expect, it } from 'vitest';
import { blogContent } from './blog.js';

describe('blogContent', () => {
  it('is the demo content, then published copies under new slugs, each a day older', () => {
    const { posts } = blogContent(1000);
    expect(posts).toHaveLength(1000);
    expect(new Set(posts.map((post) => post.slug)).size).toBe(1000);
    expect(posts.slice(0, demoPosts.length)).toEqual(demoPosts);
    const copies = posts.slice(demoPosts.length);
    expect(copies.every((post) => post.status === 'PUBLISHED')).toBe(true);
    const dates = copies.map((post) => Date.parse(post.publishedAt!));
    const newestDemo = Math.min(
      ...demoPosts.flatMap((post) => (post.publishedAt ? [Date.parse(post.publishedAt)] : [])),
    );
    expect(dates[0]).toBeLessThan(newestDemo);
    expect(dates.every((date, index) => index === 0 || date < dates[index - 1]!)).toBe(true);
  });

  it('is the demo content alone at its own size', () => {
    expect(blogContent(demoPosts.length).posts).toEqual(demoPosts);
  });
});
