import { describe, expect, it } from 'vitest';
import { negativeWord, qualityProblems, isKeyLongest, areaTarget } from '../../server/bank/quality.ts';
import { fixtureBank, fixtureItem, realFramework } from '../fixtures/bank.ts';

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
