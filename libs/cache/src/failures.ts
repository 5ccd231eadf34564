/** Where the cache reports trouble. Nest's `Logger` and `console` both fit. */
export interface CacheLogger {
  warn(message: string): void;
}

export interface RecordedFailure {
  message: string;
  at: Date;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Logs store failures at most once per interval: while Redis is down every call fails, and a
 * line per call would drown the log. The next report says how many failures it stood for.
 */
export class FailureReporter {
  private lastLoggedAt = Number.NEGATIVE_INFINITY;
  private unlogged = 0;
  last: RecordedFailure | undefined;

  constructor(
    private readonly logger: CacheLogger,
    private readonly intervalMs: number,
    private readonly namespace: string,
  ) {}

  report(error: unknown, during: string): void {
    const now = Date.now();
    this.last = { message: describe(error), at: new Date(now) };
    if (now - this.lastLoggedAt < this.intervalMs) {
      this.unlogged += 1;
      return;
    }
    const more =
      this.unlogged > 0 ? ` (and ${this.unlogged} more failures since the last report)` : '';
    this.logger.warn(
      `Cache "${this.namespace}" failed during ${during}: ${this.last.message}; calls run uncached${more}`,
    );
    this.lastLoggedAt = now;
    this.unlogged = 0;
  }
}
