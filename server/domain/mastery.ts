// Mastery and readiness (pure): how likely a candidate is to answer a fresh item of each area and
// code correctly, with an interval that is wide when evidence is thin, and the expected share
// correct on a fresh weighted 100-item form — a practice estimate, never a CETL scaled score.
import quantile from '@stdlib/stats-base-dists-beta-quantile';

export interface Answer {
  code: string;
  area: number;
  correct: boolean;
  /** When it was answered (ms). */
  at: number;
}

export interface Estimate {
  /** Posterior mean probability of a correct answer. */
  mean: number;
  /** 80% credible interval. */
  low: number;
  high: number;
  /** Answers behind it, and their recency-weighted count. */
  answered: number;
  weight: number;
}

const DAY = 86_400_000;
/** An answer a month old counts half as much as one given today. */
export const HALF_LIFE_DAYS = 30;
/** A code starts from its area's estimate, worth this many answers. */
export const CODE_PRIOR_ANSWERS = 4;
/** The interval's coverage: 80%, from the 10th to the 90th percentile. */
export const INTERVAL = [0.1, 0.9] as const;

export const recencyWeight = (at: number, now: number) => 0.5 ** (Math.max(0, now - at) / (HALF_LIFE_DAYS * DAY));

function posterior(alpha: number, beta: number, answered: number, weight: number): Estimate {
  return { mean: alpha / (alpha + beta), low: quantile(INTERVAL[0], alpha, beta), high: quantile(INTERVAL[1], alpha, beta), answered, weight };
}

function tally(answers: readonly Answer[], now: number) {
  let right = 0;
  let wrong = 0;
  for (const a of answers) {
    const w = recencyWeight(a.at, now);
    if (a.correct) right += w;
    else wrong += w;
  }
  return { right, wrong, weight: right + wrong };
}

/** An area from a uniform prior: Beta(1 + weighted right, 1 + weighted wrong). */
export function areaMastery(answers: readonly Answer[], now: number): Estimate {
  const t = tally(answers, now);
  return posterior(1 + t.right, 1 + t.wrong, answers.length, t.weight);
}

/** A code from its area's estimate as prior (worth 4 answers), updated by the code's own answers. */
export function codeMastery(answers: readonly Answer[], area: Estimate, now: number): Estimate {
  const t = tally(answers, now);
  return posterior(CODE_PRIOR_ANSWERS * area.mean + t.right, CODE_PRIOR_ANSWERS * (1 - area.mean) + t.wrong, answers.length, t.weight);
}

export interface AreaMastery extends Estimate {
  area: number;
  codes: ({ code: string } & Estimate)[];
}

/** Every area and code of the framework, from all of a candidate's answers. */
export function masteryByArea(answers: readonly Answer[], areas: readonly { number: number; codes: readonly { code: string }[] }[], now: number): AreaMastery[] {
  return areas.map((a) => {
    const mine = answers.filter((x) => x.area === a.number);
    const area = areaMastery(mine, now);
    return { area: a.number, ...area, codes: a.codes.map((c) => ({ code: c.code, ...codeMastery(mine.filter((x) => x.code === c.code), area, now) })) };
  });
}

const Z80 = 1.2815515655446004;

/**
 * Expected percent correct on a fresh 100-item form drawn by the official weights, with an 80%
 * range. The variance adds the uncertainty of each area's mastery (beta variance, seats² weighted)
 * and the luck of which items are drawn (binomial, seats × p(1 − p)); a normal approximation turns
 * it into a range, clipped to 0–100.
 */
export function readiness(areas: readonly { area: number; seats: number; alpha: number; beta: number }[]) {
  const total = areas.reduce((n, a) => n + a.seats, 0);
  let mean = 0;
  let variance = 0;
  for (const { seats, alpha, beta } of areas) {
    const p = alpha / (alpha + beta);
    const betaVariance = (alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
    mean += seats * p;
    variance += seats ** 2 * betaVariance + seats * (p * (1 - p) - betaVariance);
  }
  const sd = Math.sqrt(variance);
  const pct = (x: number) => Math.min(100, Math.max(0, (100 * x) / total));
  return { expected: pct(mean), low: pct(mean - Z80 * sd), high: pct(mean + Z80 * sd) };
}

/** Beta parameters of an estimate, for readiness. */
export function betaOf(answers: readonly Answer[], now: number): { alpha: number; beta: number } {
  const t = tally(answers, now);
  return { alpha: 1 + t.right, beta: 1 + t.wrong };
}

/**
 * Weak-area drill weights: each area's official weight times its shortfall from the target
 * mastery; when no area falls short, the official weights. Feed the result to apportion().
 */
export function drillWeights(areas: readonly { area: number; weight: number; mean: number }[], target: number): { area: number; weight: number }[] {
  const short = areas.map((a) => ({ area: a.area, weight: a.weight * Math.max(0, target - a.mean) }));
  return short.some((a) => a.weight > 0) ? short.filter((a) => a.weight > 0) : areas.map(({ area, weight }) => ({ area, weight }));
}
