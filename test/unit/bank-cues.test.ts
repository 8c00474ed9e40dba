// The test-wiseness rule: content-blind pickers find planted cues and stay at chance without them.
import { describe, expect, it } from 'vitest';
import { credit, cueProblems, cueReport, optionShape } from '../../server/bank/cues.ts';
import { fixtureItem } from '../fixtures/bank.ts';
import type { BankItem } from '../../server/bank/load.ts';

const LETTERS = ['A', 'B', 'C', 'D'] as const;
const NEUTRAL = ['Review the vendor contract terms', 'Survey the building principals', 'Update the asset inventory records', 'Schedule the network upgrade work'];

/** 200 items over areas 1–10; `options(i, keyIndex)` writes the four options of item i. */
function bank(options: (i: number, key: number) => string[]): BankItem[] {
  return Array.from({ length: 200 }, (_, i) => {
    const area = (i % 10) + 1;
    const item = fixtureItem(`${area}A`, i + 1, area, `Scenario ${i}: what should the district do next?`);
    const key = (i * 7) % 4;
    const texts = options(i, key);
    return { ...item, content: { ...item.content, answer: LETTERS[key], options: { A: texts[0], B: texts[1], C: texts[2], D: texts[3] } } };
  });
}
const rate = (items: BankItem[], picker: string) => cueReport(items).pickers.find((p) => p.picker.startsWith(picker))!.bank;

describe('content-blind pickers', () => {
  it('credit a tie among k options as 1/k, and a miss as 0', () => {
    expect(credit([3, 3, 1, 0], 0)).toBe(0.5);
    expect(credit([1, 1, 1, 1], 2)).toBe(0.25);
    expect(credit([5, 2, 2, 2], 1)).toBe(0);
  });

  it('read justification clauses, absolutes, parts and stem overlap', () => {
    expect(optionShape('Replace the switch, since it is old', 'x')).toMatchObject({ justification: true, absolute: false, parts: 2 });
    expect(optionShape('Always encrypt laptops and phones', 'x')).toMatchObject({ justification: false, absolute: true, parts: 2 });
    expect(optionShape('Meet the principals then decide', 'The principals disagree')).toMatchObject({ parts: 2, stemOverlap: 1 });
  });

  it('sit at chance (25%) on a bank whose options have no shape', () => {
    const items = bank((i) => NEUTRAL.map((_, j) => `Ask the ${['first', 'second', 'third', 'fourth'][(i + j) % 4].slice(0, 5)} group ${i}`));
    for (const p of cueReport(items).pickers) expect(p.bank).toBeLessThan(0.32);
    expect(cueProblems(cueReport(items))).toEqual([]);
  });

  it('find a key that is always the longest option, and say so', () => {
    const items = bank((_, key) => NEUTRAL.map((t, j) => (j === key ? `${t} for the whole district office` : t)));
    expect(rate(items, 'longest option')).toBe(1);
    expect(cueProblems(cueReport(items))).toContain('the "longest option" picker finds the key in 100% of the bank without reading it (limit 32%)');
  });

  it('find keys that are the only multi-part option, including by the learned picker', () => {
    const items = bank((i, key) => NEUTRAL.map((t, j) => (j === key ? `Consult staff, pilot ${i % 3}, then decide` : `${t} ${i % 5}`)));
    expect(rate(items, 'most parts')).toBe(1);
    expect(rate(items, 'learned')).toBeGreaterThan(0.9);
  });

  it('let the learned picker find a cue no fixed rule names (keys a little shorter)', () => {
    const items = bank((_, key) => NEUTRAL.map((t, j) => (j === key ? t.slice(0, -3) : `${t} now`)));
    expect(rate(items, 'learned')).toBeGreaterThan(0.9);
  });

  it('flag a gap over 10 points between keys and distractors with a reason or an absolute', () => {
    // 40 of 200 keys (20%) carry "because", no distractor does.
    const items = bank((i, key) => NEUTRAL.map((t, j) => (j === key && i % 5 === 0 ? `${t} because of risk` : `${t} for risk`)));
    const report = cueReport(items);
    expect(report.justification).toEqual({ keys: 0.2, distractors: 0 });
    expect(cueProblems(report)).toContain('20% of keys but 0% of distractors carry a justification clause; the gap may be at most 10% points');
    // 10% of keys: within the limit.
    const within = bank((i, key) => NEUTRAL.map((t, j) => (j === key && i % 10 === 0 ? `${t} because of risk` : `${t} for risk`)));
    expect(cueProblems(cueReport(within)).filter((m) => m.includes('justification clause;'))).toEqual([]);
  });

  it('flag an area over 40% even when the bank is under 32%', () => {
    // Only area 1 (every tenth item) has the longest key.
    const items = bank((i, key) => NEUTRAL.map((t, j) => (i % 10 === 0 && j === key ? `${t} across the whole district` : t)));
    const problems = cueProblems(cueReport(items));
    expect(problems).toContain('area 1: the "longest option" picker finds the key in 100% of items (limit 40%)');
    expect(problems.some((p) => p.startsWith('the "longest option" picker'))).toBe(false);
  });
});
