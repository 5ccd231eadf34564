import { type SqlClient } from '@inkwell/prisma';
import { Counter, Gauge, type Registry } from 'prom-client';
import { type DomainEventType } from './domain-events.js';

/** What the dispatcher tells an observer after each event it ran. */
export interface OutboxObserver {
  /** `failed`: some subscriber failed; the event is retried later. */
  eventRan(type: DomainEventType, failed: boolean): void;
}

/**
 * The outbox's series: events run and runs that failed (by event type), counted by this
 * process; events not yet done, read from the table at each scrape (every process sees all).
 */
export function outboxMetrics(registry: Registry, sql: SqlClient): OutboxObserver {
  new Gauge({
    name: 'inkwell_outbox_pending_events',
    help: 'Events not yet done: scheduled, waiting for a retry, or being run.',
    registers: [registry],
    async collect() {
      const { rows } = await sql.query<{ pending: number }>(
        `SELECT count(*)::int AS "pending" FROM "OutboxEvent" WHERE "doneAt" IS NULL`,
      );
      this.set(rows[0]?.pending ?? 0);
    },
  });
  const processed = new Counter({
    name: 'inkwell_outbox_events_processed_total',
    help: 'Outbox events this process ran, by type, whether or not a subscriber failed.',
    labelNames: ['type'],
    registers: [registry],
  });
  const failures = new Counter({
    name: 'inkwell_outbox_event_failures_total',
    help: 'Outbox event runs in which a subscriber failed (the event is retried), by type.',
    labelNames: ['type'],
    registers: [registry],
  });
  return {
    eventRan(type, failed) {
      processed.inc({ type });
      if (failed) failures.inc({ type });
    },
  };
}
