import type pg from 'pg';
import { BackupError } from './backup-error.js';

/**
 * `tables` ordered so that every table comes after the tables its foreign keys point at (as the
 * target database defines them): loading in this order never meets a missing parent row. A
 * table's references to itself are checked at the end of its own statement, so they need no
 * order, and neither do deferrable keys (a cycle between two tables is broken by one): the load
 * defers them to the end of its transaction.
 */
export async function parentsFirst(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent
     FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid
     JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND NOT k.condeferrable AND n.nspname = current_schema()`,
  );
  const parents = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { child, parent } of rows) {
    if (child !== parent && parents.has(parent)) parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (table) => !placed.has(table) && [...parents.get(table)!].every((p) => placed.has(p)),
    );
    if (ready.length === 0) {
      throw new BackupError(
        `The foreign keys of ${tables.filter((t) => !placed.has(t)).join(', ')} form a cycle.`,
      );
    }
    for (const table of ready) {
      ordered.push(table);
      placed.add(table);
    }
  }
  return ordered;
}
