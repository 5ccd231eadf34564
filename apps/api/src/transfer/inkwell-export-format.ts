import { z } from 'zod';

/** `format` of an Inkwell export's manifest.json (how `--format` auto-detection knows it). */
export const INKWELL_EXPORT_FORMAT = 'inkwell-export';
export const MANIFEST_FILE = 'manifest.json';
export const POSTS_FOLDER = 'posts';
/** Static pages, written like posts (older exports have no such folder). */
export const PAGES_FOLDER = 'pages';
export const IMAGES_FOLDER = 'images';

const date = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time' });

/**
 * manifest.json of an export: everything that is not a post (posts are `posts/<slug>.md`, with
 * YAML front matter). Users are listed without any password hash; images are files in `images/`.
 */
export const exportManifest = z.object({
  format: z.literal(INKWELL_EXPORT_FORMAT, { error: `must be "${INKWELL_EXPORT_FORMAT}"` }),
  version: z.literal(1, { error: 'must be 1' }),
  exportedAt: date,
  settings: z.object({
    title: z.string(),
    description: z.string(),
    ownerName: z.string(),
    navigation: z.array(z.object({ label: z.string(), url: z.string() })),
    postsPerPage: z.number().int(),
    commentsEnabled: z.boolean(),
    holdFirstComments: z.boolean(),
    /** Files in `images/`, or null. */
    logo: z.string().nullable(),
    favicon: z.string().nullable(),
    /** Absent from older exports: the target keeps its own value. */
    fullContentFeeds: z.boolean().optional(),
    /** Page slugs in navigation order (older exports: absent). */
    pageOrder: z.array(z.string()).optional(),
  }),
  categories: z.array(z.object({ slug: z.string(), name: z.string(), description: z.string() })),
  users: z.array(
    z.object({
      email: z.string(),
      name: z.string(),
      role: z.enum(['ADMIN', 'AUTHOR']),
      createdAt: date,
      disabled: z.boolean(),
      /** The author page's profile (older exports: absent). `avatar` is `/images/<hash>`. */
      slug: z.string().nullable().optional(),
      bio: z.string().optional(),
      avatar: z.string().nullable().optional(),
    }),
  ),
  /** Older exports have none. */
  series: z
    .array(z.object({ slug: z.string(), name: z.string() }))
    .optional()
    .default([]),
  images: z.array(
    z.object({ hash: z.string(), filename: z.string(), mime: z.string(), file: z.string() }),
  ),
  /** Threaded by `parentId` (an `id` of this list); `post` is the post's slug. */
  comments: z.array(
    z.object({
      id: z.number().int(),
      post: z.string(),
      parentId: z.number().int().nullable(),
      authorName: z.string(),
      authorEmail: z.string(),
      body: z.string(),
      approved: z.boolean(),
      createdAt: date,
    }),
  ),
  /** Old addresses (renamed slugs as `/posts/<old-slug>`, imported permalinks) of each post. */
  redirects: z.array(z.object({ path: z.string(), post: z.string() })),
  /**
   * Every saved text of each post or page (`post` is its slug), oldest first; `pending` marks a
   * published post's private draft. Older exports have none.
   */
  revisions: z
    .array(
      z.object({
        id: z.number().int(),
        post: z.string(),
        title: z.string(),
        summary: z.string(),
        body: z.string(),
        categories: z.array(z.string()),
        author: z.string().nullable(),
        pending: z.boolean(),
        createdAt: date,
        // The series place and cover the revision saved (older exports: none, the post's).
        series: z.object({ slug: z.string(), part: z.number().int() }).nullable().optional(),
        cover: z.string().nullable().optional(),
        coverAlt: z.string().optional().default(''),
      }),
    )
    .optional()
    .default([]),
});
export type ExportManifest = z.infer<typeof exportManifest>;

/** The front matter of `posts/<slug>.md` and `pages/<slug>.md`. */
export const postFrontMatter = z.object({
  title: z.string({ error: 'is required' }),
  slug: z.string({ error: 'is required' }),
  status: z.enum(['draft', 'published'], { error: 'must be draft or published' }),
  date: z.union([date, z.date()]).nullable().optional(),
  created: z.union([date, z.date()]).optional(),
  updated: z.union([date, z.date()]).optional(),
  summary: z.string().optional().default(''),
  categories: z.array(z.string()).optional().default([]),
  author: z.string().nullable().optional(),
  externalUrl: z.string().nullable().optional(),
  /** `/images/<hash>`: one of the exported images. */
  cover: z.string().nullable().optional(),
  coverAlt: z.string().optional().default(''),
  /** The post's place in one of the manifest's series. */
  series: z.object({ slug: z.string(), part: z.number().int() }).nullable().optional(),
});
