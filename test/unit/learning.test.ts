// The learning engine's rules: evidence narrows the interval, recent answers count more, readiness
// combines areas by the official weights, weak-area drills give weaker areas more seats, FSRS
// ratings follow correctness and confidence, and reviews land before the exam day.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { areaMastery, codeMastery, drillWeights, readiness, recencyWeight, type Answer } from '../../server/domain/mastery.ts';
import { apportion } from '../../server/domain/blueprint.ts';
import { ratingFor, schedule, startsCard } from '../../server/domain/review.ts';
import { disagreements, measuredRating } from '../../server/domain/self-rating.ts';

const DAY = 86_400_000;
const NOW = 1_800_000_000_000;
const answers = (right: number, wrong: number, at = NOW, code = '1A'): Answer[] => [
  ...Array.from({ length: right }, () => ({ code, area: 1, correct: true, at })),
  ...Array.from({ length: wrong }, () => ({ code, area: 1, correct: false, at })),
];

describe('mastery', () => {
  it('starts at one half with a wide interval and narrows as answers come in', () => {
    const none = areaMastery([], NOW);
    expect(none.mean).toBe(0.5);
    expect(none.low).toBeCloseTo(0.1, 10);
    expect(none.high).toBeCloseTo(0.9, 10);
    const few = areaMastery(answers(3, 1), NOW);
    const many = areaMastery(answers(30, 10), NOW);
    expect(few.mean).toBeCloseTo(4 / 6, 10);
    expect(many.mean).toBeCloseTo(31 / 42, 10);
    expect(many.high - many.low).toBeLessThan(few.high - few.low);
    expect(few.high - few.low).toBeLessThan(none.high - none.low);
  });

  it('counts an answer a month old half as much as one given today', () => {
    expect(recencyWeight(NOW, NOW)).toBe(1);
    expect(recencyWeight(NOW - 30 * DAY, NOW)).toBeCloseTo(0.5, 10);
    expect(recencyWeight(NOW - 60 * DAY, NOW)).toBeCloseTo(0.25, 10);
    // Old failures and recent successes: recent evidence pulls the estimate up.
    const mixed = [...answers(0, 5, NOW - 90 * DAY), ...answers(5, 0, NOW)];
    expect(areaMastery(mixed, NOW).mean).toBeGreaterThan(0.75);
    const reversed = [...answers(5, 0, NOW - 90 * DAY), ...answers(0, 5, NOW)];
    expect(areaMastery(reversed, NOW).mean).toBeLessThan(0.3);
    expect(areaMastery(mixed, NOW).answered).toBe(10);
  });

  it('starts a code from its area (worth 4 answers) and moves it with the code’s own answers', () => {
    const area = areaMastery(answers(8, 2), NOW);
    expect(codeMastery([], area, NOW).mean).toBeCloseTo(area.mean, 10);
    expect(codeMastery(answers(0, 4), area, NOW).mean).toBeCloseTo((4 * area.mean) / 8, 10);
  });
});

describe('readiness', () => {
  it('weights areas by their seats', () => {
    const r = readiness([{ area: 1, seats: 90, alpha: 90, beta: 10 }, { area: 2, seats: 10, alpha: 10, beta: 90 }]);
    expect(r.expected).toBeCloseTo(82, 10);
    const swapped = readiness([{ area: 1, seats: 10, alpha: 90, beta: 10 }, { area: 2, seats: 90, alpha: 10, beta: 90 }]);
    expect(swapped.expected).toBeCloseTo(18, 10);
  });

  it('is a range that narrows with evidence and stays within 0–100', () => {
    const thin = readiness([{ area: 1, seats: 100, alpha: 2, beta: 2 }]);
    const thick = readiness([{ area: 1, seats: 100, alpha: 200, beta: 200 }]);
    expect(thin.expected).toBeCloseTo(50, 10);
    expect(thick.high - thick.low).toBeLessThan(thin.high - thin.low);
    expect(thin.low).toBeGreaterThanOrEqual(0);
    expect(thin.high).toBeLessThanOrEqual(100);
    // 100 items at about 50%: the draw alone gives sd 5 points (±6.4 for 80%); Beta(200, 200) adds
    // 100² × 0.25 / 401 ≈ 6.2 to the variance: sd √31.2 ≈ 5.58, so ±7.16.
    expect(thick.high - thick.expected).toBeCloseTo(1.2816 * Math.sqrt(100 * (0.25 - 0.25 / 401) + 10_000 * (0.25 / 401)), 3);
  });
});

describe('weak-area drills', () => {
  it('gives seats by weight × shortfall from the target; at or above target, none', () => {
    expect(drillWeights([{ area: 1, weight: 15, mean: 0.55 }, { area: 2, weight: 15, mean: 0.65 }, { area: 3, weight: 6, mean: 0.9 }], 0.75)
      .map((w) => [w.area, Math.round(w.weight * 100) / 100])).toEqual([[1, 3], [2, 1.5]]);
    expect(drillWeights([{ area: 1, weight: 15, mean: 0.8 }, { area: 2, weight: 6, mean: 0.9 }], 0.75)).toEqual([{ area: 1, weight: 15 }, { area: 2, weight: 6 }]);
  });

  it('hands out exactly N seats, and a weaker area never gets fewer than a stronger one of equal weight', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 10, maxLength: 10 }), fc.integer({ min: 1, max: 60 }), (means, n) => {
        const weights = [15, 15, 6, 18, 15, 7, 2, 10, 5, 7];
        const seats = apportion(n, drillWeights(means.map((mean, i) => ({ area: i + 1, weight: weights[i], mean })), 0.75));
        expect(seats.reduce((s, a) => s + a.count, 0)).toBe(n);
        const of = (area: number) => seats.find((s) => s.area === area)?.count ?? 0;
        // Areas 1, 2 and 5 share the weight 15.
        for (const [a, b] of [[1, 2], [1, 5], [2, 5]]) {
          if (means[a - 1] < means[b - 1]) expect(of(a)).toBeGreaterThanOrEqual(of(b));
        }
      }),
      { numRuns: 500, seed: 12 },
    );
  });
});

describe('spaced review (FSRS)', () => {
  it('maps a wrong answer to Again, a right guess to Hard, a sure right answer to Good', () => {
    expect(ratingFor({ correct: false, guessed: false })).toBe(1);
    expect(ratingFor({ correct: false, guessed: true })).toBe(1);
    expect(ratingFor({ correct: true, guessed: true })).toBe(2);
    expect(ratingFor({ correct: true, guessed: false })).toBe(3);
    expect([startsCard({ correct: false, guessed: false }), startsCard({ correct: true, guessed: true }), startsCard({ correct: true, guessed: false })]).toEqual([true, true, false]);
  });

  it('brings a missed item back the next day, a right guess after 2 days, and a right one later each time', () => {
    const missed = schedule(null, { correct: false, guessed: false }, NOW, null);
    expect(missed.due - NOW).toBe(DAY);
    expect(schedule(null, { correct: true, guessed: true }, NOW, null).due - NOW).toBe(2 * DAY);
    const once = schedule(missed.card, { correct: true, guessed: false }, missed.due, null);
    const twice = schedule(once.card, { correct: true, guessed: false }, once.due, null);
    expect(twice.due - once.due).toBeGreaterThan(once.due - missed.due);
  });

  it('schedules nothing on or after the exam day: such a review comes the day before', () => {
    let card = schedule(null, { correct: true, guessed: true }, NOW, null);
    for (let i = 0; i < 4; i++) card = schedule(card.card, { correct: true, guessed: false }, card.due, null);
    const free = schedule(card.card, { correct: true, guessed: false }, card.due, null);
    const exam = card.due + Math.floor((free.due - card.due) / 2);
    const bounded = schedule(card.card, { correct: true, guessed: false }, card.due, exam);
    expect(bounded.due).toBe(exam - DAY);
    // An exam already past does not hold reviews back.
    expect(schedule(card.card, { correct: true, guessed: false }, card.due, card.due - DAY).due).toBe(free.due);
  });
});

describe('self-ratings against measurement', () => {
  it('maps mastery to the five points at 50, 60, 70 and 80%', () => {
    expect([0.49, 0.5, 0.59, 0.6, 0.7, 0.79, 0.8].map(measuredRating)).toEqual([1, 2, 2, 3, 4, 4, 5]);
  });

  it('lists the biggest gaps first, only with 5 answers or more and a rating given', () => {
    const list = disagreements([
      { area: 1, mean: 0.45, answered: 10, selfRating: 5 },
      { area: 2, mean: 0.85, answered: 10, selfRating: 3 },
      { area: 3, mean: 0.45, answered: 4, selfRating: 5 },
      { area: 4, mean: 0.65, answered: 10, selfRating: 3 },
      { area: 5, mean: 0.65, answered: 10, selfRating: null },
    ]);
    expect(list).toEqual([{ area: 1, selfRating: 5, measuredRating: 1, gap: 4 }, { area: 2, selfRating: 3, measuredRating: 5, gap: 2 }]);
  });
});
