import { type FeedFormat } from './category-param.js';

/** An author's page: `/authors/<slug>`, `/authors/<slug>?page=2`. */
export function authorPath(slug: string, page = 1): string {
  const path = `/authors/${encodeURIComponent(slug)}`;
  return page > 1 ? `${path}?page=${page}` : path;
}

/** An author's feed: `/authors/<slug>/feed.xml` (RSS), `.atom`, `.json`. */
export function authorFeedPath(slug: string, format: FeedFormat = 'xml'): string {
  return `${authorPath(slug)}/feed.${format}`;
}
