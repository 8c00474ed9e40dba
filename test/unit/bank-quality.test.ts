import { describe, expect, it } from 'vitest';
import { negativeWord, qualityProblems, isKeyLongest, areaTarget } from '../../server/bank/quality.ts';
import { fixtureBank, fixtureItem, realFramework } from '../fixtures/bank.ts';
import type { BankItem } from '../../server/bank/load.ts';
import { cueReport, type CueReport } from '../../server/bank/cues.ts';

const framework = realFramework();
// A bank that meets every target: 5×weight items per area (at least 3 per code), keys rotating A–D.
const good = () => fixtureBank(framework, (a) => areaTarget(framework.area.get(a)!.weight, framework.area.get(a)!.codes.length) + 4)
  .map((item, i) => ({ ...item, content: { ...item.content, answer: (['A', 'B', 'C', 'D'] as const)[i % 4], stem: `Scenario ${i} about district number ${i * 7} and its plan ${i % 13} for year ${2000 + i}?` } }));

describe('bank quality rules', () => {
  it('sets area targets for eight exams without a repeat and five items per code', () => {
    const targets = framework.framework.areas.map((a) => areaTarget(a.weight, a.codes.length));
    expect(targets).toEqual([120, 120, 48, 144, 120, 56, 30, 80, 40, 56]);
    expect(targets.reduce((a, b) => a + b)).toBe(814);
  });

  it('passes a bank that meets every rule', () => {
    expect(qualityProblems(good(), framework)).toEqual([]);
  });

  it('flags "all of the above", naming the item', () => {
    const items = good();
    items[3].content.options.D = 'All of the above';
    expect(qualityProblems(items, framework)).toEqual([expect.objectContaining({ itemId: items[3].id, field: 'options' })]);
  });

  it('requires negative words in the question to be capitals', () => {
    expect(negativeWord('The board met. Which of these is not allowed?')).toBe('not');
    expect(negativeWord('The district has not yet chosen a vendor. What should the CTO do first?')).toBeNull();
    const items = good();
    items[0].content.stem = 'Which of these is not a Category Two service?';
    expect(qualityProblems(items, framework).map((p) => p.message)).toContain('negative stem must write "NOT" in capitals');
  });

  it('finds near-duplicate stems across files', () => {
    const items = good();
    items[10].content.stem = 'A district wants to replace its student information system before the fall term. What should the CTO do first?';
    items[20].content.stem = 'A district wants to replace its student information system before the spring term. What should the CTO do first?';
    const dup = qualityProblems(items, framework).find((p) => p.message.includes('near-duplicate'));
    expect(dup).toMatchObject({ itemId: items[20].id });
  });

  it('flags unbalanced key letters and a key that is too often the longest option', () => {
    const items = good().map((i) => ({ ...i, content: { ...i.content, answer: 'A' as const, options: { ...i.content.options, A: 'a much longer keyed option' } } }));
    expect(isKeyLongest(items[0])).toBe(true);
    const messages = qualityProblems(items, framework).map((p) => p.message);
    expect(messages).toContain('whole bank: answer A is the key in 100% of items; each letter must be 20%–30%');
    expect(messages.some((m) => m.startsWith('whole bank: the key is the longest option in 100% of items'))).toBe(true);
  });

  it('flags an area below its target, a thin code and unreviewed items', () => {
    const items = good().filter((i) => i.code !== '7C');
    items.push(fixtureItem('7C', 1, 7, 'Only one item for this code in the whole bank?'));
    items[0] = { ...items[0], verdict: null };
    items[1] = { ...items[1], verdict: 'MINOR' };
    const messages = qualityProblems(items, framework).map((p) => p.message);
    expect(messages).toContain('area 7: code 7C has 1 items; every code needs at least 5');
    expect(messages).toContain('not yet read by an independent reviewer (review: { verdict: PASS, note })');
    expect(messages).toContain("the reviewer's verdict is MINOR; only PASS items ship");
  });
});

describe('bank quality rules, by number', () => {
  // These cases change stems, refs and difficulty only: the options' cue report stays that of good().
  let cues: CueReport;
  const check = (items: BankItem[]) => qualityProblems(items, framework, (cues ??= cueReport(good())));

  it('names a ref whose parentheses do not close (an unquoted comma split it)', () => {
    const items = good();
    items[5].content.refs = ['16 CFR 312 (COPPA Rule', '2025 amendments)'];
    expect(check(items)).toEqual([
      { file: items[5].file, line: items[5].line, field: 'refs', itemId: items[5].id, message: 'ref "16 CFR 312 (COPPA Rule" has unbalanced parentheses; quote a ref that contains a comma' },
      { file: items[5].file, line: items[5].line, field: 'refs', itemId: items[5].id, message: 'ref "2025 amendments)" has unbalanced parentheses; quote a ref that contains a comma' },
    ]);
  });

  it('asks every area for all three difficulties, none over 60% of it', () => {
    const level = (n: 1 | 2 | 3) => (item: BankItem) => ({ ...item, content: { ...item.content, difficulty: n } });
    const inArea10 = (items: BankItem[], f: (item: BankItem, i: number) => BankItem) => items.map((item) => (item.area === 10 ? f(item, items.filter((x) => x.area === 10).indexOf(item)) : item));
    const area10 = good().filter((i) => i.area === 10).length;
    // 60% exactly is allowed; one more item over it is not.
    const sixty = Math.round(area10 * 0.6);
    expect(area10 * 0.6).toBe(sixty);
    const messages = (items: BankItem[]) => check(items).map((p) => p.message).filter((m) => m.startsWith('area 10: '));
    expect(messages(inArea10(good(), (item, i) => (i < sixty ? level(1)(item) : i % 2 ? level(2)(item) : level(3)(item))))).toEqual([]);
    expect(messages(inArea10(good(), (item, i) => (i <= sixty ? level(1)(item) : i % 2 ? level(2)(item) : level(3)(item))))).toEqual([`area 10: difficulty 1 holds ${Math.round(((sixty + 1) / area10) * 100)}% of items (limit 60%)`]);
    expect(messages(inArea10(good(), (item, i) => (i % 2 ? level(2)(item) : level(3)(item))))).toEqual(['area 10: no items of difficulty 1; every area needs a mix']);
  });

  it('allows negative stems in at most 5% of the bank', () => {
    // A multiple of 20 items, so that 5% is a whole number of them.
    const all = good();
    const items = all.slice(0, all.length - (all.length % 20));
    const allowed = items.length / 20;
    const negative = (n: number) => items.map((item, i) => (i < n ? { ...item, content: { ...item.content, stem: `Scenario ${i}: which step is NOT part of plan ${i * 31}?` } } : item));
    const count = (n: number) => check(negative(n)).filter((p) => p.message.includes('negative stems'));
    expect(count(allowed)).toEqual([]);
    expect(count(allowed + 1)).toEqual([{ file: 'question-bank/part1', line: null, field: 'stem', itemId: null, message: `${allowed + 1} negative stems (${Math.round(((allowed + 1) / items.length) * 100)}%); at most 5%` }]);
  });
});
