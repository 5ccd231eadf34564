/** A route's `:id` as a positive integer; anything else is a 404, never an API call. */
export function idParam(value: string | undefined): number {
  if (!value || !/^[1-9]\d{0,9}$/.test(value)) {
    throw new Response('Not Found', { status: 404, statusText: 'Not Found' });
  }
  return Number(value);
}
