import { type UpdateSettingsInput } from '@inkwell/contract';

/**
 * A blog as every import format reads it, before anything is written: what the writer
 * (import-blog.ts) applies through the admin panel's services. Bodies are Markdown; image
 * references in them are rewritten once the images are stored.
 */
export interface BlogBundle {
  /** Identity of the source for the re-run bookkeeping: `ghost`, `wxr:<site>`, `markdown`... */
  source: string;
  categories: BundleCategory[];
  series: BundleSeries[];
  /** Accounts with their author profiles (only an Inkwell export carries them). */
  users: BundleUser[];
  posts: BundlePost[];
  comments: BundleComment[];
  /** Image files found beside the source, by every reference a post body may use for them. */
  images: BundleImage[];
  settings: UpdateSettingsInput | null;
  /** Page slugs in navigation order, set as the settings' page order once the pages exist. */
  pageOrder: string[] | null;
  /** Image files that are the site's logo and favicon (uploaded, then set in the settings). */
  settingsImages: { logo: string | null; favicon: string | null };
  /** Problems met while reading that do not stop the import (skipped items, unknown fields). */
  warnings: string[];
}

export interface BundleCategory {
  slug: string;
  name: string;
  description: string;
}

export interface BundleSeries {
  slug: string;
  name: string;
}

export interface BundleUser {
  email: string;
  name: string;
  role: 'ADMIN' | 'AUTHOR';
  disabled: boolean;
  /** The author page's profile; absent: left as the account has it. */
  profile: { slug: string | null; bio: string; avatar: string | null } | null;
}

export interface BundleRevision {
  sourceId: string;
  title: string;
  summary: string;
  body: string;
  categories: string[];
  authorEmail: string | null;
  /** The published post's private draft. */
  pending: boolean;
  createdAt: Date;
  /**
   * The post's place in a series and its cover as this revision saved them (a pending draft
   * publishes them on "Update"); left out by older exports: the post's own then.
   */
  placement?: { series: BundlePost['series']; cover: BundleCover | null };
}

export interface BundlePost {
  /** The post's identity in its source (Ghost's id, WordPress's post id, a file's path...). */
  sourceId: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  externalUrl: string | null;
  published: boolean;
  /** Publication date (drafts: null). */
  publishedAt: Date | null;
  /** Slugs of its categories (and tags: Inkwell files posts under categories only). */
  categories: string[];
  /** The author's e-mail address, when the source names one. */
  authorEmail: string | null;
  /** Addresses it had on the source blog, for the 301s (`/2019/03/04/hello/`, `/?p=12`). */
  oldPaths: string[];
  /** Its cover (Ghost's feature image, WordPress's featured image), when the source has one. */
  cover?: BundleCover | null;
  /** A static page rather than a post (default: a post). */
  kind?: 'post' | 'page';
  /** Its place in one of the bundle's series. */
  series?: { slug: string; part: number } | null;
  /** Its saved texts, oldest first (empty: the import's own save is its history). */
  revisions?: BundleRevision[];
}

export interface BundleCover {
  /** How the source refers to the image file: one of a `BundleImage`'s references. */
  reference: string;
  alt: string;
}

export interface BundleComment {
  sourceId: string;
  postSourceId: string;
  parentSourceId: string | null;
  authorName: string;
  authorEmail: string;
  body: string;
  approved: boolean;
  createdAt: Date;
}

export interface BundleImage {
  /** Absolute path of the file to upload. */
  file: string;
  /** How post bodies refer to it (relative paths, site URLs...), each replaced by its new URL. */
  references: string[];
}

export function emptyBundle(source: string): BlogBundle {
  return {
    source,
    categories: [],
    series: [],
    users: [],
    posts: [],
    comments: [],
    images: [],
    settings: null,
    pageOrder: null,
    settingsImages: { logo: null, favicon: null },
    warnings: [],
  };
}
