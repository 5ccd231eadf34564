import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiError } from '../common/api-error.js';
import { DROPPED_TAGS_FEED } from '../core/tokens.js';
import { type DroppedTagsFeed } from './dropped-tags-feed.js';

/** Drops cannot be promised now: Redis is away or the API is stopping. */
export class DroppedTagsUnavailableError extends ApiError {
  readonly status = 503;
  constructor() {
    super('Dropped cache tags cannot be followed now');
  }
  override answerHeaders(): Record<string, string> {
    return { 'Retry-After': '1' };
  }
}

/** Long enough to cost nothing, short enough for a proxy's idle timeout and the site's check. */
export const KEEP_ALIVE_MS = 15_000;

interface StreamResponse {
  setHeader(name: string, value: string): void;
  flushHeaders(): void;
  write(chunk: string): boolean;
  end(): void;
  /** The connection ended, whichever side ended it. */
  on(event: 'close', listener: () => void): void;
}

/**
 * The cache tags every write drops, as server-sent events, for whoever keeps copies of public
 * pages (each site process holds one stream). `event: ready` opens it: drops from then on are
 * all delivered, so a listener clears what it kept before. A stream that ends means drops may be
 * missed from then on; a 503 means none can be promised now (Redis is away, or the API stops).
 */
@Controller('api')
export class DroppedTagsController {
  constructor(@Inject(DROPPED_TAGS_FEED) private readonly feed: DroppedTagsFeed) {}

  @Get('dropped-tags')
  stream(@Res() response: StreamResponse): void {
    const unsubscribe = this.feed.subscribe(
      (tags) => response.write(`data: ${JSON.stringify({ tags })}\n\n`),
      // The feed can no longer promise every drop: the site clears its pages and reconnects.
      () => response.end(),
    );
    if (!unsubscribe) throw new DroppedTagsUnavailableError();
    response.setHeader('Content-Type', 'text/event-stream');
    // A buffering proxy (nginx) would hold drops back.
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.write('event: ready\ndata: {}\n\n');
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    response.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }
}
