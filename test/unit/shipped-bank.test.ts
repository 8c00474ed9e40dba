// The bank we ship: every quality rule holds, and eight full exams in a row never repeat an item.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadBank } from '../../server/bank/load.ts';
import { qualityProblems } from '../../server/bank/quality.ts';
import { formatProblem } from '../../server/bank/problem.ts';
import { apportion } from '../../server/domain/blueprint.ts';
import { assemble, type Candidate } from '../../server/domain/assembly.ts';

const bank = loadBank(resolve('question-bank'));
const framework = bank.framework!;

describe('the shipped question bank', () => {
  it('passes every rule of npm run bank:check', () => {
    expect(qualityProblems(bank.items, framework).map(formatProblem)).toEqual([]);
    expect(bank.items.length).toBeGreaterThanOrEqual(814);
    // The near-duplicate rule compares every pair: seconds on a busy machine, not a speed claim.
  }, 60_000);

  it('fills eight 100-item exams for one candidate with no item repeated', () => {
    const blueprint = apportion(100, framework.framework.areas.map((a) => ({ area: a.number, weight: a.weight })));
    const seen = new Map<string, number>();
    for (let exam = 1; exam <= 8; exam++) {
      const pool: Candidate[] = bank.items.map((i) => ({ itemId: i.id, code: i.code, area: i.area, seen: seen.get(i.id) ?? 0, lastSeenAt: seen.has(i.id) ? exam : null }));
      const drawn = assemble(blueprint, pool, exam);
      if (!drawn.ok) throw new Error(`exam ${exam}: ${JSON.stringify(drawn.shortfalls)}`);
      expect(drawn.items.filter((i) => seen.has(i.itemId)).map((i) => i.itemId)).toEqual([]);
      for (const i of drawn.items) seen.set(i.itemId, 1);
    }
    expect(seen.size).toBe(800);
  });
});
