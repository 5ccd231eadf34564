import { ExpressAdapter } from '@nestjs/platform-express';
import { PublicJson } from './public-json.js';
import { cacheTagHeaders } from './public-read.js';

interface BytesResponse {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
  send(body: Buffer): unknown;
}

/**
 * Nest's Express adapter, sending a `PublicJson` as its stored bytes with a public read's
 * headers (see `PublicRead`). Express then skips its own ETag (one is set) and answers 304 when
 * `If-None-Match` names it, HEAD without a body. The headers are written here rather than by an
 * interceptor: a route with no interceptor skips Nest's observable pipeline, which cost a cached
 * read a tenth of its CPU.
 */
export class PublicJsonExpressAdapter extends ExpressAdapter {
  /** @param cacheControl the `Cache-Control` of every public read (`publicCacheControl`). */
  constructor(private readonly cacheControl: string) {
    super();
  }

  override reply(response: BytesResponse, body: unknown, statusCode?: number): unknown {
    if (!(body instanceof PublicJson)) return super.reply(response, body, statusCode);
    response.setHeader('Cache-Control', this.cacheControl);
    for (const [name, value] of Object.entries(cacheTagHeaders(body.tags)))
      response.setHeader(name, value);
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('ETag', body.etag);
    if (statusCode !== undefined) response.status(statusCode);
    return response.send(body.body);
  }
}
