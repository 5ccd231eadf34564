import { type SqlClient } from '../sql-client.js';

export interface MaintenanceResult {
  analyzed: string[];
  vacuumed: string[];
}

interface TableActivity {
  table: string;
  live: number;
  dead: number;
  modified: number;
  analyzed: boolean;
}

/**
 * What autovacuum would do, for a database that has none (PGlite): ANALYZE the tables that
 * changed by more than 10% (plus 50 rows) since their last statistics, VACUUM those with more
 * than 20% (plus 50) dead rows. PostgreSQL's own thresholds, so the planner keeps good estimates.
 */
export async function maintainTables(sql: SqlClient): Promise<MaintenanceResult> {
  const { rows } = await sql.query<TableActivity>(`
    SELECT relname AS "table", n_live_tup::int AS live, n_dead_tup::int AS dead,
           n_mod_since_analyze::int AS modified,
           (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL) AS analyzed
    FROM pg_stat_user_tables`);
  const result: MaintenanceResult = { analyzed: [], vacuumed: [] };
  for (const row of rows) {
    const quoted = `"${row.table.replaceAll('"', '""')}"`;
    if (row.dead > 50 + 0.2 * row.live) {
      await sql.query(`VACUUM ANALYZE ${quoted}`);
      result.vacuumed.push(row.table);
      result.analyzed.push(row.table);
    } else if (!row.analyzed || row.modified > 50 + 0.1 * row.live) {
      await sql.query(`ANALYZE ${quoted}`);
      result.analyzed.push(row.table);
    }
  }
  return result;
}
