import { z } from 'zod';
import { bodyId, isoDateTime, MAX_PAGE_SIZE } from './fields.js';

export const MAX_NAVIGATION_LINKS = 12;
export const MAX_PAGE_ORDER = 100;

export const siteTitleField = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

export const siteDescriptionField = z
  .string({ error: 'must be text' })
  .trim()
  .max(300, 'must be at most 300 characters');

export const ownerNameField = z
  .string({ error: 'must be text' })
  .trim()
  .max(100, 'must be at most 100 characters');

/** A path on this site (`/posts/about`) or an http(s) address elsewhere; never `javascript:`. */
const linkUrl = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(500, 'must be at most 500 characters')
  .regex(
    /^(?:\/(?!\/)|https?:\/\/[^\s/]+)\S*$/i,
    'must be a path like /posts/about or an http(s) URL',
  );

export const navigationLink = z.object(
  {
    label: z
      .string({ error: 'must be text' })
      .trim()
      .min(1, 'must not be empty')
      .max(40, 'must be at most 40 characters'),
    url: linkUrl,
  },
  { error: 'must be an object with label and url' },
);
export type NavigationLink = z.output<typeof navigationLink>;

/** PATCH /api/admin/settings: any subset of the settings; omitted ones stay as they are. */
export const updateSettingsSchema = z
  .object(
    {
      title: siteTitleField,
      description: siteDescriptionField,
      ownerName: ownerNameField,
      logoImageId: bodyId().nullable(),
      faviconImageId: bodyId().nullable(),
      navigation: z
        .array(navigationLink, { error: 'must be a list of links' })
        .max(MAX_NAVIGATION_LINKS, `must have at most ${MAX_NAVIGATION_LINKS} links`),
      postsPerPage: z
        .number({ error: 'must be a number' })
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`),
      commentsEnabled: z.boolean({ error: 'must be true or false' }),
      holdFirstComments: z.boolean({ error: 'must be true or false' }),
      fullContentFeeds: z.boolean({ error: 'must be true or false' }),
      pageOrder: z
        .array(bodyId(), { error: 'must be a list of page ids' })
        .max(MAX_PAGE_ORDER, `must have at most ${MAX_PAGE_ORDER} pages`)
        .transform((ids) => [...new Set(ids)]),
    },
    { error: 'must be a JSON object' },
  )
  .partial();
export type UpdateSettingsInput = z.output<typeof updateSettingsSchema>;

/** The stored navigation, read back defensively: a hand-edited row never breaks the pages. */
export const storedNavigation = z.array(navigationLink).catch([]);

const settingsImage = z.object({ id: z.number().int(), url: z.string() });

/** What GET /api/settings and the admin's GET/PATCH answer: nothing in it is secret. */
export const siteSettingsView = z.object({
  title: z.string(),
  description: z.string(),
  ownerName: z.string(),
  logo: settingsImage.nullable(),
  favicon: settingsImage.nullable(),
  navigation: z.array(z.object({ label: z.string(), url: z.string() })),
  postsPerPage: z.number().int(),
  commentsEnabled: z.boolean(),
  holdFirstComments: z.boolean(),
  /** Whether commenters can ask for an email about replies (the API has SMTP_URL). */
  replyEmails: z.boolean(),
  /** Feeds carry each post's rendered HTML rather than its summary. */
  fullContentFeeds: z.boolean(),
  /** Static pages' ids in navigation order (GET /api/pages answers the pages in it). */
  pageOrder: z.array(z.number().int()),
  updatedAt: isoDateTime,
});
export type SiteSettingsView = z.infer<typeof siteSettingsView>;
export type SettingsImageView = z.infer<typeof settingsImage>;

/** The settings a client sends to change them. */
export type SettingsInput = z.input<typeof updateSettingsSchema>;
