/** Demo content shipped with Inkwell: seeded on first start and used by the search relevance suite. */

export interface DemoCategory {
  slug: string;
  name: string;
  description: string;
}

export interface DemoComment {
  /** Stable key inside its post, so replies can point at their parent. */
  key: string;
  authorName: string;
  authorEmail: string;
  /** Markdown. */
  body: string;
  approved: boolean;
  /** Key of the comment this one replies to, in the same post. */
  replyTo?: string;
  /** Hours after the post's publication date. */
  hoursAfterPost: number;
}

export interface DemoPost {
  slug: string;
  title: string;
  summary: string;
  /** Markdown: headings, code blocks, links, lists, tables. */
  body: string;
  /** Category slugs. */
  categories: string[];
  status: 'PUBLISHED' | 'DRAFT';
  /** ISO date; null for drafts. */
  publishedAt: string | null;
  externalUrl?: string;
  comments: DemoComment[];
}
