import { type INestApplication, type LoggerService } from '@nestjs/common';
import { createHttpDrain } from '@inkwell/http-drain';
import { type RealtimeServer } from '@inkwell/realtime';
import { DROPPED_TAGS_FEED, REALTIME } from './core/tokens.js';
import { type DroppedTagsFeed } from './http-cache/dropped-tags-feed.js';

/**
 * SIGTERM/SIGINT stop the API without losing an answer: no new connections; the requests in
 * flight finish (for up to `timeoutMs`), each the last on its keep-alive connection; realtime
 * long-polls and the streams of dropped cache tags end at once (their clients reconnect, the
 * site's page cache clears itself); then the database, Redis and the
 * caches close (Nest's shutdown hooks) and the process exits 0.
 */
export function stopOnSignals(
  app: INestApplication,
  options: { timeoutMs: number; logger: LoggerService },
): void {
  const { timeoutMs, logger } = options;
  const drain = createHttpDrain(app.getHttpServer());

  async function stop(signal: NodeJS.Signals): Promise<void> {
    logger.log(
      `${signal}: finishing ${drain.inFlight} request(s) in flight (at most ${timeoutMs} ms)`,
    );
    await app.get<RealtimeServer>(REALTIME).close();
    await app.get<DroppedTagsFeed>(DROPPED_TAGS_FEED).close();
    const { abandoned } = await drain.drain(timeoutMs);
    if (abandoned > 0) logger.warn(`${abandoned} request(s) cut off after ${timeoutMs} ms`);
    await app.close();
    logger.log('Stopped');
    process.exit(0);
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop(signal).catch((error: unknown) => {
        logger.error(`Stopping failed: ${String(error)}`);
        process.exit(1);
      });
    });
  }
}
