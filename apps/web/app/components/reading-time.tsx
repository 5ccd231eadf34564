/** "4 min read", from the API's estimate. */
export function ReadingTime({ minutes }: { minutes: number }) {
  return <span>{minutes} min read</span>;
}
