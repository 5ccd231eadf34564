import { describe, expect, it } from 'vitest';
import { demoCategories, demoPosts } from './index.js';
import { type DemoComment, type DemoPost } from './types.js';

const published = demoPosts.filter((post) => post.status === 'PUBLISHED');
const drafts = demoPosts.filter((post) => post.status === 'DRAFT');
/** The content is written to be in the past for the seed and the browser tests alike. */
const LATEST_ALLOWED_DATE = Date.parse('2026-11-01T00:00:00Z');
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Markdown outside fenced code blocks: code samples may legitimately show unsafe links. */
function withoutCodeBlocks(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
}

function wordCount(markdown: string): number {
  return markdown.split(/\s+/).filter(Boolean).length;
}

/** Depth of a comment in its thread: 1 for a top-level comment. */
function threadDepth(comment: DemoComment, byKey: Map<string, DemoComment>): number {
  const parent = comment.replyTo ? byKey.get(comment.replyTo) : undefined;
  return parent ? 1 + threadDepth(parent, byKey) : 1;
}

function postsMentioning(word: string, posts: DemoPost[]): DemoPost[] {
  const pattern = new RegExp(`\\b${word}`, 'i');
  return posts.filter((post) => pattern.test(`${post.title}\n${post.summary}\n${post.body}`));
}

describe('demo categories', () => {
  it('have unique, well-formed slugs and names', () => {
    const slugs = demoCategories.map((category) => category.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(new Set(demoCategories.map((category) => category.name)).size).toBe(slugs.length);
    for (const category of demoCategories) {
      expect(category.slug).toMatch(SLUG);
      expect(category.description.length).toBeGreaterThan(20);
    }
  });
});

describe('demo posts', () => {
  it('count at least 32 published posts and exactly 2 drafts', () => {
    expect(published.length).toBeGreaterThanOrEqual(32);
    expect(drafts).toHaveLength(2);
  });

  it('have unique, lowercase-hyphenated slugs and unique titles', () => {
    const slugs = demoPosts.map((post) => post.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(new Set(demoPosts.map((post) => post.title)).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(SLUG);
  });

  it('reference only existing categories, each at most once per post', () => {
    const known = new Set(demoCategories.map((category) => category.slug));
    for (const post of demoPosts) {
      expect(post.categories.length, post.slug).toBeGreaterThan(0);
      expect(new Set(post.categories).size, post.slug).toBe(post.categories.length);
      for (const slug of post.categories) expect(known, `${post.slug} -> ${slug}`).toContain(slug);
    }
  });

  it('spread published posts over at least 7 categories, with 6+ posts in several', () => {
    const used = new Set(published.flatMap((post) => post.categories));
    expect(used.size).toBeGreaterThanOrEqual(7);
    expect(published.filter((post) => post.categories.length > 1).length).toBeGreaterThanOrEqual(6);
  });

  it('give drafts a null date and published posts distinct past dates over about 3 years', () => {
    for (const post of drafts) expect(post.publishedAt, post.slug).toBeNull();
    const times = published.map((post) => Date.parse(post.publishedAt ?? ''));
    for (const [index, time] of times.entries()) {
      const slug = published[index]?.slug;
      expect(Number.isNaN(time), slug).toBe(false);
      expect(time, slug).toBeLessThan(LATEST_ALLOWED_DATE);
      expect(time, slug).toBeLessThan(Date.now());
    }
    expect(new Set(times).size).toBe(times.length);
    const yearsCovered = (Math.max(...times) - Math.min(...times)) / (365 * 24 * 3600 * 1000);
    expect(yearsCovered).toBeGreaterThan(2.5);
  });

  it('have bodies of 300 to 900 words with headings, inline code and https links', () => {
    for (const post of demoPosts) {
      const words = wordCount(post.body);
      expect(words, post.slug).toBeGreaterThanOrEqual(300);
      expect(words, post.slug).toBeLessThanOrEqual(900);
      expect(post.body, post.slug).toMatch(/^## \S/m);
      expect(post.body, post.slug).toMatch(/[^`]`[^`\n]+`[^`]/);
      expect(post.body, post.slug).not.toMatch(/!\[/);
      for (const [, url] of withoutCodeBlocks(post.body).matchAll(/\]\(([^)]*)\)/g)) {
        expect(url, post.slug).toMatch(/^https:\/\//);
      }
    }
  });

  it('give every published post a fenced code block with a language, and balance fences', () => {
    for (const post of demoPosts) {
      const fences = post.body.match(/^```/gm) ?? [];
      expect(fences.length % 2, post.slug).toBe(0);
      if (post.status === 'PUBLISHED') expect(post.body, post.slug).toMatch(/^```[a-z]+\n/m);
    }
  });

  it('include at least 3 posts with a table and some with lists', () => {
    const withTable = demoPosts.filter((post) => /^\| --- \|/m.test(post.body));
    expect(withTable.length).toBeGreaterThanOrEqual(3);
    expect(demoPosts.filter((post) => /^(?:- |1\. )/m.test(post.body)).length).toBeGreaterThan(10);
  });

  it('have one- or two-sentence summaries', () => {
    for (const post of demoPosts) {
      const sentenceEnds = post.summary.match(/[.!?](?=\s+[A-Z]|$)/g) ?? [];
      expect(sentenceEnds.length, post.slug).toBeGreaterThanOrEqual(1);
      expect(sentenceEnds.length, post.slug).toBeLessThanOrEqual(2);
    }
  });

  it('contain distinctive words that only a few published posts mention, for typo search', () => {
    const rareWords = [
      'replication',
      'Firefox',
      'tokio',
      'hydration',
      'memoization',
      'bisect',
      'Kubernetes',
      'Elasticsearch',
      'MessagePack',
    ];
    for (const word of rareWords) {
      const count = postsMentioning(word, published).length;
      expect(count, word).toBeGreaterThanOrEqual(1);
      expect(count, word).toBeLessThanOrEqual(5);
    }
  });
});

describe('demo comments', () => {
  const all = demoPosts.flatMap((post) => post.comments);

  it('reply only to an earlier, earlier-dated comment of the same post, with unique keys', () => {
    for (const post of demoPosts) {
      const seen = new Map<string, DemoComment>();
      for (const comment of post.comments) {
        expect(seen.has(comment.key), `${post.slug}#${comment.key}`).toBe(false);
        if (comment.replyTo !== undefined) {
          const parent = seen.get(comment.replyTo);
          expect(parent, `${post.slug}#${comment.key}`).toBeDefined();
          expect(comment.hoursAfterPost).toBeGreaterThan(parent?.hoursAfterPost ?? Infinity);
        }
        seen.set(comment.key, comment);
      }
    }
  });

  it('are never on drafts and come after the post, in order', () => {
    for (const post of drafts) expect(post.comments, post.slug).toHaveLength(0);
    for (const post of published) {
      const hours = post.comments.map((comment) => comment.hoursAfterPost);
      expect(hours, post.slug).toEqual([...hours].sort((a, b) => a - b));
      for (const hour of hours) expect(hour, post.slug).toBeGreaterThan(0);
    }
  });

  it('cover posts with 0, 1 and 8+ comments and a thread 3 levels deep', () => {
    const counts = published.map((post) => post.comments.length);
    expect(counts).toContain(0);
    expect(counts).toContain(1);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(8);
    const depths = demoPosts.flatMap((post) => {
      const byKey = new Map(post.comments.map((comment) => [comment.key, comment]));
      return post.comments.map((comment) => threadDepth(comment, byKey));
    });
    expect(Math.max(...depths)).toBeGreaterThanOrEqual(3);
  });

  it('include unapproved comments, one of them spam with 2+ links', () => {
    const pending = all.filter((comment) => !comment.approved);
    expect(pending.length).toBeGreaterThanOrEqual(2);
    expect(pending.some((comment) => (comment.body.match(/\]\(https?:/g) ?? []).length >= 2)).toBe(
      true,
    );
  });

  it('use fictional example.com / example.org addresses', () => {
    for (const comment of all) {
      expect(comment.authorEmail).toMatch(/^[a-z0-9.+-]+@(?:[a-z0-9-]+\.)*example\.(?:com|org)$/);
      expect(comment.authorName.trim().length).toBeGreaterThan(1);
      expect(comment.body.trim().length).toBeGreaterThan(20);
    }
  });
});
