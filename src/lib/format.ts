// How numbers read in the terminal and on the site.

/** USD: four decimals under a cent, else two; "unknown" without a price. */
export const usd = (n: number | null) => (n === null ? 'unknown' : n < 0.01 ? `$${n.toFixed(4)}` : `$${n.toFixed(2)}`);

/** A count with thousands separators. */
export const num = (n: number) => n.toLocaleString('en-US');

/** Milliseconds as seconds. */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
