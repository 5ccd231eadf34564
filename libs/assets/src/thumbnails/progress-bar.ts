/** A one-line text progress bar, e.g. `[######--------------]  30% 12/40`. */
export function formatProgressBar(done: number, total: number, barWidth = 20): string {
  const ratio = total === 0 ? 1 : Math.min(1, Math.max(0, done / total));
  const filled = Math.round(ratio * barWidth);
  const percent = `${Math.floor(ratio * 100)}%`.padStart(4);
  return `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}] ${percent} ${done}/${total}`;
}
