import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apportion } from '../../server/domain/blueprint.ts';

const CETL = [15, 15, 6, 18, 15, 7, 2, 10, 5, 7].map((weight, i) => ({ area: i + 1, weight }));

describe('apportion (largest remainder)', () => {
  it('gives the published counts for a 100-item exam', () => {
    expect(apportion(100, CETL).map((r) => r.count)).toEqual([15, 15, 6, 18, 15, 7, 2, 10, 5, 7]);
  });

  it('gives 10 seats of a 10-item exam to the largest remainders', () => {
    // exact quotas 1.5 1.5 .6 1.8 1.5 .7 .2 1 .5 .7 → floors give 5; the five seats left go to .8, .7, .7, .6 and
    // then one of the .5 ties: areas 1, 2, 5 (weight 15) beat area 9 (weight 5), and area 1 has the lowest number.
    expect(apportion(10, CETL).map((r) => r.count)).toEqual([2, 1, 1, 2, 1, 1, 0, 1, 0, 1]);
  });

  it('breaks a remainder tie towards the larger weight', () => {
    expect(apportion(2, [{ area: 1, weight: 1 }, { area: 2, weight: 3 }]).map((r) => r.count)).toEqual([0, 2]);
    expect(apportion(2, [{ area: 1, weight: 3 }, { area: 2, weight: 1 }]).map((r) => r.count)).toEqual([2, 0]);
  });

  it('breaks a tie of remainder and weight towards the lower area number', () => {
    expect(apportion(2, [{ area: 3, weight: 3 }, { area: 1, weight: 3 }, { area: 2, weight: 6 }])).toEqual([
      { area: 3, count: 0 },
      { area: 1, count: 1 },
      { area: 2, count: 1 },
    ]);
  });

  it('renormalises the weights of the areas chosen for a drill', () => {
    expect(apportion(20, [{ area: 7, weight: 2 }, { area: 10, weight: 7 }, { area: 9, weight: 5 }])).toEqual([
      { area: 7, count: 3 },
      { area: 10, count: 10 },
      { area: 9, count: 7 },
    ]);
  });

  const weightsArb = fc
    .uniqueArray(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 10 })
    .chain((areas) => fc.tuple(...areas.map((area) => fc.record({ area: fc.constant(area), weight: fc.integer({ min: 1, max: 40 }) }))));

  it('always hands out exactly N seats, each area within one seat of its exact quota', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), weightsArb, (n, weights) => {
        const counts = apportion(n, weights);
        const total = weights.reduce((s, w) => s + w.weight, 0);
        expect(counts.reduce((s, c) => s + c.count, 0)).toBe(n);
        counts.forEach((c, i) => {
          const quota = (n * weights[i].weight) / total;
          expect(c.count).toBeGreaterThanOrEqual(Math.floor(quota));
          expect(c.count).toBeLessThanOrEqual(Math.floor(quota) + 1);
        });
      }),
      { numRuns: 1000, seed: 20261201 },
    );
  });

  it('never gives an extra seat to an area ranked below one that missed out', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), weightsArb, (n, weights) => {
        const total = weights.reduce((s, w) => s + w.weight, 0);
        const rows = apportion(n, weights).map((c, i) => ({
          ...c,
          weight: weights[i].weight,
          remainder: (n * weights[i].weight) % total,
          extra: c.count > Math.floor((n * weights[i].weight) / total),
        }));
        const rank = (r: (typeof rows)[number]) => [r.remainder, r.weight, -r.area];
        const outranks = (a: number[], b: number[]) => a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] > b[2])));
        for (const won of rows.filter((r) => r.extra)) {
          for (const lost of rows.filter((r) => !r.extra)) expect(outranks(rank(lost), rank(won))).toBe(false);
        }
      }),
      // Fixed seed and many runs: adjacent areas with equal remainders and weights must come up.
      { numRuns: 2000, seed: 20261201 },
    );
  });
});

describe('apportion refuses what it cannot divide', () => {
  it('a length that is negative or not whole, and weights that sum to nothing', () => {
    expect(() => apportion(-1, CETL)).toThrow('exam length must be a whole number ≥ 0');
    expect(() => apportion(2.5, CETL)).toThrow('exam length must be a whole number ≥ 0');
    expect(() => apportion(5, [{ area: 1, weight: 0 }])).toThrow('weights must sum to more than zero');
    expect(apportion(5, [])).toEqual([]);
    expect(apportion(0, CETL).every((a) => a.count === 0)).toBe(true);
  });
});
