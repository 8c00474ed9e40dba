import { describe, expect, it } from 'vitest';
import { percent, scoreAttempt, type ScoredSlot } from '../../server/domain/scoring.ts';
import { realFramework } from '../fixtures/bank.ts';

const framework = realFramework();
const slot = (slot: number, code: string, area: number, choice: ScoredSlot['choice'], answer: ScoredSlot['answer']): ScoredSlot => ({
  slot, itemId: `${code}-00${slot}`, code, area, choice, answer,
});

describe('scoreAttempt', () => {
  const slots = [
    slot(1, '1A', 1, 'A', 'A'),
    slot(2, '1B', 1, 'B', 'C'),
    slot(3, '4A', 4, null, 'D'),
    slot(4, '4A', 4, 'D', 'D'),
    slot(5, '10B', 10, 'B', 'B'),
  ];

  it('tallies overall, by category, by area and by code, in framework order', () => {
    const s = scoreAttempt(slots, framework);
    expect(s.score).toEqual({ correct: 3, total: 5, percent: 60 });
    expect(s.categories).toEqual([
      { id: 'I', correct: 1, total: 2, percent: 50 },
      { id: 'II', correct: 1, total: 2, percent: 50 },
      { id: 'III', correct: 1, total: 1, percent: 100 },
    ]);
    expect(s.areas.map((a) => [a.area, a.correct, a.total])).toEqual([[1, 1, 2], [4, 1, 2], [10, 1, 1]]);
    expect(s.codes).toEqual([
      { code: '1A', correct: 1, total: 1 },
      { code: '1B', correct: 0, total: 1 },
      { code: '4A', correct: 1, total: 2 },
      { code: '10B', correct: 1, total: 1 },
    ]);
  });

  it('counts an unanswered slot as wrong and rounds percents to one decimal', () => {
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 0)).toBe(0);
    expect(scoreAttempt([slot(1, '2A', 2, null, 'A')], framework).score).toEqual({ correct: 0, total: 1, percent: 0 });
  });
});
