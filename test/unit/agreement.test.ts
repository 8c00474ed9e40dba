// Agreement measures on cases computed by hand (the working is in the comments).
import { describe, expect, it } from 'vitest';
import { adjacentAgreement, exactAgreement, levelAt, quadraticKappa, tuneThresholds } from '../../server/domain/agreement.ts';

describe('quadratic weighted kappa over levels 1–4', () => {
  it('is 1 for identical ratings', () => {
    expect(quadraticKappa([1, 2, 3, 4], [1, 2, 3, 4])).toBe(1);
  });

  it('is 0 when agreement is what chance gives', () => {
    // Observed disagreement 2 × 1/9; both raters give two 1s and two 2s, so expected is also 2/9.
    expect(quadraticKappa([1, 1, 2, 2], [1, 2, 2, 1])).toBeCloseTo(0, 10);
  });

  it('weights a near miss lightly: 6/7 for one step off on one of three', () => {
    // Observed 1/9 (3 vs 4); expected (10/9 + 5/9 + 6/9) / 3 = 7/9; kappa = 1 − 1/7.
    expect(quadraticKappa([1, 2, 3], [1, 2, 4])).toBeCloseTo(6 / 7, 10);
  });

  it('is −1 for ratings at opposite ends', () => {
    expect(quadraticKappa([1, 4], [4, 1])).toBeCloseTo(-1, 10);
  });

  it('counts a far miss more than a near one', () => {
    expect(quadraticKappa([1, 2, 3, 4, 2], [1, 2, 3, 4, 3])).toBeGreaterThan(quadraticKappa([1, 2, 3, 4, 2], [1, 2, 3, 4, 4]));
  });

  it('is 1 when both raters give the same single level, 0 when they give different ones', () => {
    expect(quadraticKappa([3, 3], [3, 3])).toBe(1);
    expect(quadraticKappa([3, 3], [2, 2])).toBe(0);
    expect(quadraticKappa([], [])).toBe(0);
  });
});

describe('exact and adjacent agreement', () => {
  it('share of equal levels, and of levels at most one apart', () => {
    expect(exactAgreement([1, 2, 3], [1, 2, 4])).toBeCloseTo(2 / 3, 10);
    expect(adjacentAgreement([1, 2, 3], [1, 2, 4])).toBe(1);
    expect(adjacentAgreement([1, 2, 3, 4], [3, 2, 3, 4])).toBe(0.75);
    expect(exactAgreement([], [])).toBe(0);
    expect(adjacentAgreement([], [])).toBe(0);
  });
});

describe('levels from a strength and thresholds', () => {
  it('a strength at a threshold reaches that level', () => {
    const t: [number, number, number] = [0.25, 0.5, 0.75];
    expect([0, 0.24, 0.25, 0.5, 0.74, 0.75, 1].map((s) => levelAt(s, t))).toEqual([1, 1, 2, 3, 3, 4, 4]);
  });
});

describe('tuning thresholds on anchors', () => {
  it('finds cuts that separate perfectly separable strengths', () => {
    const fit = tuneThresholds([0.1, 0.4, 0.6, 0.9], [1, 2, 3, 4]);
    expect(fit.kappa).toBe(1);
    expect(fit.exact).toBe(1);
    expect(fit.thresholds).toEqual([0.25, 0.5, 0.75]);
  });

  it('does the best it can when strengths overlap', () => {
    const fit = tuneThresholds([0.2, 0.3, 0.5, 0.4, 0.8, 0.9], [1, 2, 2, 3, 4, 4]);
    const predicted = [0.2, 0.3, 0.5, 0.4, 0.8, 0.9].map((s) => levelAt(s, fit.thresholds));
    expect(quadraticKappa(predicted, [1, 2, 2, 3, 4, 4])).toBeCloseTo(fit.kappa, 10);
    expect(fit.kappa).toBeGreaterThan(0.8);
    expect(fit.kappa).toBeLessThan(1);
  });
});
