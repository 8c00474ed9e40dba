// The prefix-filtered join finds exactly the pairs the all-pairs comparison finds, in near-linear time.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { similarPairs, similarity } from '../../server/bank/near-duplicates.ts';
import { shingles } from '../../server/bank/quality.ts';

function bruteForce(sets: Set<string>[], t: number) {
  const out = [];
  for (let a = 0; a < sets.length; a++) for (let b = a + 1; b < sets.length; b++) {
    const s = similarity(sets[a], sets[b]);
    if (s >= t) out.push({ first: a, second: b, similarity: s });
  }
  return out.sort((x, y) => x.second - y.second || x.first - y.first);
}

describe('near-duplicate stems', () => {
  it('finds the same pairs as comparing every pair, for any sets and threshold', () => {
    const token = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j');
    fc.assert(fc.property(
      fc.array(fc.uniqueArray(token, { maxLength: 8 }).map((t) => new Set(t)), { maxLength: 40 }),
      fc.constantFrom(0.3, 0.5, 0.75, 1),
      (sets, t) => { expect(similarPairs(sets, t)).toEqual(bruteForce(sets, t)); },
    ), { numRuns: 300, seed: 42 });
  });

  it('pins the rule: stems sharing half their word 3-grams are near-duplicates', () => {
    const a = shingles('A district wants to replace its student information system before the fall term.');
    const b = shingles('A district wants to replace its student information system before the spring term.');
    const c = shingles('The board asks for a five-year budget for devices and network upgrades.');
    expect(similarity(a, b)).toBeCloseTo(9 / 13, 5);
    // An empty stem (fewer than three words) is like nothing else, not even another empty one.
    expect(similarity(new Set(), new Set())).toBe(0);
    expect(similarity(a, new Set())).toBe(0);
    expect(similarPairs([a, b, c], 0.5)).toEqual([{ first: 0, second: 1, similarity: 9 / 13 }]);
  });
});
