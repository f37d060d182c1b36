// Statistics against values worked out by hand (the working is in each comment).
import { describe, expect, it } from 'vitest';
import {
  bootstrapStrengths,
  bradleyTerry,
  seededRandom,
  wilson,
} from '../src/lib/analysis/stats.ts';

const beats = (winner: string, loser: string, times = 1) =>
  Array.from({ length: times }, () => ({ winner, loser }));

describe('Wilson score interval (95%, z = 1.96)', () => {
  it('8 of 10', () => {
    // p = 0.8, z² = 3.8416, z²/n = 0.38416, denominator 1.38416
    // centre = (0.8 + 0.19208) / 1.38416 = 0.716738
    // margin = 1.96·√(0.8·0.2/10 + 3.8416/400) / 1.38416 = 1.96·√0.025604 / 1.38416 = 0.226583
    const i = wilson(8, 10)!;
    expect(i.low).toBeCloseTo(0.490155, 5);
    expect(i.high).toBeCloseTo(0.943321, 5);
  });
  it('0 of 5: starts at 0, not below', () => {
    // centre = (0 + 0.38416) / 1.76832 = 0.217245; margin = 1.96·√(3.8416/100) / 1.76832 = 0.217245
    const i = wilson(0, 5)!;
    expect(i.low).toBeCloseTo(0, 10);
    expect(i.high).toBeCloseTo(0.43449, 5);
  });
  it('1 of 1 and 0 of 0', () => {
    // p = 1, n = 1: centre = (1 + 1.9208) / 4.8416 = 0.603272, margin = 1.96·√(3.8416/4) / 4.8416 = 0.396728
    expect(wilson(1, 1)!.low).toBeCloseTo(0.206544, 5);
    expect(wilson(1, 1)!.high).toBeCloseTo(1, 10);
    expect(wilson(0, 0)).toBeNull();
  });
});

describe('Bradley–Terry strengths (pseudo-count 0.5 each way per pair that met; geometric mean 1)', () => {
  it('two models, 3 to 1', () => {
    // wins with the prior: A 3.5, B 1.5 of 5 games, so p_A / (p_A + p_B) = 0.7, p_A / p_B = 7/3,
    // and with p_A·p_B = 1: p_A = √(7/3) = 1.527525, p_B = √(3/7) = 0.654654
    const s = bradleyTerry([...beats('A', 'B', 3), ...beats('B', 'A')]);
    expect(s.get('A')).toBeCloseTo(1.527525, 5);
    expect(s.get('B')).toBeCloseTo(0.654654, 5);
  });
  it('a chain A > B > C, with A and C never meeting', () => {
    // A–B: 2.5 to 0.5 of 3, so p_A = 5·p_B; B–C: 2.5 to 0.5, so p_B = 5·p_C: 25 : 5 : 1,
    // geometric mean ∛125 = 5, so 5, 1 and 0.2
    const s = bradleyTerry([...beats('A', 'B', 2), ...beats('B', 'C', 2)]);
    expect(s.get('A')).toBeCloseTo(5, 5);
    expect(s.get('B')).toBeCloseTo(1, 5);
    expect(s.get('C')).toBeCloseTo(0.2, 5);
  });
  it('a cycle is even', () => {
    const s = bradleyTerry([...beats('A', 'B'), ...beats('B', 'C'), ...beats('C', 'A')]);
    for (const id of ['A', 'B', 'C']) expect(s.get(id)).toBeCloseTo(1, 6);
  });
});

describe('bootstrap intervals', () => {
  it('are reproducible from the seed', () => {
    const outcomes = [
      ...beats('A', 'B', 5),
      ...beats('B', 'A', 3),
      ...beats('B', 'C', 4),
      ...beats('C', 'A', 2),
    ];
    const one = bootstrapStrengths(outcomes, { samples: 200, seed: 7 });
    expect(bootstrapStrengths(outcomes, { samples: 200, seed: 7 })).toEqual(one);
    expect(bootstrapStrengths(outcomes, { samples: 200, seed: 8 })).not.toEqual(one);
    const point = bradleyTerry(outcomes);
    for (const [id, i] of one) {
      expect(i.low).toBeLessThanOrEqual(point.get(id)!);
      expect(i.high).toBeGreaterThanOrEqual(point.get(id)!);
      expect(i.low).toBeLessThan(i.high);
    }
  });
  it('collapse to the estimate when every resample is the same', () => {
    // A beat B four times: every resample is the same four wins, so A = √(4.5/0.5) = 3 every time
    const i = bootstrapStrengths(beats('A', 'B', 4), { samples: 50 }).get('A')!;
    expect(i.low).toBeCloseTo(3, 6);
    expect(i.high).toBeCloseTo(3, 6);
  });
  it('the generator is seeded and in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});
