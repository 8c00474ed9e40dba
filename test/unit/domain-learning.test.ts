// Learning rules at their edges: the posterior arithmetic (uniform prior, a code prior worth 4
// answers, a 30-day half-life, an 80% interval), readiness clipped to 0–100, weak-area weights,
// FSRS due dates around the exam day, and the self-rating scale at 50/60/70/80%.
import { describe, expect, it } from 'vitest';
import { areaMastery, betaOf, codeMastery, drillWeights, masteryByArea, readiness, recencyWeight, type Answer } from '../../server/domain/mastery.ts';
import { ratingFor, schedule, startsCard } from '../../server/domain/review.ts';
import { disagreements, measuredRating, SELF_RATING_LABELS } from '../../server/domain/self-rating.ts';

const DAY = 86_400_000;
const NOW = 1_800_000_000_000;
const ans = (code: string, correct: boolean, at = NOW): Answer => ({ code, area: Number.parseInt(code, 10), correct, at });

describe('mastery arithmetic', () => {
  it('weights each answer by 0.5 per 30 days of age; a future answer counts fully', () => {
    expect(recencyWeight(NOW - 15 * DAY, NOW)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(recencyWeight(NOW - 90 * DAY, NOW)).toBeCloseTo(0.125, 12);
    expect(recencyWeight(NOW + DAY, NOW)).toBe(1);
  });

  it('is Beta(1 + weighted right, 1 + weighted wrong), with answers and weight reported', () => {
    const e = areaMastery([ans('1A', true), ans('1A', false, NOW - 30 * DAY)], NOW);
    expect(e.mean).toBeCloseTo(2 / 3.5, 12);
    expect(e.answered).toBe(2);
    expect(e.weight).toBeCloseTo(1.5, 12);
    // The 10th and 90th percentiles of Beta(2, 1.5).
    expect(e.low).toBeCloseTo(0.24136252063457034, 9);
    expect(e.high).toBeCloseTo(0.8769007443895808, 9);
    expect(betaOf([ans('1A', true), ans('1A', false, NOW - 30 * DAY)], NOW)).toEqual({ alpha: 2, beta: 1.5 });
    expect(betaOf([], NOW)).toEqual({ alpha: 1, beta: 1 });
  });

  it('starts a code from its area’s mean worth 4 answers: Beta(4m + right, 4(1 − m) + wrong)', () => {
    const e = codeMastery([ans('1A', true), ans('1A', true)], areaMastery([], NOW), NOW);
    expect(e.mean).toBeCloseTo(4 / 6, 12); // Beta(2 + 2, 2)
    expect(e.low).toBeCloseTo(0.4161096253804711, 9);
    expect(e.high).toBeCloseTo(0.8877650414541415, 9);
    expect(e.answered).toBe(2);
    expect(e.weight).toBe(2);
  });

  it('lists every area and code, each from its own answers only', () => {
    const all = masteryByArea(
      [ans('1A', true), ans('1B', false), ans('2A', true)],
      [{ number: 1, codes: [{ code: '1A' }, { code: '1B' }] }, { number: 2, codes: [{ code: '2A' }] }, { number: 3, codes: [] }],
      NOW,
    );
    expect(all.map((a) => [a.area, a.answered, a.codes.map((c) => [c.code, c.answered])])).toEqual([
      [1, 2, [['1A', 1], ['1B', 1]]],
      [2, 1, [['2A', 1]]],
      [3, 0, []],
    ]);
    expect(all[0].mean).toBe(0.5);
    expect(all[0].codes[0].mean).toBeCloseTo(3 / 5, 12); // Beta(2 + 1, 2)
    expect(all[0].codes[1].mean).toBeCloseTo(2 / 5, 12);
    expect(all[1].mean).toBeCloseTo(2 / 3, 12);
    expect(all[1].codes[0].mean).toBeCloseTo((4 * (2 / 3) + 1) / 5, 12);
    expect(all[2].mean).toBe(0.5);
  });
});

describe('readiness', () => {
  it('is the seat-weighted mean with an 80% range (z = 1.2816) from beta and draw variance', () => {
    const r = readiness([{ area: 1, seats: 50, alpha: 3, beta: 1 }, { area: 2, seats: 50, alpha: 1, beta: 1 }]);
    expect(r.expected).toBeCloseTo(62.5, 10);
    // Var = 50²·(3/80) + 50·(3/16 − 3/80) + 50²·(1/12) + 50·(1/4 − 1/12) = 93.75 + 7.5 + 208.33 + 8.33.
    const sd = Math.sqrt(2500 * (3 / 80) + 50 * (3 / 16 - 3 / 80) + 2500 / 12 + 50 * (1 / 4 - 1 / 12));
    expect(r.low).toBeCloseTo(62.5 - 1.2815515655446004 * sd, 8);
    expect(r.high).toBeCloseTo(62.5 + 1.2815515655446004 * sd, 8);
  });

  it('clips the range at 0 and at 100', () => {
    const low = readiness([{ area: 1, seats: 1, alpha: 1, beta: 100 }]);
    expect(low.low).toBe(0);
    expect(low.expected).toBeCloseTo(100 / 101, 10);
    expect(low.high).toBeCloseTo(13.678728371728718, 8);
    const high = readiness([{ area: 1, seats: 1, alpha: 100, beta: 1 }]);
    expect(high.high).toBe(100);
    expect(high.low).toBeCloseTo(86.32127162827128, 8);
  });
});

describe('weak-area drill weights', () => {
  it('is weight × (target − mean) for areas below target only', () => {
    const w = drillWeights([{ area: 1, weight: 10, mean: 0.5 }, { area: 2, weight: 20, mean: 0.7 }, { area: 3, weight: 5, mean: 0.8 }], 0.8);
    expect(w.map((x) => x.area)).toEqual([1, 2]);
    expect(w[0].weight).toBeCloseTo(3, 12);
    expect(w[1].weight).toBeCloseTo(2, 12);
  });

  it('falls back to the official weights when every area is at or above target', () => {
    expect(drillWeights([{ area: 1, weight: 10, mean: 0.8 }, { area: 2, weight: 20, mean: 0.95 }], 0.8)).toEqual([{ area: 1, weight: 10 }, { area: 2, weight: 20 }]);
    expect(drillWeights([], 0.8)).toEqual([]);
  });
});

describe('FSRS review around the exam day', () => {
  const wrong = { correct: false, guessed: false };

  it('stores the card with dates as text and reports the due time', () => {
    const s = schedule(null, wrong, NOW, null);
    expect(s.due).toBe(NOW + DAY);
    expect(s.card.due).toBe(new Date(NOW + DAY).toISOString());
    expect(s.card.last_review).toBe(new Date(NOW).toISOString());
    expect(s.card.reps).toBe(1);
  });

  it('reschedules a stored card from its stored state', () => {
    const first = schedule(null, wrong, NOW, null);
    const again = schedule(first.card, wrong, first.due, null);
    expect(again.card.reps).toBe(2);
    expect(again.card.lapses).toBe(1);
    expect(again.due).toBe(first.due + DAY);
  });

  it('brings a review due on or after the exam day to the day before, or to now if that day has come', () => {
    expect(schedule(null, wrong, NOW, NOW + 2 * DAY).due).toBe(NOW + DAY); // due before the exam: unchanged
    expect(schedule(null, { correct: true, guessed: true }, NOW, NOW + 2 * DAY).due).toBe(NOW + DAY); // due on exam day
    expect(schedule(null, { correct: true, guessed: true }, NOW, NOW + 3 * DAY).due).toBe(NOW + 2 * DAY); // due the day before
    expect(schedule(null, wrong, NOW, NOW + DAY).due).toBe(NOW); // the day before is today
    expect(schedule(null, wrong, NOW, NOW + DAY / 2).due).toBe(NOW); // the day before has passed
    expect(schedule(null, wrong, NOW, NOW).due).toBe(NOW + DAY); // exam today or past: unchanged
    expect(schedule(null, wrong, NOW, NOW + DAY / 2).card.due).toBe(new Date(NOW).toISOString());
  });

  it('rates and starts cards from correctness and confidence', () => {
    expect(ratingFor({ correct: true, guessed: false })).toBe(3);
    expect(startsCard({ correct: false, guessed: true })).toBe(true);
  });
});

describe('self-rating', () => {
  it('has five labels from “need help” to “excel”', () => {
    expect(SELF_RATING_LABELS).toEqual(['need help', 'shaky', 'getting there', 'solid', 'excel']);
  });

  it('places measured mastery on the scale at 50, 60, 70 and 80%', () => {
    expect([0, 0.4999, 0.5, 0.5999, 0.6, 0.6999, 0.7, 0.7999, 0.8, 1].map(measuredRating)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('compares from 5 answers on, largest gap first, then lower area, 3 by default', () => {
    const areas = [
      { area: 4, mean: 0.9, answered: 5, selfRating: 3 }, // gap 2
      { area: 2, mean: 0.9, answered: 50, selfRating: 3 }, // gap 2
      { area: 3, mean: 0.3, answered: 9, selfRating: 4 }, // gap 3
      { area: 1, mean: 0.9, answered: 9, selfRating: 4 }, // gap 1
      { area: 5, mean: 0.9, answered: 9, selfRating: 5 }, // no gap
      { area: 6, mean: 0.1, answered: 4, selfRating: 5 }, // too few answers
    ];
    expect(disagreements(areas)).toEqual([
      { area: 3, selfRating: 4, measuredRating: 1, gap: 3 },
      { area: 2, selfRating: 3, measuredRating: 5, gap: 2 },
      { area: 4, selfRating: 3, measuredRating: 5, gap: 2 },
    ]);
    expect(disagreements(areas, 10).map((d) => d.area)).toEqual([3, 2, 4, 1]);
    expect(disagreements(areas, 1).map((d) => d.area)).toEqual([3]);
  });
});
