// The Part II files: the shipped content passes every rule and the reader's tuning is current;
// a broken file is named by file, line and field, and stops the load.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../server/bank/load.ts';
import { loadPart2 } from '../../server/bank/part2/load.ts';
import { part2Problems } from '../../server/bank/part2/quality.ts';
import { readerFile, tuneReader } from '../../server/bank/part2/tune.ts';
import { formatProblem } from '../../server/bank/problem.ts';

const framework = loadFramework(resolve('question-bank')).framework!;
const shipped = loadPart2(resolve('question-bank'), framework);

describe('the shipped Part II content', () => {
  it('loads without a problem and meets the content rules', () => {
    expect(shipped.problems.map(formatProblem)).toEqual([]);
    const part2 = shipped.part2!;
    expect(part2Problems(part2, framework).problems.map(formatProblem)).toEqual([]);
    expect(part2.prompts.length).toBeGreaterThanOrEqual(30);
    expect(part2.prompts.filter((p) => p.anchors.length >= 3).length).toBeGreaterThanOrEqual(12);
    expect(part2.rubric.criteria.every((c) => [1, 2, 3, 4].every((l) => c.descriptors[l as 1].length > 20))).toBe(true);
  });

  it('ships the reader tuning that essays:agreement makes from the current anchors', () => {
    expect(readFileSync(resolve('question-bank/part2/reader.yaml'), 'utf8')).toBe(readerFile(tuneReader(shipped.part2!)));
    expect(shipped.part2!.tuning!.criteria.understanding.thresholds).toHaveLength(3);
  });
});

describe('a broken Part II file', () => {
  function bankWith(edit: (dir: string) => void) {
    const dir = mkdtempSync(join(tmpdir(), 'cetl-part2-'));
    cpSync(resolve('question-bank/part2'), join(dir, 'part2'), { recursive: true });
    edit(join(dir, 'part2'));
    return loadPart2(dir, framework);
  }
  const replaceIn = (file: string, from: string, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

  it('names the file, line, prompt and field of a bad audience, and loads nothing', () => {
    const { part2, problems } = bankWith((d) => replaceIn(join(d, 'prompts/area-01.yaml'), 'audience: board', 'audience: press'));
    expect(part2).toBeNull();
    const p = problems.find((x) => x.field === 'audience')!;
    expect(p).toMatchObject({ file: expect.stringMatching(/prompts\/area-01\.yaml$/), itemId: 'P01-01', line: expect.any(Number) });
    expect(p.message).toMatch(/press is not an audience; use one of board, cabinet/);
  });

  it('refuses an anchor that scores a criterion the rubric lacks', () => {
    const { problems } = bankWith((d) => replaceIn(join(d, 'prompts/area-01.yaml'), 'scores: { understanding:', 'scores: { insight: 3, understanding:'));
    expect(problems.some((p) => p.field === 'anchors.scores' && /unknown: insight/.test(p.message))).toBe(true);
  });

  it('refuses a first code outside the file’s area', () => {
    const { problems } = bankWith((d) => replaceIn(join(d, 'prompts/area-02.yaml'), 'codes: [2', 'codes: [1A, 2'));
    expect(problems.some((p) => p.field === 'codes' && /first code must lie in area 2/.test(p.message))).toBe(true);
  });

  it('refuses a rubric criterion without all four levels, naming its line', () => {
    const { part2, problems } = bankWith((d) => replaceIn(join(d, 'rubric.yaml'), '      1: Misreads', '      0: Misreads'));
    expect(part2).toBeNull();
    expect(problems.find((p) => p.file.endsWith('rubric.yaml'))).toMatchObject({ field: 'criteria.descriptors', line: expect.any(Number) });
  });
});
