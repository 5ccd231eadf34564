import { type ShouldRevalidateFunctionArgs } from '@remix-run/react';

/**
 * For the editor pages: reload only after the page's own form or a navigation, never after
 * the preview or upload fetchers. A reload there would swap in the saved post's `version`
 * under the author's unsaved text, and their next save would overwrite a colleague's work
 * instead of showing the conflict.
 *
 * Except while a navigation is on its way (`nextUrl` is where it goes): a fetcher whose reload
 * ends first completes that navigation with the data it loaded, and the data it skipped would
 * stay the old page's, so the editor would show "Saved." over the text and version it had
 * before the save.
 */
export function revalidateOnOwnSubmissions({
  formAction,
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs): boolean {
  const navigating = nextUrl.href !== currentUrl.href;
  if (
    formAction &&
    !navigating &&
    new URL(formAction, currentUrl).pathname !== currentUrl.pathname
  ) {
    return false;
  }
  return defaultShouldRevalidate;
}
