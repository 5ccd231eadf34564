import { z } from 'zod';
import {
  authorRef,
  categoryRef,
  isoDateTime,
  MAX_PAGE_SIZE,
  positiveInt,
  SLUG_PATTERN,
} from './fields.js';
import { seriesNavView } from './series.js';

/** Query string of GET /api/posts. */
export const listPostsQuerySchema = z.object({
  category: z
    .string()
    .optional()
    .transform((value) =>
      value === undefined
        ? []
        : [
            ...new Set(
              value
                .split(',')
                .map((slug) => slug.trim().toLowerCase())
                .filter(Boolean),
            ),
          ],
    )
    .pipe(
      z
        .array(
          z
            .string()
            .max(100)
            .regex(SLUG_PATTERN, 'category must be category slugs separated by commas'),
        )
        .max(10, 'category accepts at most 10 slugs'),
    )
    .meta({ description: 'Category slugs separated by commas: posts in any of them.' }),
  author: z
    .string()
    .max(100, 'author must be at most 100 characters')
    .regex(SLUG_PATTERN, 'author must be an author slug')
    .optional()
    .meta({ description: "An author's slug: only their posts." }),
  content: z
    .enum(['html'], { error: 'content must be html' })
    .optional()
    .meta({ description: "`html`: each post also carries its rendered body (the site's feeds)." }),
  page: positiveInt('page', 100_000).optional().default(1),
  pageSize: positiveInt('pageSize', MAX_PAGE_SIZE).optional().default(10),
});
export type ListPostsQuery = z.output<typeof listPostsQuerySchema>;

/**
 * A post's cover: an upload the site shows as a responsive <picture> (thumbnails at
 * `/images/{hash}/{width}.{ext}`), sized so the page keeps its place while it loads.
 */
export const postCoverView = z.object({
  hash: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  alt: z.string(),
});
export type PostCoverView = z.infer<typeof postCoverView>;

/**
 * The picture a shared link shows (`og:image`): a JPEG thumbnail of the cover, else an image
 * made from the title and the site's name. `url` is a path on the site.
 */
export const shareImageView = z.object({
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  type: z.string(),
});
export type ShareImageView = z.infer<typeof shareImageView>;

export const postSummaryView = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  publishedAt: isoDateTime,
  externalUrl: z.string().nullable(),
  categories: z.array(categoryRef),
  commentCount: z.number().int(),
  /** Minutes an average reader takes, at least 1. */
  readingMinutes: z.number().int(),
  cover: postCoverView.nullable(),
  author: authorRef.nullable(),
  /** The rendered body, when the listing was asked for `content=html`. */
  html: z.string().optional(),
});
export type PostSummaryView = z.infer<typeof postSummaryView>;

export const postListView = z.object({
  items: z.array(postSummaryView),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  pages: z.number().int(),
  /** The categories the list was filtered by. */
  categories: z.array(categoryRef),
  /** The author the list was filtered by. */
  author: authorRef.nullable(),
});
export type PostListView = z.infer<typeof postListView>;

export interface CommentView {
  id: number;
  parentId: number | null;
  authorName: string;
  html: string;
  createdAt: string;
  replies: CommentView[];
}

/** An approved comment with its approved replies, oldest first. */
export const commentView: z.ZodType<CommentView> = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  authorName: z.string(),
  html: z.string(),
  createdAt: isoDateTime,
  get replies() {
    return z.array(commentView);
  },
});

export const postLinkView = z.object({ slug: z.string(), title: z.string() });
export type PostLinkView = z.infer<typeof postLinkView>;

/** A section heading of the post (h2 to h4), in order: the table of contents. */
export const postHeadingView = z.object({
  id: z.string(),
  text: z.string(),
  depth: z.union([z.literal(2), z.literal(3), z.literal(4)]),
});
export type PostHeadingView = z.infer<typeof postHeadingView>;

export const postDetailView = z.object({
  post: postSummaryView.omit({ html: true }).extend({
    updatedAt: isoDateTime,
    html: z.string(),
    headings: z.array(postHeadingView),
  }),
  /** The series the post is a part of, with its published parts; null when none. */
  series: seriesNavView.nullable(),
  shareImage: shareImageView,
  comments: z.array(commentView),
  previous: postLinkView.nullable(),
  next: postLinkView.nullable(),
  related: z.array(postLinkView.extend({ publishedAt: isoDateTime })),
});
export type PostDetailView = z.infer<typeof postDetailView>;

/** Longest old address GET /api/redirects looks up. */
export const MAX_REDIRECT_PATH_LENGTH = 1000;

/** Query string of GET /api/redirects: an address on the blog a post was imported from. */
export const redirectQuerySchema = z.object({
  path: z
    .string({ error: 'is required' })
    .min(1, 'is required')
    .max(MAX_REDIRECT_PATH_LENGTH, `must be at most ${MAX_REDIRECT_PATH_LENGTH} characters`)
    .startsWith('/', 'must be a path starting with /'),
});
export type RedirectQuery = z.output<typeof redirectQuerySchema>;
