// The test-wiseness rule: content-blind pickers find planted cues and stay at chance without them.
import { describe, expect, it } from 'vitest';
import { credit, cueProblems, cueReport, featureMatrix, FIXED_PICKERS, formatCueReport, optionShape, trainingSample, trainLogit, type CueReport } from '../../server/bank/cues.ts';
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

  it('score each option by its rule', () => {
    const shape = (length: number, words: number, parts: number, justification: boolean, absolute: boolean, stemOverlap: number) =>
      ({ length, words, parts, justification, absolute, stemOverlap });
    const shapes = [shape(40, 3, 1, false, false, 2), shape(55, 5, 3, true, false, 0), shape(30, 2, 2, false, true, 1), shape(45, 4, 2, false, false, 1)];
    const scores = Object.fromEntries(Object.entries(FIXED_PICKERS).map(([name, score]) => [name, score(shapes)]));
    expect(scores).toEqual({
      'longest option': [40, 55, 30, 45],
      'fewest words': [-3, -5, -2, -4],
      'most parts': [1, 3, 2, 2],
      'no justification clause': [1, 0, 1, 1],
      'no absolute': [1, 1, 0, 1],
      'most words shared with the stem': [2, 0, 1, 1],
      'combined (parts − justification − absolute)': [1, 2, 1, 2],
    });
  });
});

describe('an option as a content-blind reader sees it', () => {
  it('counts its characters, its words (with apostrophes and hyphens) and its parts', () => {
    expect(optionShape("Don't re-image 2 laptops", 'x')).toMatchObject({ length: 24, words: 4, parts: 1 });
    expect(optionShape('Patch; test, deploy', 'x').parts).toBe(3);
    for (const joint of ['and', 'then', 'before', 'after', 'while']) expect(optionShape(`Train staff ${joint} launch`, 'x').parts).toBe(2);
    expect(optionShape('Brand the handover', 'x').parts).toBe(1); // "and" inside a word is no joint
  });

  it('hears a justification in each of its forms, and only there', () => {
    const justified = [
      'Replace it, since it is old', 'Replace it, because it is old', 'Replace it, as it is old', 'Replace it, which saves time',
      'Replace it, so staff can work', 'Replace it because it is old', 'Since it is old, replace it', 'Replace it so that staff can work',
      'Replace it in order to save time', 'Replace it given that it is old', 'Replace it to ensure uptime', 'Replace it so it works',
      'Replace it so the staff can work', 'Replace it so they can work', 'BECAUSE it is old, replace it',
    ];
    for (const text of justified) expect(optionShape(text, 'x').justification, text).toBe(true);
    for (const text of ['Assess the risk register', 'Replace it as planned', 'Replace the Sonoma switch', 'Consolidate the servers']) {
      expect(optionShape(text, 'x').justification, text).toBe(false);
    }
  });

  it('hears each absolute word, as a whole word', () => {
    for (const word of ['always', 'never', 'only', 'all', 'every', 'none', 'immediately', 'entirely', 'completely', 'any', 'must', 'no one', 'nothing']) {
      expect(optionShape(`Staff ${word} review it`, 'x').absolute, word).toBe(true);
    }
    expect(optionShape('Staff NEVER review it', 'x').absolute).toBe(true);
    for (const text of ['Allocate the budget', 'Ask anyone on staff', 'Review the everyday logs', 'Mustard is not a word here']) {
      expect(optionShape(text, 'x').absolute, text).toBe(false);
    }
  });

  it('counts distinct content words shared with the stem, not short or stop words', () => {
    const stem = 'Which vendor should the district CIO review first, and what about the IT plan?';
    expect(optionShape('Review the vendor, then review the plan', stem).stemOverlap).toBe(3);
    expect(optionShape('It should be the first thing which we do', stem).stemOverlap).toBe(0);
    expect(optionShape('District staff', stem).stemOverlap).toBe(1);
    expect(optionShape('Plan how AI helps', 'Where can AI help?').stemOverlap).toBe(0); // "ai" has two letters
  });

  it('reads an option without words as none', () => {
    expect(optionShape('—', 'Which step?')).toEqual({ length: 1, words: 0, parts: 1, justification: false, absolute: false, stemOverlap: 0 });
  });
});

describe('the learned picker\'s inputs', () => {
  it('centres each feature within the item', () => {
    const shapes = [10, 20, 30, 40].map((length, i) => ({ length, words: i * 10, parts: i === 3 ? 2 : 1, justification: i === 0, absolute: false, stemOverlap: i === 1 ? 2 : 0 }));
    const m = featureMatrix(shapes);
    const rounded = m.map((row) => row.map((v) => Math.round(v * 1000) / 1000));
    expect(rounded).toEqual([
      [-0.6, -0.25, 0.75, -1.5, -0.25, 0.75, 0, -0.5, -0.25, -0.25],
      [-0.2, -0.25, -0.25, -0.5, -0.25, -0.25, 0, 1.5, 0.75, -0.25],
      [0.2, -0.25, -0.25, 0.5, -0.25, -0.25, 0, -0.5, -0.25, -0.25],
      [0.6, 0.75, -0.25, 1.5, 0.75, -0.25, 0, -0.5, -0.25, 0.75],
    ]);
  });

  it('reads four empty options as equal, not as NaN', () => {
    const empty = { length: 0, words: 0, parts: 1, justification: false, absolute: false, stemOverlap: 0 };
    expect(featureMatrix([empty, empty, empty, empty]).flat().every((v) => v === 0)).toBe(true);
  });

  it('has no weights to learn from no items', () => {
    expect(trainLogit([])).toEqual([]);
  });

  it('learns by gradient descent on the mean log-loss', () => {
    // Item 1's key has the feature; item 2's key lacks it and a distractor has it twice. From w = 0
    // every option has p = 1/4: gradient = ((1/4 − 1)·1 + (1/4)·2) / 2 = −1/8, so w = 0 + 0.5 · 1/8.
    const data = [{ x: [[1], [0], [0], [0]], key: 0 }, { x: [[0], [2], [0], [0]], key: 0 }];
    expect(trainLogit(data, 1)).toEqual([0.0625]);
    expect(trainLogit(data, 2)[0]).toBeCloseTo(0.1096318, 6);
  });

  it('stays finite when options differ by far more than exp() can hold', () => {
    const w = trainLogit([{ x: [[1000], [0], [0], [-1000]], key: 0 }], 3);
    expect(w.length).toBe(1);
    expect(Number.isFinite(w[0])).toBe(true);
  });

  it('trains on at most 4000 items: every n-th, n as small as that allows', () => {
    const sample = (n: number) => trainingSample(Array.from({ length: n }, (_, i) => i));
    expect(sample(4000)).toHaveLength(4000);
    expect(sample(4001)).toHaveLength(2001);
    expect(sample(4001).slice(0, 3)).toEqual([0, 2, 4]);
    expect(sample(12000)).toHaveLength(4000);
    expect(sample(12001)).toHaveLength(3001);
    expect(sample(0)).toEqual([]);
  });
});

describe('the report', () => {
  it('of an empty bank is all zeros and raises nothing', () => {
    const report = cueReport([]);
    expect(report.pickers.map((p) => [p.bank, p.byArea.size])).toEqual(Array(8).fill([0, 0]));
    expect(report.justification).toEqual({ keys: 0, distractors: 0 });
    expect(report.absolute).toEqual({ keys: 0, distractors: 0 });
    expect(cueProblems(report)).toEqual([]);
  });

  it('allows a picker exactly 32% of the bank and 40% of an area; one point more is named', () => {
    const report = (bank: number, area: number): CueReport => ({
      pickers: [{ picker: 'most parts', bank, byArea: new Map([[3, area]]) }],
      justification: { keys: 0.3, distractors: 0.2 },
      absolute: { keys: 0, distractors: 0 },
    });
    expect(cueProblems(report(0.32, 0.4))).toEqual([]);
    expect(cueProblems(report(0.33, 0.41))).toEqual([
      'the "most parts" picker finds the key in 33% of the bank without reading it (limit 32%)',
      'area 3: the "most parts" picker finds the key in 41% of items (limit 40%)',
    ]);
  });

  it('does not flag a gap of exactly 10 points that floating point makes a hair larger', () => {
    // 40% of keys (80 of 200) and 30% of distractors (180 of 600) carry an absolute: 0.4 − 0.3 > 0.1 in floating point.
    const items = bank((i, key) => NEUTRAL.map((t, j) => {
      const firstDistractor = j === (key + 1) % 4;
      return (j === key && i % 5 < 2) || (firstDistractor && i % 10 < 9) ? `${t} always` : `${t} soon`;
    }));
    const report = cueReport(items);
    expect(report.absolute).toEqual({ keys: 0.4, distractors: 0.3 });
    expect(cueProblems(report).filter((m) => m.includes('an absolute'))).toEqual([]);
  });

  it('prints a table with the areas in number order', () => {
    const items = bank((_, key) => NEUTRAL.map((t, j) => (j === key ? `${t} for the whole district office` : t))).reverse();
    const lines = formatCueReport(cueReport(items)).split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('Content-blind pickers: how often each finds the key without reading the subject (chance 25%; limit 32% of the bank, 40% of an area)');
    expect(lines[1]).toBe(`${'picker'.padEnd(46)}  bank   a1   a2   a3   a4   a5   a6   a7   a8   a9  a10`);
    expect(lines[2]).toBe(`${'longest option'.padEnd(46)}  100% 100% 100% 100% 100% 100% 100% 100% 100% 100% 100%`);
    expect(lines[10]).toBe('justification clause: 0% of keys, 0% of distractors; absolute: 0% of keys, 0% of distractors (gap limit 10% points)');
  });
});

