import { formatDate } from '../lib/dates.js';

export function PostDate({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatDate(iso)}</time>;
}
