// How numbers read in the terminal and on the site.

/** USD: four decimals under a cent, else two; "unknown" without a price. */
export const usd = (n: number | null) =>
  n === null ? 'unknown' : n < 0.01 ? `$${n.toFixed(4)}` : `$${n.toFixed(2)}`;

/** A count with thousands separators. */
export const num = (n: number) => n.toLocaleString('en-US');

/** Milliseconds as seconds. */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Rows as aligned text columns, two spaces apart: each column as wide as its widest cell. */
export function columns(rows: string[][]): string[] {
  const width = (s: string) => [...s].length;
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => cell + ' '.repeat(widths[i] - width(cell)))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * A share with its interval: "2 of 3 (67%; 95% interval 21–94%)"; "none yet" when there is nothing
 * to count.
 */
export function share(
  k: number,
  n: number,
  interval: { low: number; high: number } | null,
): string {
  if (n === 0) return 'none yet';
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const within = interval ? `; 95% interval ${pct(interval.low)}–${pct(interval.high)}` : '';
  return `${k} of ${n} (${pct(k / n)}${within})`;
}

/** A date as the site shows it: 2026-11-20. */
export const formatDate = (d: Date) => d.toISOString().slice(0, 10);
