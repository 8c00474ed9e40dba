// Edge cases found by mutation testing in the Part II reading, threshold tuning and group rules:
// each test states a behaviour that a plausible slip in the code would change.
import { describe, expect, it } from 'vitest';
import { readEssay } from '../../server/domain/reading/reading.ts';
import { analyse } from '../../server/domain/reading/text.ts';
import type { KeyPoint } from '../../server/domain/part2.ts';
import { board, MFA, promptWith } from '../fixtures/reading.ts';
import { tuneThresholds } from '../../server/domain/agreement.ts';
import { misconceptions } from '../../server/domain/groups.ts';
import { shortfallMessage } from '../../server/domain/assembly.ts';
import { schedule } from '../../server/domain/review.ts';

const jargon = [
  MFA,
  { term: 'LMS', means: 'learning management system for a school' },
  { term: 'SSO', means: 'single sign-on (one login)' },
  { term: '.NET', means: 'a software framework' },
  { term: 'P.E.', means: 'physical education' },
  { term: 'SIS', means: 'student information system' },
];
const read = (text: string, keyPoints: KeyPoint[] = []) => readEssay(text, promptWith('P99-03', keyPoints), board, jargon, null);
const terms = (text: string) => read(text).jargon.map((j) => j.term);

describe('key point phrases', () => {
  it('a phrase of stop words only is matched on those words', () => {
    expect(read('We go first.', [{ id: 'K', point: 'p', evidence: ['first'] }]).keyPoints[0].covered).toBe(true);
    expect(read('We go later.', [{ id: 'K', point: 'p', evidence: ['first'] }]).keyPoints[0].covered).toBe(false);
  });

  it('a phrase with no words matches nothing', () => {
    expect(read('We go first.', [{ id: 'K', point: 'p', evidence: ['...'] }]).keyPoints[0]).toEqual({ id: 'K', point: 'p', covered: false, evidence: [] });
  });

  it('quotes only the first sentence of each covered point as understanding evidence', () => {
    const r = read('We run a pilot program. The pilot program works.', [{ id: 'K', point: 'p', evidence: ['pilot program'] }]);
    expect(r.keyPoints[0].evidence).toEqual([{ start: 0, end: 23 }, { start: 24, end: 48 }]);
    expect(r.criteria[0].evidence).toEqual([{ start: 0, end: 23 }]);
  });
});

describe('jargon edge cases', () => {
  it('matches a term with dots literally and case-insensitively when it is not an acronym', () => {
    expect(terms('We use p.e. now.')).toEqual(['P.E.']);
    expect(terms('We use pxex now.')).toEqual([]);
    // ".NET" starts with a dot: not an acronym, so any case matches.
    expect(terms('We use .net now.')).toEqual(['.NET']);
  });

  it('takes the spelled-out meaning up to a comma or bracket, trimmed, and drops only a leading article', () => {
    expect(terms('We want single sign-on. SSO helps.')).toEqual([]);
    expect(terms('Our learning management system for a school is old. We use LMS.')).toEqual([]);
    expect(terms('Our learning management system for school is old. We use LMS.')).toEqual(['LMS']);
  });

  it('counts a meaning word in an inflected form', () => {
    expect(terms('The SIS runs our student systems.')).toEqual([]);
    expect(terms('The SIS runs our student portal.')).toEqual(['SIS']);
  });

  it('takes a gloss on any use of the term in its first sentence', () => {
    expect(terms('We use MFA and MFA (a code) too.')).toEqual([]);
  });

  it('places a term at a sentence boundary in the sentence it starts', () => {
    expect(read('We agree.MFA helps.').jargon).toEqual([{ term: 'MFA', means: 'multi-factor authentication', at: { start: 9, end: 19 } }]);
  });
});

describe('organisation evidence', () => {
  it('quotes the opening alone when there is no closing sentence', () => {
    expect(read('Please approve it.').criteria[3].evidence).toEqual([{ start: 0, end: 18 }]);
    expect(read('').criteria[3].evidence).toEqual([]);
  });
});

describe('sentences', () => {
  it('end after their last character, even at the start of the text without punctuation', () => {
    expect(analyse('Hi').sentences.map((s) => [s.start, s.end])).toEqual([[0, 2]]);
  });

  it('leave out a sentence with no words in it', () => {
    expect(analyse('Hello there. !!! Bye now.').sentences.map((s) => [s.start, s.end])).toEqual([[0, 12], [17, 25]]);
  });
});

describe('threshold tuning ties', () => {
  it('keeps the first of equally good cuts when kappa and exact agreement tie, preferring a wider band', () => {
    expect(tuneThresholds([0.2, 0.2, 0.1, 0.3], [4, 1, 4, 1])).toEqual({ thresholds: [0.099, 0.099, 0.099], kappa: 0, exact: 0.5 });
    expect(tuneThresholds([0.7, 0.6], [2, 4])).toEqual({ thresholds: [0.599, 0.701, 0.701], kappa: 0, exact: 0.5 });
  });

  it('puts kappa before exact agreement', () => {
    const fit = tuneThresholds([0.6, 0, 0.7, 0.9, 0.6], [2, 3, 4, 3, 4]);
    expect(fit.thresholds).toEqual([-0.001, -0.001, 0.65]);
    expect(fit.kappa).toBeCloseTo(2 / 7, 12);
    expect(fit.exact).toBe(0.4);
  });

  it('prefers higher exact agreement at equal kappa', () => {
    const fit = tuneThresholds([0.3, 0.9, 0.3], [4, 4, 2]);
    expect(fit.thresholds).toEqual([0.299, 0.6, 0.6]);
    expect(fit.kappa).toBeCloseTo(0.4, 12);
    expect(fit.exact).toBeCloseTo(2 / 3, 12);
  });
});

describe('the tempting wrong option', () => {
  it('is the most chosen wrong option, not the first letter', () => {
    const keys = new Map([['x', 'A']]);
    const counts = [
      { itemId: 'x', choice: 'B' as const, count: 1 },
      { itemId: 'x', choice: 'D' as const, count: 3 },
      { itemId: 'x', choice: 'C' as const, count: 2 },
      { itemId: 'x', choice: 'A' as const, count: 9 },
    ];
    expect(misconceptions(counts, keys, 5)[0].tempting).toBe('D');
  });
});

describe('shortfall message counts per code', () => {
  it('counts each named code’s items less those an open exam holds', () => {
    const pool = (code: string, n: number, excludedCount = 0) => ({ code, itemIds: Array.from({ length: n }, (_, i) => `${code}-${i + 1}`), seen: [], excludedCount });
    expect(shortfallMessage({ area: 7, needed: 9, available: 5 }, [pool('7A', 4, 1), pool('7C', 2)], ['7A', '7C'])).toBe(
      'The bank has 5 items available for codes 7A (3) and 7C (2) (1 more is in an exam you have open) and this attempt needs 9. Choose fewer questions or more codes.',
    );
  });
});

describe('reviews well before the exam', () => {
  it('are left where FSRS puts them', () => {
    const DAY = 86_400_000;
    const NOW = 1_800_000_000_000;
    expect(schedule(null, { correct: false, guessed: false }, NOW, NOW + 10 * DAY).due).toBe(NOW + DAY);
  });
});
