import { type SettingsImageView, type SiteSettingsView, storedNavigation } from '@inkwell/contract';
import { type Prisma } from '@inkwell/prisma';
import { thumbnailUrl } from '../images/image-paths.js';

/** Logos and favicons are shown small: the smallest thumbnail width is plenty. */
const ICON_WIDTH = 320;

const imageSelect = { select: { id: true, hash: true } } as const;

export const settingsSelect = {
  title: true,
  description: true,
  ownerName: true,
  logoImage: imageSelect,
  faviconImage: imageSelect,
  navigation: true,
  postsPerPage: true,
  commentsEnabled: true,
  holdFirstComments: true,
  fullContentFeeds: true,
  pageOrder: true,
  updatedAt: true,
} satisfies Prisma.SiteSettingsSelect;

type SettingsRow = Prisma.SiteSettingsGetPayload<{ select: typeof settingsSelect }>;

function imageView(image: { id: number; hash: string } | null): SettingsImageView | null {
  return image ? { id: image.id, url: thumbnailUrl(image.hash, ICON_WIDTH) } : null;
}

/** `replyEmails` comes from the configuration (SMTP_URL), not from the row. */
export function toSettingsView(row: SettingsRow, replyEmails: boolean): SiteSettingsView {
  return {
    title: row.title,
    description: row.description,
    ownerName: row.ownerName,
    logo: imageView(row.logoImage),
    favicon: imageView(row.faviconImage),
    navigation: storedNavigation.parse(row.navigation),
    postsPerPage: row.postsPerPage,
    commentsEnabled: row.commentsEnabled,
    holdFirstComments: row.holdFirstComments,
    replyEmails,
    fullContentFeeds: row.fullContentFeeds,
    pageOrder: row.pageOrder,
    updatedAt: row.updatedAt.toISOString(),
  };
}
