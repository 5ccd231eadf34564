import { ExpressAdapter } from '@nestjs/platform-express';
import { PublicJson } from './public-json.js';

interface BytesResponse {
  status(code: number): unknown;
  send(body: Buffer): unknown;
}

/**
 * Nest's Express adapter, sending a `PublicJson` as its stored bytes. Express then skips its
 * own ETag (one is set) and answers 304 when `If-None-Match` names it, HEAD without a body.
 */
export class PublicJsonExpressAdapter extends ExpressAdapter {
  override reply(response: BytesResponse, body: unknown, statusCode?: number): unknown {
    if (!(body instanceof PublicJson)) return super.reply(response, body, statusCode);
    if (statusCode !== undefined) response.status(statusCode);
    return response.send(body.body);
  }
}
