import { type RealtimeObserver } from '@inkwell/realtime';
import { Counter, Gauge, type Registry } from 'prom-client';

/** Counts the Bayeux sessions open on this process and the hints it publishes. */
export function realtimeMetrics(registry: Registry): RealtimeObserver {
  const clients = new Gauge({
    name: 'inkwell_realtime_clients',
    help: "Bayeux sessions open on this process: readers' pages, and the process's own publisher.",
    registers: [registry],
  });
  const hints = new Counter({
    name: 'inkwell_realtime_hints_published_total',
    help: 'Hints published by this process, by kind (comment: comments changed; post: published).',
    labelNames: ['kind'],
    registers: [registry],
  });
  return {
    clientConnected: () => clients.inc(),
    clientDisconnected: () => clients.dec(),
    hintPublished: (kind) => hints.inc({ kind }),
  };
}
