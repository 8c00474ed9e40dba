import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { loadBank } from '../../server/bank/load.ts';
import { formatProblem } from '../../server/bank/problem.ts';

// Each bank is loaded inside its test: Stryker credits a test only with code run while it runs.
describe('loadBank', () => {
  const badBank = () => loadBank(resolve('test/fixtures/bad-bank'));

  it('names every problem of the bad bank by file, line, item and field, and nothing more', () => {
    expect(badBank().problems.map(formatProblem)).toEqual([
      'test/fixtures/bad-bank/part1/01/1A.yaml:11 (item 1A-002, field items.difficulty): must be equal to constant',
      'test/fixtures/bad-bank/part1/02/2B.yaml:7 (item 2B-001, field items.answer): must be equal to constant',
      // A missing key is placed at its parent's line.
      'test/fixtures/bad-bank/part1/02/2B.yaml:8 (item 2B-001, field items.rationale): must have required properties D',
      "test/fixtures/bad-bank/part1/02/2C.yaml:10 (item 1A-001, field id): id must start with 2C- (the file's code)",
      'test/fixtures/bad-bank/part1/02/2C.yaml:17 (item 2C-001, field id): duplicate id; first used in test/fixtures/bad-bank/part1/02/2C.yaml:3',
      'test/fixtures/bad-bank/part1/02/2D.yaml:1 (field code): code 2E does not match the file name 2D.yaml',
      'test/fixtures/bad-bank/part1/03/3A.yaml:5: unexpected end of the stream within a double quoted scalar',
    ]);
  });

  it('keeps the items of files without a shape problem, even those with other problems', () => {
    // 1A.yaml, 2B.yaml (shape) and 3A.yaml (YAML) are left out; 2C.yaml's ids and 2D.yaml's code are named above.
    expect(badBank().items.map((i) => i.id)).toEqual(['2C-001', '1A-001', '2C-001', '2E-001']);
  });

  it('formats a problem without a line or item as file: message', () => {
    expect(formatProblem({ file: 'question-bank/part1', line: null, field: null, itemId: null, message: 'too few items' })).toBe('question-bank/part1: too few items');
    expect(formatProblem({ file: 'a.yaml', line: 3, field: 'stem', itemId: null, message: 'empty' })).toBe('a.yaml:3 (field stem): empty');
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

  it('reads the files of a folder in name order, whatever order they were written in', () => {
    const { dir } = written({
      'part1/01/1B.yaml': `code: 1B\nitems:\n${item('1B-001')}`,
      'part1/01/1A.yaml': `code: 1A\nitems:\n${item('1A-001')}`,
      'part1/01/1C.yaml': `code: 1C\nitems:\n${item('1C-001')}`,
    });
    expect(loadBank(dir).items.map((i) => i.id)).toEqual(['1A-001', '1B-001', '1C-001']);
  });

  it('places a problem in the twelfth item at its own line', () => {
    const items = Array.from({ length: 12 }, (_, i) => item(`1A-${String(i + 1).padStart(3, '0')}`)).join('');
    const { dir } = written({ 'part1/01/1A.yaml': `code: 1A\nitems:\n${items.replace('1A-012\n    difficulty: 2', '1A-012\n    difficulty: 4')}` });
    expect(loadBank(dir).problems).toEqual([expect.objectContaining({ line: 81, field: 'items.difficulty', itemId: '1A-012' })]);
  });

  it('has no items and no problems without a part1 folder', () => {
    expect(loadBank(written({}).dir)).toMatchObject({ items: [], problems: [] });
  });

  it('names a code that is not in the framework, and loads none of its items', () => {
    // The code written last, so its line is not the file's first.
    const { dir, shown } = written({ 'part1/01/9Z.yaml': `items:\n${item('9Z-001')}code: 9Z\n` });
    const bank = loadBank(dir);
    expect(bank.items).toEqual([]);
    expect(bank.problems).toEqual([{ file: shown('part1/01/9Z.yaml'), line: 9, field: 'code', itemId: null, message: "9Z is not one of the framework's skill codes" }]);
  });

  it("names a file in another area's folder, and still loads it", () => {
    const { dir, shown } = written({ 'part1/02/1A.yaml': `code: 1A\nitems:\n${item('1A-001')}` });
    const bank = loadBank(dir);
    expect(bank.items.map((i) => i.id)).toEqual(['1A-001']);
    expect(bank.problems).toEqual([{ file: shown('part1/02/1A.yaml'), line: null, field: null, itemId: null, message: 'file belongs in part1/01/, not part1/02/' }]);
  });

  it('names an unknown field of an item or a file, and loads nothing from that file', () => {
    const { dir, shown } = written({
      'part1/01/1A.yaml': `code: 1A\nitems:\n${item('1A-001', '    colour: red\n    size: 2\n')}`,
      'part1/01/1B.yaml': `code: 1B\nsource: me\nitems:\n${item('1B-001')}`,
      'part1/01/1C.yaml': `code: 1C\nitems: []\n`,
    });
    const bank = loadBank(dir);
    expect(bank.items).toEqual([]);
    expect(bank.problems).toEqual([
      { file: shown('part1/01/1A.yaml'), line: 3, field: 'items', itemId: '1A-001', message: 'must not have additional properties (colour, size)' },
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
