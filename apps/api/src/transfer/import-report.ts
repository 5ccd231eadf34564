export const IMPORT_KINDS = [
  'categories',
  'series',
  'images',
  'users',
  'posts',
  'pages',
  'revisions',
  'redirects',
  'comments',
  'settings',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface ImportReport {
  format: string;
  dryRun: boolean;
  counts: Record<ImportKind, Record<Outcome, number>>;
  /** Remote images kept as links, unknown authors, skipped items with the reason. */
  warnings: string[];
}

export function emptyReport(format: string, dryRun: boolean): ImportReport {
  const counts = Object.fromEntries(
    IMPORT_KINDS.map((kind) => [kind, { created: 0, updated: 0, unchanged: 0, skipped: 0 }]),
  ) as ImportReport['counts'];
  return { format, dryRun, counts, warnings: [] };
}

/** The lines printed at the end: one per kind, a total, then the warnings. */
export function formatReport(report: ImportReport): string {
  const lines = [
    `Import from ${report.format}${report.dryRun ? ' (dry run: nothing was written)' : ''}:`,
  ];
  const total = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  for (const kind of IMPORT_KINDS) {
    const counts = report.counts[kind];
    for (const outcome of Object.keys(total) as Outcome[]) total[outcome] += counts[outcome];
    lines.push(`  ${kind.padEnd(11)} ${describe(counts)}`);
  }
  lines.push(`Total: ${describe(total)}`);
  if (report.warnings.length > 0) {
    lines.push(`${report.warnings.length} warning(s):`, ...report.warnings.map((w) => `  - ${w}`));
  }
  return lines.join('\n');
}

function describe(counts: Record<Outcome, number>): string {
  return `${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.skipped} skipped`;
}
