// Part II, group and account rules in exact words and numbers: refusal messages, word counting,
// agreement measures, threshold tuning, the weakest-prompt pick, group sums and rankings, CSV cells,
// who inherits a group, and what confirms a deletion.
import { describe, expect, it } from 'vitest';
import { adjacentAgreement, exactAgreement, LEVEL_RANGE, levelAt, quadraticKappa, tuneThresholds } from '../../server/domain/agreement.ts';
import { essayDeadline, ESSAY_LIMITS, isNewer, pickWeakestPrompt, selfScoreKind, textProblem } from '../../server/domain/essay.ts';
import { gapBetween, levelsProblem, LEVELS, totalOf, type Rubric } from '../../server/domain/rubric.ts';
import { countWords } from '../../server/domain/words.ts';
import { aggregateVisible, csvCell, isOverdueDrill, misconceptions, rankWeakAreas, sumBy, toCsv } from '../../server/domain/groups.ts';
import { deleteConfirmed, heirOf, nameProblem, normaliseEmail, passwordProblem, passwordTooShort } from '../../server/domain/account.ts';

describe('words', () => {
  it('are runs of non-space characters', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('one')).toBe(1);
    expect(countWords('one\ttwo\nthree  four')).toBe(4);
    expect(countWords('\n one, two. ')).toBe(2);
  });
});

describe('essay limits: 100 KB and 10,000 words', () => {
  it('pins the limits', () => {
    expect(ESSAY_LIMITS).toEqual({ words: 10_000, bytes: 100_000 });
  });

  it('explains a refusal in kilobytes rounded up, or in words', () => {
    expect(textProblem('a'.repeat(100_001))).toEqual({ status: 413, code: 'essay_too_large', message: 'The text is 101 KB; an answer may be at most 100 KB. Your last saved text is kept.' });
    expect(textProblem('a'.repeat(150_000))?.message).toBe('The text is 150 KB; an answer may be at most 100 KB. Your last saved text is kept.');
    expect(textProblem('w '.repeat(10_001))).toEqual({ status: 400, code: 'essay_too_long', message: 'The text has 10001 words; an answer may have at most 10,000. Your last saved text is kept.' });
  });

  it('times a timed essay with the multiplier; practice stays untimed', () => {
    expect(essayDeadline('timed', 0, 40, 1)).toBe(40 * 60_000);
    expect(essayDeadline('timed', 0, 40, 2)).toBe(80 * 60_000);
    expect(essayDeadline('practice', 0, 40, 1)).toBeNull();
  });

  it('lets a higher revision win and names the two self-scores', () => {
    expect(isNewer(0, -1)).toBe(true);
    expect(isNewer(5, 5)).toBe(false);
    expect(selfScoreKind(-1)).toBeNull();
  });

  it('picks the weakest measured area with prompts, by share correct (not count), lower area on a tie', () => {
    const prompts = [{ id: 'p1', area: 1 }, { id: 'p4', area: 4 }, { id: 'p6', area: 6 }];
    const pick = (tallies: { area: number; correct: number; total: number }[]) => pickWeakestPrompt(prompts, tallies, () => 0).id;
    expect(pick([{ area: 1, correct: 5, total: 10 }, { area: 4, correct: 2, total: 3 }])).toBe('p1');
    expect(pick([{ area: 4, correct: 2, total: 3 }, { area: 1, correct: 5, total: 10 }])).toBe('p1');
    expect(pick([{ area: 6, correct: 1, total: 2 }, { area: 4, correct: 2, total: 4 }])).toBe('p4');
    expect(pick([{ area: 4, correct: 2, total: 4 }, { area: 6, correct: 1, total: 2 }])).toBe('p4');
    expect(pick([{ area: 6, correct: 9, total: 10 }, { area: 4, correct: 1, total: 10 }, { area: 1, correct: 5, total: 10 }])).toBe('p4');
    // The random pick is over the weakest area's prompts only.
    const two = [{ id: 'a', area: 2 }, { id: 'b', area: 2 }, { id: 'c', area: 3 }];
    expect(pickWeakestPrompt(two, [{ area: 2, correct: 0, total: 1 }], () => 0.5).id).toBe('b');
    expect(pickWeakestPrompt(two, [{ area: 2, correct: 0, total: 1 }], () => 0.49).id).toBe('a');
    expect(pickWeakestPrompt(two, [], () => 0.5).id).toBe('b');
    expect(pickWeakestPrompt(two, [], () => 0.7).id).toBe('c');
  });
});

describe('rubric scores', () => {
  const rubric: Rubric = {
    version: 'v', title: 't', levels: [],
    criteria: ['x', 'y'].map((id) => ({ id, name: id, question: '?', descriptors: { 4: 'a', 3: 'b', 2: 'c', 1: 'd' } })),
  };

  it('has levels 4, 3, 2, 1', () => {
    expect(LEVELS).toEqual([4, 3, 2, 1]);
    expect(LEVEL_RANGE).toEqual([1, 2, 3, 4]);
  });

  it('says exactly what is wrong', () => {
    expect(levelsProblem(rubric, { z: 1 })).toBe('z is not a criterion of this rubric; use x, y.');
    expect(levelsProblem(rubric, { x: 2.5 })).toBe('2.5 is not a level for x; levels are 4, 3, 2 and 1.');
    expect(levelsProblem(rubric, {})).toBe('Give a level for every criterion; missing: x, y.');
    expect(levelsProblem(rubric, { y: 1 })).toBe('Give a level for every criterion; missing: x.');
    expect(levelsProblem(rubric, { x: 1, y: 4 })).toBeNull();
  });

  it('totals and measures a gap as the mean absolute difference over the reference’s criteria', () => {
    expect(totalOf({})).toBe(0);
    expect(totalOf({ x: 4, y: 4, z: 4, u: 4, v: 4 })).toBe(20);
    expect(gapBetween({ x: 1, y: 4 }, { x: 4, y: 1 })).toBe(3);
    expect(gapBetween({ x: 4, y: 2 }, { x: 1, y: 3 })).toBe(2);
  });
});

describe('agreement', () => {
  it('exact and adjacent agreement compare position by position', () => {
    expect(exactAgreement([1, 2], [2, 2])).toBe(0.5);
    expect(adjacentAgreement([1, 4], [3, 4])).toBe(0.5);
    expect(adjacentAgreement([2, 4], [1, 3])).toBe(1);
    expect(adjacentAgreement([1], [3])).toBe(0);
  });

  it('kappa accepts other level sets and weights distance squared', () => {
    expect(quadraticKappa([0, 1], [0, 1], [0, 1])).toBe(1);
    expect(quadraticKappa([0, 1, 1], [0, 0, 1], [0, 1])).toBeCloseTo(0.4, 12);
    expect(quadraticKappa([1, 2], [2, 1])).toBe(-1);
    // One rater constant, the other not: no expected disagreement but some observed → 0.
    expect(quadraticKappa([2, 2], [2, 3])).toBe(0);
    // Observed 4/9 (a 1 read as 3); expected from the margins.
    expect(quadraticKappa([1, 3, 3], [3, 3, 3])).toBe(0);
    // Observed 3/9 (three one-step misses); expected 10/9 from the margins: 1 − 0.3.
    expect(quadraticKappa([1, 2, 3, 4], [2, 3, 4, 4])).toBeCloseTo(0.7, 12);
  });

  it('levels: strength at or above each threshold adds one', () => {
    expect(levelAt(0.5, [0.5, 0.5, 0.5])).toBe(4);
    expect(levelAt(0.4999, [0.5, 0.5, 0.5])).toBe(1);
    expect(levelAt(0.6, [0.1, 0.5, 0.7])).toBe(3);
  });

  it('tunes cuts from midpoints and the ends (±0.001), rounded to thousandths', () => {
    expect(tuneThresholds([0.5, 0.5], [4, 4])).toEqual({ thresholds: [0.499, 0.499, 0.499], kappa: 1, exact: 1 });
    expect(tuneThresholds([0.2, 0.8], [1, 1])).toEqual({ thresholds: [0.801, 0.801, 0.801], kappa: 1, exact: 1 });
    expect(tuneThresholds([0.1, 0.2, 0.3], [2, 2, 3])).toEqual({ thresholds: [0.099, 0.25, 0.301], kappa: 1, exact: 1 });
    expect(tuneThresholds([0.12345, 0.5], [1, 2]).thresholds[0]).toBe(0.312);
  });
});

describe('group figures', () => {
  it('shows members a figure only from 3 contributors; coaches and owners always', () => {
    expect(aggregateVisible(2, 'member')).toBe(false);
    expect(aggregateVisible(3, 'member')).toBe(true);
    expect(aggregateVisible(0, 'coach')).toBe(true);
  });

  it('sums counts by key, with percent, and zero for a key without rows', () => {
    const at = sumBy([{ k: 'a', correct: 1, total: 2 }, { k: 'b', correct: 3, total: 3 }, { k: 'a', correct: 2, total: 4 }], (r) => r.k);
    expect(at('a')).toEqual({ correct: 3, total: 6, percent: 50 });
    expect(at('b')).toEqual({ correct: 3, total: 3, percent: 100 });
    expect(at('z')).toEqual({ correct: 0, total: 0, percent: 0 });
  });

  it('ranks weak areas by share, then weight, then number, whatever the input order', () => {
    const r = (area: number, weight: number, correct: number, total: number) => ({ area, weight, correct, total });
    expect(rankWeakAreas([r(3, 6, 1, 2), r(2, 15, 1, 2), r(1, 15, 2, 4), r(5, 15, 0, 1)]).map((x) => x.area)).toEqual([5, 1, 2, 3]);
    expect(rankWeakAreas([r(1, 15, 0, 0)])).toEqual([]);
  });

  it('orders misconceptions by share wrong, then count wrong, then item id; the tempting option by count, then letter', () => {
    const keys = new Map([['b', 'A'], ['e', 'A'], ['a', 'A'], ['c', 'A'], ['d', 'D']]);
    const counts = [
      { itemId: 'e', choice: 'B' as const, count: 1 }, { itemId: 'e', choice: 'A' as const, count: 1 },
      { itemId: 'b', choice: 'B' as const, count: 2 }, { itemId: 'b', choice: 'A' as const, count: 2 },
      { itemId: 'a', choice: 'C' as const, count: 1 }, { itemId: 'a', choice: 'A' as const, count: 1 },
      { itemId: 'c', choice: 'D' as const, count: 2 }, { itemId: 'c', choice: 'C' as const, count: 2 }, { itemId: 'c', choice: 'A' as const, count: 4 },
      { itemId: 'd', choice: 'C' as const, count: 3 }, { itemId: 'd', choice: 'B' as const, count: 3 }, { itemId: 'd', choice: 'A' as const, count: 1 }, { itemId: 'd', choice: 'D' as const, count: 3 },
    ];
    const out = misconceptions(counts, keys, 10);
    expect(out.map((m) => [m.itemId, m.wrong, m.answered, m.percentWrong, m.tempting])).toEqual([
      ['d', 7, 10, 70, 'B'],
      ['c', 4, 8, 50, 'C'],
      ['b', 2, 4, 50, 'B'],
      ['a', 1, 2, 50, 'C'],
      ['e', 1, 2, 50, 'B'],
    ]);
    expect(misconceptions(counts, keys, 0)).toEqual([]);
  });

  it('is overdue only strictly after the due time and while unfinished', () => {
    expect(isOverdueDrill('not_started', 100, 101)).toBe(true);
    expect(isOverdueDrill('not_started', 100, 99)).toBe(false);
    expect(isOverdueDrill('started', null, 101)).toBe(false);
  });

  it('writes CSV cells and rows exactly', () => {
    expect(csvCell(0)).toBe('0');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(csvCell('x=1')).toBe('x=1');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell('-')).toBe("'-");
    expect(toCsv([])).toBe('\r\n');
    expect(toCsv([['a,b', 'c'], [1]])).toBe('"a,b",c\r\n1\r\n');
  });
});

describe('accounts', () => {
  const isCommon = (p: string) => p === 'letmeinletmein1' || p === 'abcd';

  it('counts 15 characters as enough, 14 as short', () => {
    expect(passwordTooShort('x'.repeat(15))).toBe(false);
    expect(passwordTooShort('x'.repeat(14))).toBe(true);
    const emoji = (n: number) => Array.from({ length: n }, (_, i) => String.fromCodePoint(0x1f600 + i)).join('');
    expect(passwordProblem(emoji(128), () => false)).toBeNull(); // 128 characters, 256 UTF-16 units
    expect(passwordProblem(emoji(129), () => false)?.error).toBe('password_too_long');
  });

  it('screens the folded password, a repeated unit on the list, and nothing else without context', () => {
    expect(passwordProblem('LetMeInLetMeIn1', isCommon)?.error).toBe('password_common');
    expect(passwordProblem('abcdabcdabcdabcd', isCommon)?.error).toBe('password_common');
    expect(passwordProblem('stryker was here, a phrase', () => false)).toBeNull();
    expect(passwordProblem('unrelated words in a row', () => false, [])).toBeNull();
  });

  it('screens context words trimmed, in any case, of 4 characters or more', () => {
    expect(passwordProblem('xyzhopperxyzhopper1', () => false, ['  HOPPER  '])?.error).toBe('password_common');
    expect(passwordProblem('what a lovely day for amy', () => false, ['  amy  '])).toBeNull();
    expect(passwordProblem('what a lovely day for anna', () => false, ['anna'])?.error).toBe('password_common');
    expect(passwordProblem('the whole phrase is here', () => false, ['the whole phrase is here'])?.error).toBe('password_common');
    expect(passwordProblem('the whole phrase is here', () => false, ['something else', 'not in it'])).toBeNull();
  });

  it('refuses unsafe names and accepts ordinary ones', () => {
    expect(nameProblem('')).toBe('Enter your name.');
    expect(nameProblem('Pat\nSmith')).toBe('Names may not contain control characters or text-direction overrides.');
    expect(nameProblem('Pat\u2028Smith')).not.toBeNull();
    expect(nameProblem('Pat\u2029Smith')).not.toBeNull();
    expect(nameProblem('Pat\u061CSmith')).not.toBeNull();
    expect(nameProblem('Pat\u200ESmith')).not.toBeNull();
    expect(nameProblem('Pat\u202ASmith')).not.toBeNull();
    expect(nameProblem('Pat\u2069Smith')).not.toBeNull();
    expect(nameProblem(' Pat Smith ')).toBeNull();
  });

  it('normalises email and confirms a deletion by the typed address', () => {
    expect(normaliseEmail('  Pat@Example.COM ')).toBe('pat@example.com');
    expect(deleteConfirmed(' PAT@example.com ', 'pat@Example.com')).toBe(true);
    expect(deleteConfirmed('pat@example.org', 'pat@example.com')).toBe(false);
  });

  it('hands a group to the longest-serving coach (then the lower id), never to a member or the leaver', () => {
    const m = (userId: number, role: string, joinedAt: number) => ({ userId, role, joinedAt });
    expect(heirOf([m(1, 'owner', 0), m(5, 'coach', 30), m(3, 'coach', 20), m(2, 'member', 1)], 1)).toBe(3);
    expect(heirOf([m(1, 'owner', 0), m(5, 'coach', 20), m(3, 'coach', 20)], 1)).toBe(3);
    expect(heirOf([m(1, 'coach', 0), m(5, 'coach', 20)], 1)).toBe(5);
    expect(heirOf([m(1, 'owner', 0), m(2, 'member', 1)], 1)).toBeNull();
    expect(heirOf([], 1)).toBeNull();
  });
});
