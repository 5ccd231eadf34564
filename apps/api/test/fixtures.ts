import { type DemoComment, type DemoPost, type SeedContent } from '@inkwell/prisma';

const DAY_MS = 86_400_000;
const BASE = Date.parse('2026-01-01T09:00:00.000Z');

export const fixtureCategories = [
  { slug: 'rust', name: 'Rust', description: 'Systems programming' },
  { slug: 'python', name: 'Python', description: '' },
  { slug: 'postgresql', name: 'PostgreSQL', description: '' },
  { slug: 'empty', name: 'Empty', description: 'No posts yet' },
];

function comments(count: number, approved: boolean, prefix: string): DemoComment[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `${prefix}${i}`,
    authorName: `Reader ${i}`,
    authorEmail: `reader${i}@example.com`,
    body: `Comment ${i} with \`code\``,
    approved,
    hoursAfterPost: i + 1,
  }));
}

/**
 * 60 published posts, one per day from 2026-01-01 (post-1 oldest), filed round-robin under
 * rust/python/postgresql (every 5th also under python); a draft; a post scheduled in the future.
 * post-60 has 100 approved comments, post-59 a reply thread and an unapproved comment.
 */
export function buildFixtureContent(): SeedContent {
  const posts: DemoPost[] = Array.from({ length: 60 }, (_, index) => {
    const n = index + 1;
    const primary = ['rust', 'python', 'postgresql'][index % 3]!;
    return {
      slug: `post-${n}`,
      title: `Post number ${n}`,
      summary: `Summary ${n}`,
      body: `## Heading ${n}\n\nBody of post ${n}.\n\n\`\`\`rust\nfn main() {}\n\`\`\``,
      categories: n % 5 === 0 && primary !== 'python' ? [primary, 'python'] : [primary],
      status: 'PUBLISHED',
      publishedAt: new Date(BASE + index * DAY_MS).toISOString(),
      comments: [],
    };
  });
  posts[59]!.comments = comments(100, true, 'c');
  posts[58]!.comments = [
    {
      key: 'a',
      authorName: 'Ada',
      authorEmail: 'ada@example.com',
      body: 'First!',
      approved: true,
      hoursAfterPost: 1,
    },
    {
      key: 'b',
      authorName: 'Bob',
      authorEmail: 'bob@example.com',
      body: 'Reply to Ada',
      approved: true,
      hoursAfterPost: 2,
      replyTo: 'a',
    },
    {
      key: 'c',
      authorName: 'Spam',
      authorEmail: 'spam@example.com',
      body: 'Buy now',
      approved: false,
      hoursAfterPost: 3,
    },
  ];
  posts.push(
    {
      slug: 'a-draft',
      title: 'A draft',
      summary: '',
      body: 'Not ready',
      categories: ['rust'],
      status: 'DRAFT',
      publishedAt: null,
      comments: [],
    },
    {
      slug: 'scheduled',
      title: 'Scheduled for later',
      summary: '',
      body: 'Comes out in the future',
      categories: ['rust'],
      status: 'PUBLISHED',
      publishedAt: new Date(Date.now() + 30 * DAY_MS).toISOString(),
      comments: [],
    },
  );
  return { categories: fixtureCategories, posts };
}

/** When a reader's comment form was rendered: long enough ago to pass the time-to-submit rule. */
export function formRenderedAt(): number {
  return Date.now() - 60_000;
}
