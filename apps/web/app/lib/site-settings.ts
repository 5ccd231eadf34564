import { useRouteLoaderData } from '@remix-run/react';
import { type PageLinkView, type SiteSettingsView } from '@inkwell/contract';

/** What the chrome shows when the root loader had no settings to give (its own error page). */
const FALLBACK: SiteSettingsView = {
  title: 'Inkwell',
  description: '',
  ownerName: '',
  logo: null,
  favicon: null,
  navigation: [],
  postsPerPage: 10,
  commentsEnabled: true,
  holdFirstComments: true,
  replyEmails: false,
  fullContentFeeds: false,
  pageOrder: [],
  updatedAt: '',
};

interface RootData {
  settings?: SiteSettingsView;
  pages?: PageLinkView[];
}

/** The site's settings, loaded once by the root route for every page. */
export function useSiteSettings(): SiteSettingsView {
  return useRouteLoaderData<RootData>('root')?.settings ?? FALLBACK;
}

/** The published static pages, in the navigation's order. */
export function useNavigationPages(): PageLinkView[] {
  return useRouteLoaderData<RootData>('root')?.pages ?? [];
}

/** The same for a `meta` function, which gets the matched routes' data instead of hooks. */
export function siteSettingsOf(
  matches: ReadonlyArray<{ id: string; data: unknown }>,
): SiteSettingsView {
  const root = matches.find((match) => match.id === 'root')?.data as RootData | undefined;
  return root?.settings ?? FALLBACK;
}
