// Agreement between two raters' levels (pure): exact and adjacent agreement and quadratic weighted
// kappa, the usual measures in automated essay scoring; and the threshold search that tunes the
// automated reader on anchor answers.
export const LEVEL_RANGE = [1, 2, 3, 4] as const;

export function exactAgreement(a: readonly number[], b: readonly number[]): number {
  return a.length ? a.filter((x, i) => x === b[i]).length / a.length : 0;
}

export function adjacentAgreement(a: readonly number[], b: readonly number[]): number {
  return a.length ? a.filter((x, i) => Math.abs(x - b[i]) <= 1).length / a.length : 0;
}

/**
 * Cohen's kappa with quadratic weights over levels 1–4: 1 is perfect agreement, 0 what chance
 * gives, below 0 worse than chance. When both raters give one constant level it is 1 if they agree.
 */
export function quadraticKappa(a: readonly number[], b: readonly number[], levels: readonly number[] = LEVEL_RANGE): number {
  const k = levels.length;
  const n = a.length;
  if (n === 0) return 0;
  const index = new Map(levels.map((l, i) => [l, i]));
  const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const histA = new Array<number>(k).fill(0);
  const histB = new Array<number>(k).fill(0);
  a.forEach((x, i) => {
    const r = index.get(x)!;
    const c = index.get(b[i])!;
    observed[r][c]++;
    histA[r]++;
    histB[c]++;
  });
  let disagreeObserved = 0;
  let disagreeExpected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = (i - j) ** 2 / (k - 1) ** 2;
      disagreeObserved += w * observed[i][j];
      disagreeExpected += (w * histA[i] * histB[j]) / n;
    }
  }
  if (disagreeExpected === 0) return disagreeObserved === 0 ? 1 : 0;
  return 1 - disagreeObserved / disagreeExpected;
}

/** Level from a strength and three ascending thresholds (for levels 2, 3 and 4). */
export function levelAt(strength: number, thresholds: readonly [number, number, number]): 1 | 2 | 3 | 4 {
  return (1 + thresholds.filter((t) => strength >= t).length) as 1 | 2 | 3 | 4;
}

/**
 * The thresholds that best reproduce the reference levels from the strengths: highest kappa, then
 * highest exact agreement, then the widest middle band. Candidates are midpoints between observed
 * strengths (and the ends), so the search is exhaustive over every distinct cut.
 */
export function tuneThresholds(strengths: readonly number[], reference: readonly number[]): { thresholds: [number, number, number]; kappa: number; exact: number } {
  const sorted = [...new Set(strengths)].sort((x, y) => x - y);
  const cuts = [sorted[0] - 0.001, ...sorted.slice(1).map((s, i) => (s + sorted[i]) / 2), sorted[sorted.length - 1] + 0.001].map((c) => Math.round(c * 1000) / 1000);
  let best = { thresholds: [cuts[0], cuts[0], cuts[0]] as [number, number, number], kappa: -Infinity, exact: -Infinity, band: -Infinity };
  for (let i = 0; i < cuts.length; i++) {
    for (let j = i; j < cuts.length; j++) {
      for (let k = j; k < cuts.length; k++) {
        const thresholds: [number, number, number] = [cuts[i], cuts[j], cuts[k]];
        const predicted = strengths.map((s) => levelAt(s, thresholds));
        const kappa = quadraticKappa(predicted, reference);
        const exact = exactAgreement(predicted, reference);
        const band = cuts[k] - cuts[i];
        if (kappa > best.kappa || (kappa === best.kappa && (exact > best.exact || (exact === best.exact && band > best.band)))) {
          best = { thresholds, kappa, exact, band };
        }
      }
    }
  }
  return { thresholds: best.thresholds, kappa: best.kappa, exact: best.exact };
}
