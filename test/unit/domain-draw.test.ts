// Blueprint, assembly, seeded randomness and scoring at their edges. The blueprint weights are the
// documented 15, 15, 6, 18, 15, 7, 2, 10, 5, 7, written out. Draws are pinned for fixed seeds: a
// stored seed must replay the same draw, so a change to the draw order is a change of behaviour.
import { describe, expect, it } from 'vitest';
import { apportion } from '../../server/domain/blueprint.ts';
import { assemble, assembleFromPools, type Candidate, type CodePool } from '../../server/domain/assembly.ts';
import { seededRandom, shuffled } from '../../server/domain/random.ts';
import { percent, scoreAttempt, type ScoredSlot } from '../../server/domain/scoring.ts';
import { indexFramework, type Framework } from '../../server/domain/framework.ts';

const CETL = [15, 15, 6, 18, 15, 7, 2, 10, 5, 7].map((weight, i) => ({ area: i + 1, weight }));
const counts = (n: number, weights = CETL) => apportion(n, weights).map((a) => a.count);

describe('blueprint: largest remainder over 15, 15, 6, 18, 15, 7, 2, 10, 5, 7', () => {
  it('seats 100, 50, 20 and 1 items', () => {
    expect(counts(100)).toEqual([15, 15, 6, 18, 15, 7, 2, 10, 5, 7]);
    // 50: quotas 7.5 7.5 3 9 7.5 3.5 1 5 2.5 3.5 → floors 47; six .5 remainders at weights 15 15 15 7 5 7:
    // the three seats left go to areas 1, 2, 5 (weight 15), none to 6, 9 or 10.
    expect(counts(50)).toEqual([8, 8, 3, 9, 8, 3, 1, 5, 2, 3]);
    // 20: quotas 3 3 1.2 3.6 3 1.4 .4 2 1 1.4 → floors 18; seats to .6 (area 4) and .4 at weight 7 (area 6).
    expect(counts(20)).toEqual([3, 3, 1, 4, 3, 2, 0, 2, 1, 1]);
    // 1: every remainder equals the weight; the largest (18, area 4) wins.
    expect(counts(1)).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(counts(0)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('keeps the areas in the order given and names each', () => {
    expect(apportion(3, [{ area: 9, weight: 5 }, { area: 2, weight: 15 }])).toEqual([{ area: 9, count: 1 }, { area: 2, count: 2 }]);
  });

  it('seats 200 items exactly twice the 100-item blueprint', () => {
    expect(counts(200)).toEqual([30, 30, 12, 36, 30, 14, 4, 20, 10, 14]);
  });

  it('prefers the larger remainder over the larger weight', () => {
    // n = 3 over weights 1 and 4 (total 5): quotas .6 and 2.4 → remainder 3 beats remainder 2.
    expect(apportion(3, [{ area: 1, weight: 1 }, { area: 2, weight: 4 }])).toEqual([{ area: 1, count: 1 }, { area: 2, count: 2 }]);
    expect(apportion(3, [{ area: 2, weight: 4 }, { area: 1, weight: 1 }])).toEqual([{ area: 2, count: 2 }, { area: 1, count: 1 }]);
  });

  it('prefers the larger weight on an equal remainder, and the lower area on an equal weight, whatever the order given', () => {
    // n = 1 over 2, 2, 4 (total 8): remainders 2, 2, 4 → area of weight 4.
    expect(apportion(1, [{ area: 1, weight: 2 }, { area: 2, weight: 2 }, { area: 3, weight: 4 }]).map((a) => a.count)).toEqual([0, 0, 1]);
    // n = 2 over 3 areas of weight 1 (total 3): remainders 2 each → the two lowest numbers.
    expect(apportion(2, [{ area: 8, weight: 1 }, { area: 5, weight: 1 }, { area: 6, weight: 1 }])).toEqual([
      { area: 8, count: 0 }, { area: 5, count: 1 }, { area: 6, count: 1 },
    ]);
    // Weight 10 vs 5 with equal remainders (n·w mod 15 both 10 for n = 2): the heavier one wins the seat.
    expect(apportion(2, [{ area: 1, weight: 5 }, { area: 2, weight: 10 }])).toEqual([{ area: 1, count: 1 }, { area: 2, count: 1 }]);
  });

  it('refuses a length that is negative or fractional, and weights that sum to zero or less', () => {
    expect(() => apportion(-1, CETL)).toThrow(RangeError);
    expect(() => apportion(-1, CETL)).toThrow('exam length must be a whole number ≥ 0');
    expect(() => apportion(0.5, CETL)).toThrow('exam length must be a whole number ≥ 0');
    expect(() => apportion(Number.NaN, CETL)).toThrow('exam length must be a whole number ≥ 0');
    expect(() => apportion(3, [{ area: 1, weight: 0 }, { area: 2, weight: 0 }])).toThrow(RangeError);
    expect(() => apportion(3, [{ area: 1, weight: 0 }, { area: 2, weight: 0 }])).toThrow('weights must sum to more than zero');
    expect(() => apportion(3, [{ area: 1, weight: 5 }, { area: 2, weight: -5 }])).toThrow('weights must sum to more than zero');
    expect(() => apportion(3, [{ area: 1, weight: -1 }])).toThrow('weights must sum to more than zero');
    expect(apportion(0, [{ area: 1, weight: 1 }])).toEqual([{ area: 1, count: 0 }]);
    expect(apportion(0, [])).toEqual([]);
    expect(apportion(7, [])).toEqual([]);
  });
});

describe('seeded randomness', () => {
  it('draws whole numbers in [0, n) and replays them from the seed', () => {
    const a = seededRandom(11);
    const b = seededRandom(11);
    const drawn = Array.from({ length: 200 }, () => a.below(7));
    expect(Array.from({ length: 200 }, () => b.below(7))).toEqual(drawn);
    expect(drawn.every((x) => Number.isInteger(x) && x >= 0 && x < 7)).toBe(true);
    expect(new Set(drawn).size).toBe(7);
    expect(Array.from({ length: 20 }, () => a.below(1))).toEqual(new Array(20).fill(0));
  });

  it('treats the seed as a 32-bit whole number', () => {
    expect(seededRandom(5).below(1000)).toBe(642);
    expect(seededRandom(2 ** 32 + 5).below(1000)).toBe(642);
    expect(seededRandom(3).below(10)).toBe(4);
  });

  it('shuffles a copy (Fisher–Yates), pinned for a seed, and leaves short lists alone', () => {
    expect(shuffled([1, 2, 3, 4, 5, 6, 7, 8], seededRandom(3))).toEqual([1, 8, 7, 6, 4, 2, 3, 5]);
    expect(shuffled([], seededRandom(3))).toEqual([]);
    expect(shuffled(['only'], seededRandom(3))).toEqual(['only']);
    // Every position is reachable for the first element over many seeds.
    const firsts = new Set(Array.from({ length: 200 }, (_, seed) => shuffled([0, 1, 2, 3], seededRandom(seed))[0]));
    expect([...firsts].sort()).toEqual([0, 1, 2, 3]);
    const lasts = new Set(Array.from({ length: 200 }, (_, seed) => shuffled([0, 1, 2, 3], seededRandom(seed))[3]));
    expect([...lasts].sort()).toEqual([0, 1, 2, 3]);
  });
});

function flat(area: number, codes: string[], perCode: number, seen: (id: string) => number = () => 0): Candidate[] {
  return codes.flatMap((code) =>
    Array.from({ length: perCode }, (_, i) => {
      const itemId = `${code}-${i + 1}`;
      const s = seen(itemId);
      return { itemId, code, area, seen: s, lastSeenAt: s ? 1000 + i : null };
    }),
  );
}

describe('assembly replays a draw from its seed', () => {
  const bank = [...flat(1, ['1A', '1B', '1C'], 4), ...flat(2, ['2A', '2B'], 3, (id) => (id.endsWith('-1') ? 1 : 0))];
  const blueprint = [{ area: 1, count: 5 }, { area: 2, count: 4 }];
  const ids = (seed: number) => {
    const r = assemble(blueprint, bank, seed);
    if (!r.ok) throw new Error('expected a draw');
    return r.items.map((i) => i.itemId);
  };

  it('draws exactly these items for seeds 1, 2 and 99', () => {
    expect(ids(1)).toEqual(['1A-3', '2A-2', '1B-3', '1C-2', '2B-3', '2A-3', '1B-2', '2B-2', '1C-4']);
    expect(ids(2)).toEqual(['1B-2', '2A-3', '1A-3', '1C-3', '1A-2', '2B-2', '2A-2', '2B-3', '1B-1']);
    expect(ids(99)).toEqual(['1C-1', '2B-2', '1B-1', '2A-3', '1C-4', '1A-1', '2B-3', '1A-4', '2A-2']);
  });

  it('an area asked for no seats leaves the rest of the draw exactly as it would be without it', () => {
    for (const seed of [1, 2]) {
      const without = assemble([{ area: 2, count: 4 }], bank, seed);
      expect(assemble([{ area: 1, count: 0 }, { area: 2, count: 4 }], bank, seed)).toEqual(without);
    }
    expect(assemble([{ area: 2, count: 4 }], bank, 1)).toEqual({ ok: true, items: expect.any(Array) });
    const one = assemble([{ area: 2, count: 4 }], bank, 1);
    if (!one.ok) throw new Error('expected a draw');
    expect(one.items.map((i) => i.itemId)).toEqual(['2B-3', '2B-2', '2A-3', '2A-2']);
  });

  it('keeps the candidate’s exposure on each drawn item', () => {
    const r = assemble([{ area: 2, count: 6 }], bank, 4);
    if (!r.ok) throw new Error('expected a draw');
    const byId = new Map(r.items.map((i) => [i.itemId, i]));
    expect(byId.get('2A-1')).toEqual({ itemId: '2A-1', code: '2A', area: 2, seen: 1, lastSeenAt: 1000 });
    expect(byId.get('2A-2')).toEqual({ itemId: '2A-2', code: '2A', area: 2, seen: 0, lastSeenAt: null });
  });
});

describe('assembly rules', () => {
  const codePool = (code: string, area: number, n: number, seen: { k: number; seen: number; at: number }[] = [], excludedCount = 0): CodePool => ({
    code,
    itemIds: Array.from({ length: n }, (_, i) => `${code}-${i + 1}`),
    seen: seen.map((s) => ({ itemId: `${code}-${s.k}`, code, area, seen: s.seen, lastSeenAt: s.at })),
    excludedCount,
  });

  it('spreads seats over codes as evenly as possible for every seed', () => {
    const pools = new Map([[3, [codePool('3A', 3, 10), codePool('3B', 3, 10), codePool('3C', 3, 10)]]]);
    for (let seed = 0; seed < 30; seed++) {
      for (const n of [1, 2, 3, 4, 5, 7]) {
        const r = assembleFromPools([{ area: 3, count: n }], pools, new Set(), seed);
        if (!r.ok) throw new Error('expected a draw');
        const per = ['3A', '3B', '3C'].map((c) => r.items.filter((i) => i.code === c).length);
        expect(Math.max(...per) - Math.min(...per)).toBeLessThanOrEqual(1);
        expect(per.reduce((s, x) => s + x, 0)).toBe(n);
      }
    }
  });

  it('draws the least seen first, then the least recently seen, across codes', () => {
    // Every item seen; exposures decide: seen once before twice, and earlier before later.
    const pools = new Map([[1, [
      codePool('1A', 1, 3, [{ k: 1, seen: 2, at: 10 }, { k: 2, seen: 1, at: 50 }, { k: 3, seen: 1, at: 20 }]),
      codePool('1B', 1, 2, [{ k: 1, seen: 1, at: 30 }, { k: 2, seen: 3, at: 1 }]),
    ]]]);
    for (let seed = 0; seed < 20; seed++) {
      const r = assembleFromPools([{ area: 1, count: 3 }], pools, new Set(), seed);
      if (!r.ok) throw new Error('expected a draw');
      expect(r.items.map((i) => i.itemId).sort()).toEqual(['1A-2', '1A-3', '1B-1']);
      const four = assembleFromPools([{ area: 1, count: 4 }], pools, new Set(), seed);
      if (!four.ok) throw new Error('expected a draw');
      expect(four.items.map((i) => i.itemId).sort()).toEqual(['1A-1', '1A-2', '1A-3', '1B-1']);
    }
  });

  it('prefers an unseen item in a code already used over a seen one in a fresh code', () => {
    const pools = new Map([[1, [codePool('1A', 1, 3), codePool('1B', 1, 1, [{ k: 1, seen: 1, at: 5 }])]]]);
    for (let seed = 0; seed < 20; seed++) {
      const r = assembleFromPools([{ area: 1, count: 3 }], pools, new Set(), seed);
      if (!r.ok) throw new Error('expected a draw');
      expect(r.items.map((i) => i.code)).toEqual(['1A', '1A', '1A']);
    }
  });

  it('counts every code’s items, less those excluded, as available', () => {
    const pools = new Map([[4, [codePool('4A', 4, 3, [], 1), codePool('4B', 4, 2, [], 2)]]]);
    expect(assembleFromPools([{ area: 4, count: 3 }], pools, new Set(['4A-1', '4B-1', '4B-2']), 1)).toEqual({ ok: false, shortfalls: [{ area: 4, needed: 3, available: 2 }] });
    const two = assembleFromPools([{ area: 4, count: 2 }], pools, new Set(['4A-1', '4B-1', '4B-2']), 1);
    if (!two.ok) throw new Error('expected a draw');
    expect(two.items.map((i) => i.itemId).sort()).toEqual(['4A-2', '4A-3']);
  });

  it('fills an area that has exactly enough', () => {
    const r = assemble([{ area: 1, count: 4 }], flat(1, ['1A', '1B'], 2), 6);
    if (!r.ok) throw new Error('expected a draw');
    expect(r.items.map((i) => i.itemId).sort()).toEqual(['1A-1', '1A-2', '1B-1', '1B-2']);
  });

  it('reports shortfalls in blueprint order and draws nothing when any area is short', () => {
    const r = assemble([{ area: 2, count: 5 }, { area: 1, count: 1 }, { area: 3, count: 2 }], flat(1, ['1A'], 1), 1);
    expect(r).toEqual({ ok: false, shortfalls: [{ area: 2, needed: 5, available: 0 }, { area: 3, needed: 2, available: 0 }] });
  });

  it('draws nothing for an empty blueprint', () => {
    expect(assemble([], flat(1, ['1A'], 3), 1)).toEqual({ ok: true, items: [] });
  });

  it('mixes areas in the final order rather than keeping blueprint order', () => {
    const bank = [...flat(1, ['1A'], 10), ...flat(2, ['2A'], 10)];
    const orders = new Set(Array.from({ length: 10 }, (_, seed) => {
      const r = assemble([{ area: 1, count: 5 }, { area: 2, count: 5 }], bank, seed);
      if (!r.ok) throw new Error('expected a draw');
      return r.items.map((i) => i.area).join('');
    }));
    expect(orders.has('1111122222')).toBe(false);
    expect(orders.size).toBeGreaterThan(5);
  });
});

describe('scoring', () => {
  const framework: Framework = {
    categories: [{ id: 'I', name: 'One', weight: 30 }, { id: 'II', name: 'Two', weight: 50 }, { id: 'III', name: 'Three', weight: 20 }],
    areas: [
      { number: 1, name: 'a1', weight: 30, category: 'I', codes: [{ code: '1A', summary: '' }, { code: '1B', summary: '' }] },
      { number: 2, name: 'a2', weight: 50, category: 'II', codes: [{ code: '2A', summary: '' }] },
      { number: 3, name: 'a3', weight: 20, category: 'III', codes: [{ code: '3A', summary: '' }, { code: '3B', summary: '' }] },
    ],
  };
  const index = indexFramework(framework);
  const s = (slot: number, code: string, choice: ScoredSlot['choice'], answer: ScoredSlot['answer']): ScoredSlot => ({ slot, itemId: `${code}-${slot}`, code, area: Number(code[0]), choice, answer });

  it('rounds percents to one decimal', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 6)).toBe(16.7);
    expect(percent(3, 3)).toBe(100);
    expect(percent(0, 4)).toBe(0);
    expect(percent(0, 0)).toBe(0);
    expect(percent(5, 0)).toBe(0);
  });

  it('lists categories, areas and codes in framework order whatever the slot order, skipping what was not drawn', () => {
    const slots = [s(1, '3B', 'A', 'A'), s(2, '3A', 'B', 'A'), s(3, '1B', 'C', 'C'), s(4, '1B', null, 'D'), s(5, '3B', 'D', 'D')];
    expect(scoreAttempt(slots, index)).toEqual({
      score: { correct: 3, total: 5, percent: 60 },
      categories: [{ id: 'I', correct: 1, total: 2, percent: 50 }, { id: 'III', correct: 2, total: 3, percent: 66.7 }],
      areas: [{ area: 1, correct: 1, total: 2, percent: 50 }, { area: 3, correct: 2, total: 3, percent: 66.7 }],
      codes: [{ code: '1B', correct: 1, total: 2 }, { code: '3A', correct: 0, total: 1 }, { code: '3B', correct: 2, total: 2 }],
    });
  });

  it('scores nothing drawn as zero of zero with empty lists', () => {
    expect(scoreAttempt([], index)).toEqual({ score: { correct: 0, total: 0, percent: 0 }, categories: [], areas: [], codes: [] });
  });

  it('counts only a choice equal to the key as correct', () => {
    const all = (['A', 'B', 'C', 'D', null] as const).map((choice, i) => s(i + 1, '2A', choice, 'C'));
    expect(scoreAttempt(all, index).score).toEqual({ correct: 1, total: 5, percent: 20 });
  });
});
