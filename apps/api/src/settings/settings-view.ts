import { type Prisma } from '@inkwell/prisma';
import { thumbnailUrl } from '../images/image-paths.js';
import { type NavigationLink, storedNavigation } from './settings.schemas.js';

/** Logos and favicons are shown small: the smallest thumbnail width is plenty. */
const ICON_WIDTH = 320;

export interface SettingsImageView {
  id: number;
  url: string;
}

/** What GET /api/settings and the admin's GET/PATCH answer: nothing in it is secret. */
export interface SiteSettingsView {
  title: string;
  description: string;
  ownerName: string;
  logo: SettingsImageView | null;
  favicon: SettingsImageView | null;
  navigation: NavigationLink[];
  postsPerPage: number;
  commentsEnabled: boolean;
  holdFirstComments: boolean;
  updatedAt: string;
}

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
  updatedAt: true,
} satisfies Prisma.SiteSettingsSelect;

type SettingsRow = Prisma.SiteSettingsGetPayload<{ select: typeof settingsSelect }>;

function imageView(image: { id: number; hash: string } | null): SettingsImageView | null {
  return image ? { id: image.id, url: thumbnailUrl(image.hash, ICON_WIDTH) } : null;
}

export function toSettingsView(row: SettingsRow): SiteSettingsView {
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
    updatedAt: row.updatedAt.toISOString(),
  };
}
