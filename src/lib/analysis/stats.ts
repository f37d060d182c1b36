// Pure statistics for the figures across experiments: Wilson score intervals for proportions, and
// Bradley–Terry strengths from pairwise outcomes with bootstrap intervals. The bootstrap draws from a
// seeded generator, so a build gives the same figures every time.

export interface Interval {
  low: number;
  high: number;
}

/** The Wilson score interval of k successes out of n (95% by default); null when n is 0. */
export function wilson(k: number, n: number, z = 1.96): Interval | null {
  if (n === 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const margin = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, center - margin), high: Math.min(1, center + margin) };
}

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Outcome {
  winner: string;
  loser: string;
}

/** Pseudo-wins added each way to every pair that met, so a model that never lost keeps a finite strength. */
export const PRIOR = 0.5;

/**
 * Bradley–Terry strengths p (P(i beats j) = p_i / (p_i + p_j)) by Hunter's MM iteration, scaled so
 * their geometric mean is 1: above 1 is stronger than the typical model, below 1 weaker.
 */
export function bradleyTerry(outcomes: Outcome[], prior = PRIOR): Map<string, number> {
  const items = [...new Set(outcomes.flatMap((o) => [o.winner, o.loser]))].sort();
  const index = new Map(items.map((id, i) => [id, i]));
  const k = items.length;
  const wins = Array.from({ length: k }, () => 0);
  const games = Array.from({ length: k }, () => Array.from({ length: k }, () => 0));
  for (const o of outcomes) {
    const w = index.get(o.winner)!;
    const l = index.get(o.loser)!;
    if (w === l) continue;
    wins[w]++;
    games[w][l]++;
    games[l][w]++;
  }
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++)
      if (i !== j && games[i][j] > 0) {
        wins[i] += prior;
        games[i][j] += 2 * prior;
      }
  let p = Array.from({ length: k }, () => 1);
  for (let iteration = 0; iteration < 10000; iteration++) {
    const next = p.map((pi, i) => {
      let sum = 0;
      for (let j = 0; j < k; j++) if (j !== i && games[i][j]) sum += games[i][j] / (pi + p[j]);
      return sum ? wins[i] / sum : pi;
    });
    const geo = Math.exp(next.reduce((s, x) => s + Math.log(x), 0) / k);
    const scaled = next.map((x) => x / geo);
    const change = Math.max(...scaled.map((x, i) => Math.abs(x - p[i])));
    p = scaled;
    if (change < 1e-12) break;
  }
  return new Map(items.map((id, i) => [id, p[i]]));
}

const quantile = (sorted: number[], q: number) => {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
};

/** Percentile bootstrap intervals of the strengths: outcomes resampled with replacement, `samples` times. */
export function bootstrapStrengths(
  outcomes: Outcome[],
  { samples = 500, seed = 1, level = 0.95 } = {},
): Map<string, Interval> {
  const random = seededRandom(seed);
  const draws = new Map<string, number[]>();
  for (let s = 0; s < samples; s++) {
    const resample = outcomes.map(() => outcomes[Math.floor(random() * outcomes.length)]);
    for (const [id, p] of bradleyTerry(resample))
      (draws.get(id) ?? draws.set(id, []).get(id)!).push(p);
  }
  const out = new Map<string, Interval>();
  for (const [id, values] of draws) {
    // a model missing from a resample had no comparison there: that draw says nothing about it
    values.sort((a, b) => a - b);
    out.set(id, {
      low: quantile(values, (1 - level) / 2),
      high: quantile(values, 1 - (1 - level) / 2),
    });
  }
  return out;
}
