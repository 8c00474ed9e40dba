// The rubric's score rules and the essay rules, with the documented numbers written out:
// 10,000 words or 100 KB at most, the Part I clock (accommodation, 30 s grace) for timed essays.
import { describe, expect, it } from 'vitest';
import { gapBetween, levelsProblem, totalOf, type Rubric } from '../../server/domain/rubric.ts';
import { essayDeadline, isNewer, pickWeakestPrompt, selfScoreKind, textProblem } from '../../server/domain/essay.ts';
import { acceptsResponses } from '../../server/domain/attempt.ts';

const descriptors = { 4: 'four', 3: 'three', 2: 'two', 1: 'one' };
const rubric: Rubric = {
  version: 'v1',
  title: 't',
  levels: [{ level: 4, name: 'Highly Effective' }, { level: 3, name: 'Effective' }, { level: 2, name: 'Improvement Necessary' }, { level: 1, name: 'Ineffective' }],
  criteria: ['understanding', 'strategy', 'audience'].map((id) => ({ id, name: id, question: '?', descriptors })),
};

describe('a score against the rubric', () => {
  it('accepts a level 1–4 for every criterion', () => {
    expect(levelsProblem(rubric, { understanding: 4, strategy: 1, audience: 3 })).toBeNull();
  });

  it('names an unknown criterion, a level outside 1–4, and missing criteria', () => {
    expect(levelsProblem(rubric, { understanding: 4, strategy: 1, audience: 3, tone: 2 })).toMatch(/tone is not a criterion/);
    expect(levelsProblem(rubric, { understanding: 5, strategy: 1, audience: 3 })).toMatch(/5 is not a level for understanding/);
    expect(levelsProblem(rubric, { understanding: 0, strategy: 1, audience: 3 })).toMatch(/0 is not a level/);
    expect(levelsProblem(rubric, { understanding: 2 })).toMatch(/missing: strategy, audience/);
  });

  it('totals the levels and measures a calibration gap in levels', () => {
    expect(totalOf({ understanding: 4, strategy: 1, audience: 3 })).toBe(8);
    expect(gapBetween({ understanding: 4, strategy: 1, audience: 3 }, { understanding: 3, strategy: 3, audience: 3 })).toBe(1);
    expect(gapBetween({ a: 2, b: 2 }, { a: 2, b: 2 })).toBe(0);
  });
});

describe('essay rules', () => {
  const MINUTE = 60_000;

  it('times a timed essay by the prompt and the accommodation; practice is untimed', () => {
    expect(essayDeadline('timed', 1_000, 30, 1)).toBe(1_000 + 30 * MINUTE);
    expect(essayDeadline('timed', 1_000, 30, 1.5)).toBe(1_000 + 45 * MINUTE);
    expect(essayDeadline('practice', 1_000, 30, 1.5)).toBeNull();
  });

  it('takes saves for 30 seconds after the deadline, not after', () => {
    const essay = { status: 'open' as const, deadline: 30 * MINUTE };
    expect(acceptsResponses(essay, 30 * MINUTE + 30_000)).toBe(true);
    expect(acceptsResponses(essay, 30 * MINUTE + 30_001)).toBe(false);
  });

  it('refuses text over 100 KB with 413 and over 10,000 words with 400', () => {
    expect(textProblem('a'.repeat(100_000))).toBeNull();
    expect(textProblem('a'.repeat(100_001))).toMatchObject({ status: 413, code: 'essay_too_large' });
    // Bytes, not characters: 50,001 two-byte letters are 100,002 bytes.
    expect(textProblem('é'.repeat(50_001))).toMatchObject({ status: 413 });
    expect(textProblem('w '.repeat(10_000))).toBeNull();
    expect(textProblem('w '.repeat(10_001))).toMatchObject({ status: 400, code: 'essay_too_long' });
    expect(textProblem('')).toBeNull();
  });

  it('lets only a higher revision replace the saved text', () => {
    expect(isNewer(2, 1)).toBe(true);
    expect(isNewer(1, 1)).toBe(false);
    expect(isNewer(1, 2)).toBe(false);
  });

  it('gives the writer a first self-score and one revised score after the exemplar', () => {
    expect([0, 1, 2, 3].map(selfScoreKind)).toEqual(['self', 'self_revised', null, null]);
  });

  it('picks a prompt in the weakest Part I area, the lower area on a tie, any prompt without results', () => {
    const prompts = [{ id: 'a', area: 1 }, { id: 'b', area: 2 }, { id: 'c', area: 2 }, { id: 'd', area: 3 }];
    const first = () => 0;
    const last = () => 0.999;
    const tallies = [{ area: 1, correct: 8, total: 10 }, { area: 2, correct: 5, total: 10 }, { area: 3, correct: 9, total: 10 }];
    expect(pickWeakestPrompt(prompts, tallies, first).id).toBe('b');
    expect(pickWeakestPrompt(prompts, tallies, last).id).toBe('c');
    expect(pickWeakestPrompt(prompts, [{ area: 1, correct: 1, total: 2 }, { area: 3, correct: 2, total: 4 }], first).id).toBe('a');
    expect(pickWeakestPrompt(prompts, [{ area: 3, correct: 2, total: 4 }, { area: 1, correct: 1, total: 2 }], first).id).toBe('a');
    // Areas without prompts, and areas never answered, do not count.
    expect(pickWeakestPrompt(prompts, [{ area: 7, correct: 0, total: 10 }, { area: 2, correct: 0, total: 0 }, { area: 3, correct: 1, total: 10 }], first).id).toBe('d');
    expect(pickWeakestPrompt(prompts, [], last).id).toBe('d');
    expect(pickWeakestPrompt(prompts, [], first).id).toBe('a');
  });
});
