// The Part II files: the shipped content passes every rule and the reader's tuning is current;
// a broken file is named by file, line and field, and stops the load.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFramework } from '../../server/bank/load.ts';
import { loadPart2 } from '../../server/bank/part2/load.ts';
import { part2Problems } from '../../server/bank/part2/quality.ts';
import { readerFile, tuneReader } from '../../server/bank/part2/tune.ts';
import { formatProblem } from '../../server/bank/problem.ts';
import type { Prompt } from '../../server/domain/part2.ts';

const framework = loadFramework(resolve('question-bank')).framework!;
const shipped = loadPart2(resolve('question-bank'), framework);

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true })));
/** loadPart2 over a copy of the shipped part2/ folder, edited first; `shown` names a file as problems do. */
function loaded(edit: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'cetl-part2-'));
  copies.push(dir);
  cpSync(resolve('question-bank/part2'), join(dir, 'part2'), { recursive: true });
  edit(join(dir, 'part2'));
  return { ...loadPart2(dir, framework), shown: (path: string) => relative(process.cwd(), join(dir, 'part2', path)) };
}
/** Replaces text that must be there: an edit that misses would leave the test proving nothing. */
function replaceIn(file: string, from: string, to: string) {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(file, text.replace(from, to));
}

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

  it('names the file, line, prompt and field of a bad audience, and loads nothing', () => {
    const { part2, problems } = loaded((d) => replaceIn(join(d, 'prompts/area-01.yaml'), 'audience: board', 'audience: press'));
    expect(part2).toBeNull();
    const p = problems.find((x) => x.field === 'audience')!;
    expect(p).toMatchObject({ file: expect.stringMatching(/prompts\/area-01\.yaml$/), itemId: 'P01-01', line: expect.any(Number) });
    expect(p.message).toMatch(/press is not an audience; use one of board, cabinet/);
  });

  it('refuses an anchor that scores a criterion the rubric lacks', () => {
    const { problems } = loaded((d) => replaceIn(join(d, 'prompts/area-01.yaml'), 'scores: { understanding:', 'scores: { insight: 3, understanding:'));
    expect(problems.some((p) => p.field === 'anchors.scores' && /unknown: insight/.test(p.message))).toBe(true);
  });

  it('refuses a first code outside the file’s area', () => {
    const { problems } = loaded((d) => replaceIn(join(d, 'prompts/area-02.yaml'), 'codes: [2', 'codes: [1A, 2'));
    expect(problems.some((p) => p.field === 'codes' && /first code must lie in area 2/.test(p.message))).toBe(true);
  });

  it('refuses a rubric criterion without all four levels, naming its line', () => {
    const { part2, problems } = loaded((d) => replaceIn(join(d, 'rubric.yaml'), '      1: Misreads', '      0: Misreads'));
    expect(part2).toBeNull();
    expect(problems.find((p) => p.file.endsWith('rubric.yaml'))).toMatchObject({ field: 'criteria.descriptors', line: expect.any(Number) });
  });
});

describe('the rules a prompt file is held to, each named by file, line, prompt and field', () => {
  const area1 = (from: string, to: string) => (d: string) => replaceIn(join(d, 'prompts/area-01.yaml'), from, to);
  const onlyProblem = (edit: (dir: string) => void) => {
    const { part2, problems, shown } = loaded(edit);
    expect(part2).toBeNull();
    expect(problems).toHaveLength(1);
    return { problem: problems[0], shown };
  };

  it('a file named for another area, at its area line', () => {
    const { problem, shown } = onlyProblem((d) => {
      // The area written last, so its line is not the file's first.
      const text = readFileSync(join(d, 'prompts/area-01.yaml'), 'utf8').replace('area: 1\n', '');
      writeFileSync(join(d, 'prompts/area-1.yaml'), `${text}area: 1\n`);
      rmSync(join(d, 'prompts/area-01.yaml'));
    });
    expect(problem).toMatchObject({ file: shown('prompts/area-1.yaml'), field: 'area', itemId: null, message: 'area 1 belongs in area-01.yaml' });
    expect(problem.line).toBe(readFileSync(resolve('question-bank/part2/prompts/area-01.yaml'), 'utf8').split('\n').length - 1);
  });

  it('a YAML error, alone and at its line', () => {
    const { problem, shown } = onlyProblem((d) => replaceIn(join(d, 'audiences.yaml'), '{ id: board,', '{ id: board'));
    expect(problem).toMatchObject({ file: shown('audiences.yaml'), line: 4, field: null, itemId: null });
  });

  it('a value of the wrong kind, named with its prompt; in another file, with none', () => {
    expect(onlyProblem(area1('minutes: 30', 'minutes: half an hour')).problem).toMatchObject({ line: 7, field: 'prompts.minutes', itemId: 'P01-01' });
    expect(onlyProblem((d) => replaceIn(join(d, 'audiences.yaml'), 'grade: 12 }', 'grade: twelve }')).problem).toMatchObject({ field: 'audiences.grade', itemId: null });
  });

  it('reads only .yaml files from prompts/, and none when there is no prompts/ folder', () => {
    const { part2, problems } = loaded((d) => writeFileSync(join(d, 'prompts/README.md'), '# notes: not a prompt file'));
    expect(problems).toEqual([]);
    expect(part2!.prompts).toHaveLength(shipped.part2!.prompts.length);
    const bare = loaded((d) => rmSync(join(d, 'prompts'), { recursive: true }));
    expect(bare.problems).toEqual([]);
    expect(bare.part2!.prompts).toEqual([]);
  });

  it("an id without the file's area", () => {
    const { problem, shown } = onlyProblem(area1('id: P01-02', 'id: P09-99'));
    expect(problem).toEqual({ file: shown('prompts/area-01.yaml'), line: 174, field: 'id', itemId: 'P09-99', message: "id must start with P01- (the file's area)" });
  });

  it('an id used twice', () => {
    const { problem, shown } = onlyProblem(area1('id: P01-02', 'id: P01-01'));
    expect(problem).toEqual({ file: shown('prompts/area-01.yaml'), line: 174, field: 'id', itemId: 'P01-01', message: `duplicate id; first used in ${shown('prompts/area-01.yaml')}` });
  });

  it('a code the framework does not have, at its place in the list', () => {
    const { problem } = onlyProblem(area1('codes: [1A, 1C]', 'codes:\n      - 1A\n      - 1Z'));
    expect(problem).toMatchObject({ line: 7, field: 'codes', itemId: 'P01-01', message: "1Z is not one of the framework's skill codes" });
  });

  it('an audience that is not listed, with the ones that are', () => {
    const { problem } = onlyProblem(area1('audience: board', 'audience: press'));
    expect(problem).toMatchObject({ line: 6, field: 'audience', itemId: 'P01-01' });
    expect(problem.message).toBe('press is not an audience; use one of board, cabinet, principals, teachers, parents, community, students, staff');
  });

  it('a word range whose minimum is not below its maximum', () => {
    const { problem } = onlyProblem(area1('words: { min: 300, max: 600 }', 'words: { min: 600, max: 600 }'));
    expect(problem).toMatchObject({ line: 8, field: 'words', itemId: 'P01-01', message: 'words.min must be below words.max' });
  });

  it('two key points with one id', () => {
    const { problem } = onlyProblem(area1('- id: K2', '- id: K1'));
    expect(problem).toMatchObject({ field: 'keyPoints', itemId: 'P01-01', message: 'key point ids must be unique' });
  });

  it('an anchor that leaves a criterion unscored, at its scores', () => {
    const { problem } = onlyProblem(area1('scores: { understanding: 4, strategy: 4, audience: 3, accuracy: 4, organisation: 4 }', 'scores: { understanding: 4, strategy: 4, audience: 3, accuracy: 4 }'));
    expect(problem).toMatchObject({ line: 128, field: 'anchors.scores', itemId: 'P01-01' });
    expect(problem.message).toBe('anchor A1 must give every criterion (understanding, strategy, audience, accuracy, organisation); missing: organisation');
  });

  it('an anchor that scores a criterion the rubric lacks and leaves one out', () => {
    const { problem } = onlyProblem(area1('accuracy: 4, organisation: 4 }', 'accuracy: 4, insight: 4 }'));
    expect(problem.message).toBe('anchor A1 must give every criterion (understanding, strategy, audience, accuracy, organisation); unknown: insight; missing: organisation');
  });

  it('a quoted title is trimmed like the rest', () => {
    const { part2 } = loaded(area1('title: A technology vision the board can fund', 'title: "  A technology vision the board can fund  "'));
    expect(part2!.promptById.get('P01-01')!.title).toBe('A technology vision the board can fund');
  });

  it('loads without the reader tuning, which then is null', () => {
    const { part2, problems } = loaded((d) => rmSync(join(d, 'reader.yaml')));
    expect(problems).toEqual([]);
    expect(part2!.tuning).toBeNull();
    expect(part2!.prompts).toHaveLength(shipped.part2!.prompts.length);
  });

  it("versions a prompt by its content: a changed scenario is a new version, others keep theirs", () => {
    const { part2 } = loaded(area1('Millbrook Unified School District serves 11,800', 'Millbrook Unified School District serves 11,900'));
    const before = shipped.part2!.promptById;
    expect(part2!.promptById.get('P01-01')!.version).not.toBe(before.get('P01-01')!.version);
    expect(part2!.promptById.get('P01-01')!.version).toMatch(/^[0-9a-f]{16}$/);
    expect(part2!.promptById.get('P01-02')!.version).toBe(before.get('P01-02')!.version);
    expect(part2!.rubric.version).toBe(shipped.part2!.rubric.version);
  });

  it('trims the texts a candidate reads', () => {
    const p = shipped.part2!.promptById.get('P01-01')!;
    expect(p.area).toBe(1);
    expect(p.scenario.startsWith('Millbrook Unified School District serves 11,800')).toBe(true);
    for (const text of [p.title, p.scenario, p.task, p.exemplar, ...p.anchors.map((a) => a.text)]) expect(text).toBe(text.trim());
  });
});

describe('the Part II content rules (bank:check)', () => {
  const part2 = () => shipped.part2!;
  const checked = (prompts: Prompt[]) => part2Problems({ ...part2(), prompts }, framework);
  const without = (...ids: string[]) => part2().prompts.filter((p) => !ids.includes(p.id));
  const messages = (prompts: Prompt[]) => checked(prompts).problems.map((p) => p.message);

  it('asks for 30 prompts, 4 in each of areas 1, 2, 4 and 5 and 2 in every other', () => {
    // Shipped: 32 prompts; areas 3 and 6 hold 3 each, area 7 holds 2.
    expect(messages(without('P03-02', 'P06-02'))).toEqual([]);
    expect(checked(without('P03-02', 'P06-02', 'P01-03', 'P07-01', 'P07-02')).problems).toEqual([
      { file: 'question-bank/part2/prompts', line: null, field: null, itemId: null, message: '27 prompts; at least 30 are needed' },
      { file: 'question-bank/part2/prompts/area-01.yaml', line: null, field: null, itemId: null, message: '3 prompts in area 1; at least 4 are needed' },
      { file: 'question-bank/part2/prompts/area-07.yaml', line: null, field: null, itemId: null, message: '0 prompts in area 7; at least 2 are needed' },
    ]);
  });

  it('asks for 12 prompts with 3 anchor answers each', () => {
    const anchoredIds = part2().prompts.filter((p) => p.anchors.length >= 3).map((p) => p.id);
    expect(anchoredIds).toHaveLength(14);
    const thinned = (n: number) => part2().prompts.map((p) => (anchoredIds.indexOf(p.id) >= 14 - n ? { ...p, anchors: p.anchors.slice(0, 2) } : p));
    expect(messages(thinned(2))).toEqual([]);
    expect(messages(thinned(3))).toEqual(['11 prompts carry 3 anchor answers; at least 12 must']);
  });

  it("holds each exemplar to its prompt's word range, its key points and plain words", () => {
    const [first, ...rest] = part2().prompts;
    const exemplar = (text: string) => checked([{ ...first, exemplar: text }, ...rest]);
    const inWords = (n: number) => exemplar(first.exemplar.split(/\s+/).slice(0, n).join(' ')).problems.filter((p) => p.field === 'exemplar').map((p) => p.message);
    expect(first).toMatchObject({ id: 'P01-01', words: { min: 300, max: 600 } });
    expect(inWords(300)).toEqual([]);
    expect(inWords(299)).toEqual(['exemplar has 299 words; the prompt asks for 300–600']);
    const long = exemplar(`${first.exemplar} ${first.exemplar}`).problems.find((p) => p.field === 'exemplar')!;
    expect(long.message).toMatch(/^exemplar has \d+ words; the prompt asks for 300–600$/);
    const short = exemplar('I recommend that the board adopt a technology vision tied to the strategic plan. Our LMS and SIS need an RFP.');
    expect(short.problems.find((p) => p.field === 'keyPoints')).toEqual({
      file: 'question-bank/part2/prompts/area-01.yaml', line: null, field: 'keyPoints', itemId: 'P01-01',
      message: 'the exemplar does not show K2, K4, K5, K7, K8 by any of its evidence phrases; reword the evidence or the exemplar',
    });
    expect(short.notes[0]).toEqual({ file: 'question-bank/part2/prompts/area-01.yaml', line: null, field: 'exemplar', itemId: 'P01-01', message: 'uses RFP, LMS, SIS without explaining it' });
    expect(checked(part2().prompts).notes.map((n) => n.itemId)).not.toContain('P01-01');
  });
});
