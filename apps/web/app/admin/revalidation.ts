import { type ShouldRevalidateFunctionArgs } from '@remix-run/react';

/**
 * For the editor pages: reload only after the page's own form or a navigation, never after
 * the preview or upload fetchers. A reload there would swap in the saved post's `version`
 * under the author's unsaved text, and their next save would overwrite a colleague's work
 * instead of showing the conflict.
 */
export function revalidateOnOwnSubmissions({
  formAction,
  currentUrl,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs): boolean {
  if (formAction && new URL(formAction, currentUrl).pathname !== currentUrl.pathname) return false;
  return defaultShouldRevalidate;
}
