// A fixed locale and time zone: the server and a hydrating browser must print the same text.
const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "1 March 2026" for an ISO timestamp. */
export function formatDate(iso: string): string {
  return longDate.format(new Date(iso));
}
