// The message a candidate reads when the bank cannot fill a draw: it names the skill code(s) asked
// for, not the area, and counts items held by an open exam apart.
import { describe, expect, it } from 'vitest';
import { assembleFromPools, shortfallMessage, type CodePool } from '../../server/domain/assembly.ts';

const ids = (code: string, n: number) => Array.from({ length: n }, (_, i) => `${code}-${String(i + 1).padStart(3, '0')}`);
const pool = (code: string, n: number, excludedCount = 0): CodePool => ({ code, itemIds: ids(code, n), seen: [], excludedCount });

describe('shortfallMessage', () => {
  it('names the one code asked for', () => {
    expect(shortfallMessage({ area: 7, needed: 12, available: 9 }, [pool('7C', 9)], ['7C'])).toBe(
      'The bank has 9 items available for code 7C and this attempt needs 12. Choose fewer questions or more codes.',
    );
  });

  it('names every code asked for in the short area, with each one’s count', () => {
    expect(shortfallMessage({ area: 7, needed: 12, available: 9 }, [pool('7A', 4), pool('7C', 5)], ['7A', '7C'])).toBe(
      'The bank has 9 items available for codes 7A (4) and 7C (5) and this attempt needs 12. Choose fewer questions or more codes.',
    );
    expect(shortfallMessage({ area: 7, needed: 20, available: 15 }, [pool('7A', 5), pool('7B', 5), pool('7C', 5)], ['7A', '7B', '7C'])).toBe(
      'The bank has 15 items available for codes 7A (5), 7B (5) and 7C (5) and this attempt needs 20. Choose fewer questions or more codes.',
    );
  });

  it('counts a code with no items at all as 0', () => {
    expect(shortfallMessage({ area: 7, needed: 3, available: 2 }, [pool('7A', 2)], ['7A', '7B'])).toBe(
      'The bank has 2 items available for codes 7A (2) and 7B (0) and this attempt needs 3. Choose fewer questions or more codes.',
    );
    expect(shortfallMessage({ area: 7, needed: 1, available: 0 }, [], ['7B'])).toBe(
      'The bank has 0 items available for code 7B and this attempt needs 1. Choose fewer questions or more codes.',
    );
  });

  it('names the area when no code was asked for', () => {
    expect(shortfallMessage({ area: 7, needed: 50, available: 34 }, [pool('7A', 12), pool('7B', 11), pool('7C', 11)])).toBe(
      'The bank has 34 items available for area 7 and this attempt needs 50. Choose fewer questions or more areas.',
    );
  });

  it('says how many items an open exam holds back, and uses the singular for one', () => {
    expect(shortfallMessage({ area: 7, needed: 7, available: 6 }, [pool('7A', 9, 3)])).toBe(
      'The bank has 6 items available for area 7 (3 more are in an exam you have open) and this attempt needs 7. Choose fewer questions or more areas.',
    );
    expect(shortfallMessage({ area: 7, needed: 2, available: 1 }, [pool('7C', 2, 1)], ['7C'])).toBe(
      'The bank has 1 item available for code 7C (1 more is in an exam you have open) and this attempt needs 2. Choose fewer questions or more codes.',
    );
  });

  it('describes what assembleFromPools reports for a code-limited draw', () => {
    const pools = new Map([[7, [pool('7C', 9)]]]);
    const drawn = assembleFromPools([{ area: 7, count: 12 }], pools, new Set(), 1);
    if (drawn.ok) throw new Error('expected a shortfall');
    expect(drawn.shortfalls).toEqual([{ area: 7, needed: 12, available: 9 }]);
    expect(shortfallMessage(drawn.shortfalls[0], pools.get(7)!, ['7C'])).toBe(
      'The bank has 9 items available for code 7C and this attempt needs 12. Choose fewer questions or more codes.',
    );
  });
});
