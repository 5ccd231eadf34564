import { Logger } from '@nestjs/common';
import { type SqlClient } from '@inkwell/prisma';
import { type DomainEvents, type DomainEventType } from './domain-events.js';
import { type OutboxObserver } from './outbox-metrics.js';

export interface OutboxDispatcherOptions {
  /** How often the table is read for events that are due (scheduled, retried, left by a crash). */
  pollIntervalMs: number;
  /** Done events older than this are deleted. */
  retentionMs: number;
  /** A claimed event is nobody else's for this long (a process dying mid-event frees it then). */
  leaseMs?: number;
  /** First retry delay of a failing event; each further one doubles, up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /**
   * A poll leaves a fresh event (never run, not scheduled) this long to the process that wrote
   * it, which runs it right after its commit, before answering: a poll taking it first would run
   * its effects after that answer, and out of order with the write's other events. Default 10 s.
   */
  freshEventGraceMs?: number;
}

interface ClaimedEvent {
  id: number;
  type: DomainEventType;
  payload: never;
  attempts: number;
  completed: string[] | null;
}

const BATCH_SIZE = 20;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * The delivery side of the outbox: claims events (`FOR UPDATE SKIP LOCKED`, then a lease held in
 * `runAfter`), so with several API processes each event runs once at a time; runs their
 * subscribers; marks them done, or retries the failed subscribers later with a doubling delay,
 * without holding up other events. Subscribers reload current state, so a replay converges.
 * Bookkeeping goes through plain SQL, not Prisma: it is not part of any request.
 */
export class OutboxDispatcher {
  private readonly logger = new Logger('Outbox');
  private readonly leaseSeconds: number;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly freshEventGraceSeconds: number;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> = Promise.resolve();
  private stopped = true;
  private lastPrune = 0;

  constructor(
    private readonly sql: SqlClient,
    private readonly events: DomainEvents,
    private readonly options: OutboxDispatcherOptions,
    private readonly observer?: OutboxObserver,
  ) {
    this.leaseSeconds = (options.leaseMs ?? 60_000) / 1000;
    this.retryDelayMs = options.retryDelayMs ?? 1_000;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 60 * 60 * 1000;
    this.freshEventGraceSeconds = (options.freshEventGraceMs ?? 10_000) / 1000;
  }

  /** Runs these events now if they are due and unclaimed (right after their write committed). */
  async dispatch(ids: number[]): Promise<void> {
    try {
      await this.runBatches(ids);
    } catch (error) {
      // The rows stay pending: the next poll, here or in another process, runs them.
      this.logger.error(`Dispatch deferred: ${(error as Error).message}`);
    }
  }

  /** Runs every event that is due now, batch by batch; resolves with how many ran. */
  runDue(): Promise<number> {
    return this.runBatches(null);
  }

  /** Claims and runs batch after batch (of these ids, or of any due event) until none is left. */
  private async runBatches(ids: number[] | null): Promise<number> {
    let ran = 0;
    for (;;) {
      const claimed = await this.claim(ids);
      if (claimed.length === 0) return ran;
      for (const event of claimed) await this.run(event);
      ran += claimed.length;
    }
  }

  /** Deletes done events older than the retention; resolves with how many went. */
  async prune(): Promise<number> {
    const { rows } = await this.sql.query<{ id: number }>(
      `DELETE FROM "OutboxEvent"
       WHERE "doneAt" < CURRENT_TIMESTAMP - make_interval(secs => $1) RETURNING "id"`,
      [this.options.retentionMs / 1000],
    );
    return rows.length;
  }

  /** Polls at once (events left by a crash, posts whose date passed meanwhile), then every interval. */
  start(): void {
    this.stopped = false;
    this.schedulePoll(0);
  }

  /** Stops polling and waits for the poll under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.polling;
  }

  private schedulePoll(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.polling = this.poll().finally(() => this.schedulePoll(this.options.pollIntervalMs));
    }, delayMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    try {
      await this.runDue();
      if (Date.now() - this.lastPrune >= PRUNE_EVERY_MS) {
        this.lastPrune = Date.now();
        await this.prune();
      }
    } catch (error) {
      this.logger.error(`Outbox poll failed: ${(error as Error).message}`);
    }
  }

  /** Takes due, unclaimed events (these ids, or the oldest ones) and leases them. */
  /*
   * The times are stored to the millisecond, rounded (TIMESTAMP(3)): an event written in the last
   * half millisecond can read as up to half a millisecond ahead of a claim that follows at once,
   * which skipped a writer's own dispatch right after its commit (the event waited for a poll).
   * A millisecond of slack claims it; leases and retry delays are far longer.
   */
  private async claim(ids: number[] | null): Promise<ClaimedEvent[]> {
    const { rows } = await this.sql.query<ClaimedEvent>(
      `UPDATE "OutboxEvent"
       SET "runAfter" = CURRENT_TIMESTAMP + make_interval(secs => $1), "attempts" = "attempts" + 1
       WHERE "id" IN (
         SELECT "id" FROM "OutboxEvent"
         WHERE "doneAt" IS NULL AND "runAfter" <= CURRENT_TIMESTAMP + interval '1 millisecond'
           AND ($2::int[] IS NULL OR "id" = ANY($2::int[]))
           AND ($2::int[] IS NOT NULL OR "runAfter" > "createdAt"
                OR "createdAt" <= CURRENT_TIMESTAMP - make_interval(secs => $4))
         ORDER BY "id" LIMIT $3
         FOR UPDATE SKIP LOCKED)
       RETURNING "id", "type", "payload", "attempts", "completed"`,
      [this.leaseSeconds, ids, BATCH_SIZE, this.freshEventGraceSeconds],
    );
    return rows.sort((a, b) => a.id - b.id);
  }

  private async run(event: ClaimedEvent): Promise<void> {
    const skip = event.completed ?? [];
    const failures = await this.events.emit(event.type, event.payload, skip);
    this.observer?.eventRan(event.type, failures.length > 0);
    const failed = new Set(failures.map((failure) => failure.subscriber));
    const completed = this.events
      .subscriberNames(event.type)
      .filter((name) => skip.includes(name) || !failed.has(name));
    if (failures.length === 0) {
      await this.sql.query(
        `UPDATE "OutboxEvent" SET "doneAt" = CURRENT_TIMESTAMP, "completed" = $2::text[],
         "lastError" = NULL WHERE "id" = $1`,
        [event.id, completed],
      );
      return;
    }
    const delayMs = Math.min(this.retryDelayMs * 2 ** (event.attempts - 1), this.maxRetryDelayMs);
    const lastError = failures.map((f) => `${f.subscriber}: ${f.error.message}`).join('; ');
    this.logger.warn(`${event.type} #${event.id} retried in ${delayMs} ms (${lastError})`);
    await this.sql.query(
      `UPDATE "OutboxEvent"
       SET "runAfter" = CURRENT_TIMESTAMP + make_interval(secs => $2), "completed" = $3::text[],
       "lastError" = $4 WHERE "id" = $1`,
      [event.id, delayMs / 1000, completed, lastError],
    );
  }
}
