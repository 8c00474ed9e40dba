// Study-group rules with the documented numbers written out: 3 members before a member sees a
// group figure; weakest areas by share correct; misconception counts; CSV that never runs a formula.
import { describe, expect, it } from 'vitest';
import { aggregateVisible, csvCell, drillState, isOverdueDrill, misconceptions, rankWeakAreas, toCsv } from '../../server/domain/groups.ts';

describe('who sees group figures', () => {
  it('members from 3 contributors on; coaches and the owner always', () => {
    expect([0, 1, 2, 3, 4].map((n) => aggregateVisible(n, 'member'))).toEqual([false, false, false, true, true]);
    expect(aggregateVisible(1, 'coach')).toBe(true);
    expect(aggregateVisible(0, 'owner')).toBe(true);
  });
});

describe('weakest areas', () => {
  const r = (area: number, weight: number, correct: number, total: number) => ({ area, weight, correct, total });

  it('ranks by share correct, lowest first, leaving out areas with no answers', () => {
    expect(rankWeakAreas([r(1, 15, 9, 10), r(2, 15, 1, 10), r(3, 6, 0, 0), r(4, 18, 5, 10)]).map((x) => x.area)).toEqual([2, 4, 1]);
  });

  it('breaks a tie by the heavier weight, then the lower area number', () => {
    expect(rankWeakAreas([r(9, 5, 1, 2), r(4, 18, 2, 4), r(1, 15, 5, 10), r(2, 15, 3, 6)]).map((x) => x.area)).toEqual([4, 1, 2, 9]);
  });
});

describe('misconceptions', () => {
  const keys = new Map([['i1', 'A'], ['i2', 'B'], ['i3', 'C']]);
  const counts = [
    { itemId: 'i1', choice: 'A' as const, count: 1 }, { itemId: 'i1', choice: 'C' as const, count: 3 }, { itemId: 'i1', choice: 'D' as const, count: 3 },
    { itemId: 'i1', choice: null, count: 1 },
    { itemId: 'i2', choice: 'B' as const, count: 4 }, { itemId: 'i2', choice: 'A' as const, count: 4 },
    { itemId: 'i3', choice: 'C' as const, count: 5 },
    { itemId: 'gone', choice: 'A' as const, count: 9 },
  ];

  it('counts every choice and blank, ranks by share wrong, and names the most chosen wrong option', () => {
    const out = misconceptions(counts, keys, 10);
    expect(out.map((m) => m.itemId)).toEqual(['i1', 'i2']);
    expect(out[0]).toEqual({ itemId: 'i1', answered: 8, wrong: 7, percentWrong: 87.5, choices: { A: 1, B: 0, C: 3, D: 3, blank: 1 }, tempting: 'C' });
    expect(out[1]).toMatchObject({ answered: 8, wrong: 4, percentWrong: 50, tempting: 'A' });
  });

  it('keeps to the limit and leaves out items nobody missed or without a key', () => {
    expect(misconceptions(counts, keys, 1).map((m) => m.itemId)).toEqual(['i1']);
    expect(misconceptions([{ itemId: 'i1', choice: null, count: 2 }], keys, 5)[0].tempting).toBeNull();
  });
});

describe('drills', () => {
  it('is not started, started or finished, and overdue only when past due and unfinished', () => {
    expect([null, { status: 'open' as const }, { status: 'submitted' as const }].map(drillState)).toEqual(['not_started', 'started', 'finished']);
    expect(isOverdueDrill('started', 100, 101)).toBe(true);
    expect(isOverdueDrill('started', 100, 100)).toBe(false);
    expect(isOverdueDrill('finished', 100, 200)).toBe(false);
    expect(isOverdueDrill('not_started', null, 200)).toBe(false);
  });
});

describe('CSV', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect(csvCell(-3)).toBe('-3');
  });

  it('quotes commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
    expect(toCsv([['a', 1], ['=x', null]])).toBe("a,1\r\n'=x,\r\n");
  });
});
