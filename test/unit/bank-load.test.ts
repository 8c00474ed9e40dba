import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { loadBank } from '../../server/bank/load.ts';
import { formatProblem } from '../../server/bank/problem.ts';

describe('loadBank', () => {
  const bank = loadBank(resolve('test/fixtures/bad-bank'));
  const lines = bank.problems.map(formatProblem);
  const find = (file: string, text: string) => bank.problems.find((p) => p.file.endsWith(file) && p.message.includes(text));

  it('names the file, line and field of a value out of range', () => {
    const p = find('01/1A.yaml', 'must be')!;
    expect(p).toMatchObject({ line: 11, field: 'items.difficulty', itemId: '1A-002' });
  });

  it('names a missing rationale and an answer that is not an option', () => {
    expect(find('02/2B.yaml', 'D')).toMatchObject({ field: 'items.rationale', itemId: '2B-001', line: 8 });
    expect(bank.problems.some((p) => p.file.endsWith('02/2B.yaml') && p.field === 'items.answer' && p.line === 7)).toBe(true);
  });

  it('reports YAML syntax errors with their line', () => {
    const p = bank.problems.find((q) => q.file.endsWith('03/3A.yaml'))!;
    expect(p.line).toBeGreaterThanOrEqual(4);
  });

  it('formats every problem as file:line (item, field): message', () => {
    expect(lines.find((l) => l.includes('1A-002'))).toMatch(/^test\/fixtures\/bad-bank\/part1\/01\/1A\.yaml:11 \(item 1A-002, field items\.difficulty\): /);
  });

  it('loads the shipped bank without a single problem', () => {
    const real = loadBank(resolve('question-bank'));
    expect(real.problems.map(formatProblem)).toEqual([]);
    expect(real.framework!.codeArea.size).toBe(78);
  });

  it('reads ids such as 3E-001 as text, not as the number 0.003', () => {
    const real = loadBank(resolve('question-bank'));
    expect(real.items.every((i) => typeof i.id === 'string' && i.id.startsWith(i.code + '-'))).toBe(true);
  });
});

describe('semantic checks', () => {
  const bad = loadBank(resolve('test/fixtures/bad-bank'));
  const in2C = bad.problems.filter((p) => p.file.endsWith('02/2C.yaml'));

  it('flags an id that does not start with the file code, at its line', () => {
    expect(in2C.find((p) => p.message.includes('must start with 2C-'))).toMatchObject({ line: 10, field: 'id', itemId: '1A-001' });
  });

  it('flags a duplicate id and says where it was first used', () => {
    expect(in2C.find((p) => p.message.includes('duplicate id'))?.message).toMatch(/first used in .*02\/2C\.yaml:3/);
  });

  it('flags a file whose code does not match its name', () => {
    expect(bad.problems.find((p) => p.file.endsWith('02/2D.yaml'))).toMatchObject({ field: 'code', line: 1 });
  });
});

// Each case writes a small bank to a folder of its own: the shipped blueprint and the item files given.
describe('a bank folder', () => {
  const blueprint = readFileSync(resolve('question-bank/blueprint.yaml'), 'utf8');
  const item = (id: string, extra = '') =>
    `  - id: ${id}\n    difficulty: 2\n    stem: "  Which comes first?  "\n    options: { A: "one", B: "two", C: "three", D: "four" }\n` +
    `    answer: C\n    rationale: { A: "a", B: "b", C: "c", D: "d" }\n    refs: [a source]\n${extra}`;
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true })));
  const written = (files: Record<string, string>, bp = blueprint) => {
    const dir = mkdtempSync(join(tmpdir(), 'cetl-bank-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'blueprint.yaml'), bp);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return { dir, shown: (path: string) => relative(process.cwd(), join(dir, path)) };
  };

  it('reads every item of every .yaml file under part1/, in file order, with its line and review', () => {
    const { dir, shown } = written({
      'part1/03/3B.yaml': `code: 3B\nitems:\n${item('3B-001')}`,
      'part1/01/1A.yaml': `code: 1A\nitems:\n${item('1A-002', '    review: { verdict: MINOR, note: reads well }\n')}${item('1A-001')}`,
      'part1/01/notes.md': 'not an item file',
      'part1/01/1B.yml': 'not read either',
    });
    const bank = loadBank(dir);
    expect(bank.problems).toEqual([]);
    expect(bank.items.map((i) => [i.id, i.code, i.area, i.file, i.line, i.verdict])).toEqual([
      ['1A-002', '1A', 1, shown('part1/01/1A.yaml'), 3, 'MINOR'],
      ['1A-001', '1A', 1, shown('part1/01/1A.yaml'), 11, null],
      ['3B-001', '3B', 3, shown('part1/03/3B.yaml'), 3, null],
    ]);
    expect(bank.items[1].content).toEqual({
      difficulty: 2,
      stem: 'Which comes first?',
      options: { A: 'one', B: 'two', C: 'three', D: 'four' },
      answer: 'C',
      rationale: { A: 'a', B: 'b', C: 'c', D: 'd' },
      refs: ['a source'],
    });
  });

  it('finds item lines however the list is indented', () => {
    const deep = `code: 1A\nitems:\n${(item('1A-001') + item('1A-002')).replace(/^/gm, '    ').trimEnd()}\n`;
    const bank = loadBank(written({ 'part1/01/1A.yaml': deep }).dir);
    expect(bank.items.map((i) => i.line)).toEqual([3, 10]);
  });

  it('has no items and no problems without a part1 folder', () => {
    expect(loadBank(written({}).dir)).toMatchObject({ items: [], problems: [] });
  });

  it('names a code that is not in the framework, and loads none of its items', () => {
    const { dir, shown } = written({ 'part1/01/9Z.yaml': `code: 9Z\nitems:\n${item('9Z-001')}` });
    const bank = loadBank(dir);
    expect(bank.items).toEqual([]);
    expect(bank.problems).toEqual([{ file: shown('part1/01/9Z.yaml'), line: 1, field: 'code', itemId: null, message: "9Z is not one of the framework's skill codes" }]);
  });

  it("names a file in another area's folder, and still loads it", () => {
    const { dir, shown } = written({ 'part1/02/1A.yaml': `code: 1A\nitems:\n${item('1A-001')}` });
    const bank = loadBank(dir);
    expect(bank.items.map((i) => i.id)).toEqual(['1A-001']);
    expect(bank.problems).toEqual([{ file: shown('part1/02/1A.yaml'), line: null, field: null, itemId: null, message: 'file belongs in part1/01/, not part1/02/' }]);
  });

  it('names an unknown field of an item or a file, and loads nothing from that file', () => {
    const { dir, shown } = written({
      'part1/01/1A.yaml': `code: 1A\nitems:\n${item('1A-001', '    colour: red\n')}`,
      'part1/01/1B.yaml': `code: 1B\nsource: me\nitems:\n${item('1B-001')}`,
      'part1/01/1C.yaml': `code: 1C\nitems: []\n`,
    });
    const bank = loadBank(dir);
    expect(bank.items).toEqual([]);
    expect(bank.problems).toEqual([
      { file: shown('part1/01/1A.yaml'), line: 3, field: 'items', itemId: '1A-001', message: 'must not have additional properties (colour)' },
      { file: shown('part1/01/1B.yaml'), line: 1, field: null, itemId: null, message: 'must not have additional properties (source)' },
      { file: shown('part1/01/1C.yaml'), line: 2, field: 'items', itemId: null, message: 'must not have fewer than 1 items' },
    ]);
  });

  it('names a YAML error in the blueprint with its line, and reads no items', () => {
    const { dir, shown } = written({ 'part1/01/1A.yaml': `code: 1A\nitems:\n${item('1A-001')}` }, blueprint.replace('categories:', 'categories: ['));
    expect(loadBank(dir)).toEqual({
      framework: null,
      items: [],
      problems: [{ file: shown('blueprint.yaml'), line: 4, field: null, itemId: null, message: 'missed comma between flow collection entries' }],
    });
  });

  it("names a blueprint value out of range by its line and field", () => {
    const { dir, shown } = written({}, blueprint.replace('weight: 15', 'weight: 0'));
    expect(loadBank(dir)).toEqual({
      framework: null,
      items: [],
      problems: [{ file: shown('blueprint.yaml'), line: 10, field: 'areas.weight', itemId: null, message: 'must be >= 1' }],
    });
  });

  it('names weights that do not add up, and reads no items', () => {
    const { dir, shown } = written({ 'part1/01/1A.yaml': `code: 1A\nitems:\n${item('1A-001')}` }, blueprint.replace('weight: 15', 'weight: 16'));
    const at = { file: shown('blueprint.yaml'), line: null, field: null, itemId: null };
    expect(loadBank(dir)).toEqual({
      framework: null,
      items: [],
      problems: [
        { ...at, message: 'area weights sum to 101, not 100' },
        { ...at, message: 'category I weight 36 but its areas sum to 37' },
      ],
    });
  });
});
