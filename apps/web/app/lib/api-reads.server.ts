import { createHash } from 'node:crypto';
import { PUBLIC_PAGE_CACHE } from './cache-control.js';

/**
 * What the API said about the reads one request made (api-client.server.ts records every GET): the
 * cache tags of what they returned, their ETags, and how long shared caches may keep them. A
 * page built from those reads names the same tags, so the purge a write sends to the CDN
 * (CACHE_PURGE_URL on the API) drops the page too; its ETag changes when any read's does.
 */
export class ApiReads {
  private readonly tags = new Set<string>();
  private readonly etags: string[] = [];
  /** Unset by a read that failed or named no tags or ETag: the page then has no ETag either. */
  private complete = true;
  /** The shortest s-maxage of the reads; null once one read allowed shared caches none. */
  private sharedMaxAge: number | null | undefined;

  record(response: Pick<Response, 'ok' | 'headers'>): void {
    const keys = response.headers.get('surrogate-key');
    const etag = response.headers.get('etag');
    const sharedMaxAge = /(?:^|,)\s*s-maxage=(\d+)/.exec(
      response.headers.get('cache-control') ?? '',
    );
    if (!response.ok || !keys || !etag) this.complete = false;
    for (const tag of keys?.split(' ') ?? []) if (tag) this.tags.add(tag);
    if (etag) this.etags.push(etag);
    this.sharedMaxAge =
      sharedMaxAge && this.sharedMaxAge !== null
        ? Math.min(this.sharedMaxAge ?? Infinity, Number(sharedMaxAge[1]))
        : null;
  }

  /**
   * The headers of a public page or feed built from these reads. `pageKey` (the build version
   * and the URL) says what else the body depends on; without one there is no ETag.
   */
  publicHeaders(pageKey: string | undefined): Record<string, string> {
    const shareable = this.complete && typeof this.sharedMaxAge === 'number';
    const headers: Record<string, string> = {
      'Cache-Control': shareable
        ? `${PUBLIC_PAGE_CACHE}, s-maxage=${this.sharedMaxAge}`
        : PUBLIC_PAGE_CACHE,
    };
    if (this.tags.size > 0) {
      headers['Surrogate-Key'] = [...this.tags].join(' ');
      headers['Cache-Tag'] = [...this.tags].join(',');
    }
    if (pageKey !== undefined && this.complete) {
      // Loaders run in parallel: the order the reads finished in must not change the ETag.
      const digest = createHash('sha1')
        .update([pageKey, ...[...this.etags].sort()].join('\n'))
        .digest('base64url');
      headers.ETag = `W/"${digest}"`;
    }
    return headers;
  }
}

/** Whether the request's If-None-Match names `etag` (weak comparison, as for GET). */
export function isNotModified(request: Request, etag: string | undefined): boolean {
  const ifNoneMatch = request.headers.get('if-none-match');
  if (!etag || !ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return (
    ifNoneMatch.trim() === '*' ||
    ifNoneMatch.split(',').some((candidate) => opaque(candidate) === opaque(etag))
  );
}

/** The key of a page's ETag: the build that renders it and the URL it answers. */
export function pageKey(version: string | undefined, request: Request): string | undefined {
  if (version === undefined) return undefined;
  const url = new URL(request.url);
  return `${version} ${url.pathname}${url.search}`;
}

/**
 * A public feed, sitemap or page answer built from the request's API reads: 304 when the
 * browser or CDN already holds this version.
 */
export function publicResponse(
  request: Request,
  context: { apiReads: ApiReads; pageVersion: string | undefined },
  body: string,
  contentType: string,
): Response {
  const headers = context.apiReads.publicHeaders(pageKey(context.pageVersion, request));
  if (isNotModified(request, headers.ETag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, 'Content-Type': contentType } });
}
