import { existsSync } from 'node:fs';
import { type Prisma, type PrismaClient } from '@inkwell/prisma';
import { type DomainEventMap, type DomainEventType } from './domain-events.js';
import { type OutboxDispatcher } from './outbox-dispatcher.js';

/**
 * Records a domain event in the caller's transaction; `runAfter` delays it (a scheduled post).
 * `background`: the write does not wait for it; the next poll runs it (slow work such as
 * sending an email, which must not hold up the write's answer).
 */
export type RecordEvent = <T extends DomainEventType>(
  type: T,
  payload: DomainEventMap[T],
  options?: { runAfter?: Date; background?: boolean },
) => Promise<void>;

export interface OutboxOptions {
  /**
   * Test hook: while a file exists at this path, the process kills itself (SIGKILL) right after a
   * write with events commits, before any of its side effects ran, as a crash would.
   */
  killMarker?: string;
}

function backgroundTimes(): { createdAt: Date; runAfter: Date } {
  const now = Date.now();
  return { createdAt: new Date(now), runAfter: new Date(now + 1) };
}

/**
 * The write side of the transactional outbox: a write's events are rows of its own transaction,
 * so they exist exactly when the write does. Once committed they are dispatched at once, in this
 * process, before the write answers; the rows are what a crash or another process picks up.
 */
export class Outbox {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly dispatcher: OutboxDispatcher,
    private readonly options: OutboxOptions = {},
  ) {}

  /** Runs `work` in one transaction, then the side effects of the events it recorded. */
  async transaction<T>(
    work: (tx: Prisma.TransactionClient, record: RecordEvent) => Promise<T>,
    options?: { maxWait?: number; timeout?: number },
  ): Promise<T> {
    const ids: number[] = [];
    const result = await this.prisma.$transaction(async (tx) => {
      const record: RecordEvent = async (type, payload, recordOptions) => {
        const row = await tx.outboxEvent.create({
          data: {
            type,
            payload,
            ...(recordOptions?.runAfter ? { runAfter: recordOptions.runAfter } : {}),
            // A run time after the creation time marks it as scheduled: the poll takes it at
            // once instead of leaving it to this process for the grace period.
            ...(recordOptions?.background ? backgroundTimes() : {}),
          },
          select: { id: true },
        });
        if (!recordOptions?.background) ids.push(row.id);
      };
      return work(tx, record);
    }, options);
    if (ids.length === 0) return result;
    if (this.options.killMarker && existsSync(this.options.killMarker)) {
      process.kill(process.pid, 'SIGKILL');
    }
    await this.dispatcher.dispatch(ids);
    return result;
  }
}
