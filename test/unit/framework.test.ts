// The framework file's own rules: codes are an area number and one capital letter; weights are
// whole, positive and sum to 100; categories add up; every code sits in its own area once.
import { describe, expect, it } from 'vitest';
import { areaOfCode, frameworkProblems, isCode, type Framework } from '../../server/domain/framework.ts';

describe('skill codes', () => {
  it('are one or two digits and one capital letter, nothing before or after', () => {
    expect(['1A', '10C', '7F'].map(isCode)).toEqual([true, true, true]);
    expect(['x1A', '1AB', '1a', '100A', 'A', ''].map(isCode)).toEqual([false, false, false, false, false, false]);
    expect(areaOfCode('10C')).toBe(10);
    expect(() => areaOfCode('x1A')).toThrow('not a skill code: x1A');
    expect(() => areaOfCode('1AB')).toThrow('not a skill code: 1AB');
  });
});

describe('framework problems', () => {
  const base = (): Framework => ({
    categories: [{ id: 'I', name: 'One', weight: 60 }, { id: 'II', name: 'Two', weight: 40 }],
    areas: [
      { number: 1, name: 'A1', weight: 60, category: 'I', codes: [{ code: '1A', summary: 's' }, { code: '1B', summary: 's' }] },
      { number: 2, name: 'A2', weight: 40, category: 'II', codes: [{ code: '2A', summary: 's' }] },
    ],
  } as Framework);

  it('finds nothing wrong in a sound framework', () => {
    expect(frameworkProblems(base())).toEqual([]);
  });

  it('names weights that do not sum to 100 and categories whose areas do not add up', () => {
    const f = base();
    f.areas[1].weight = 30;
    expect(frameworkProblems(f)).toEqual(['area weights sum to 90, not 100', 'category II weight 40 but its areas sum to 30']);
  });

  it('names an area weight that is not a positive whole number', () => {
    for (const weight of [0, -5, 2.5]) {
      const f = base();
      f.areas[0].weight = weight;
      expect(frameworkProblems(f)).toContain(`area 1 weight must be a positive whole percent`);
    }
  });

  it('names an unknown category, a code in the wrong area, a malformed code and a code listed twice', () => {
    const f = base();
    f.areas[1].category = 'IV' as never;
    f.areas[1].codes.push({ code: '1C', summary: 's' }, { code: '2a', summary: 's' }, { code: '2A', summary: 's' });
    const problems = frameworkProblems(f);
    expect(problems).toContain('area 2 names unknown category IV');
    expect(problems).toContain('code 1C does not belong to area 2');
    expect(problems).toContain('code 2a does not belong to area 2');
    expect(problems).toContain('code 2A listed twice');
  });
});
