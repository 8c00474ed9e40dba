import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
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
