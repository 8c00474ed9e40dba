// The CETL framework as data: categories, areas (with weights) and skill codes.
export type CategoryId = 'I' | 'II' | 'III';

export interface Category {
  id: CategoryId;
  name: string;
  weight: number;
}

export interface Code {
  code: string;
  summary: string;
}

export interface Area {
  number: number;
  name: string;
  weight: number;
  category: CategoryId;
  codes: Code[];
}

export interface Framework {
  categories: Category[];
  areas: Area[];
}

/** "10B" → 10; codes are the area number followed by one capital letter. */
export function areaOfCode(code: string): number {
  const match = /^(\d{1,2})[A-Z]$/.exec(code);
  if (!match) throw new Error(`not a skill code: ${code}`);
  return Number(match[1]);
}

export function isCode(code: string): boolean {
  return /^(\d{1,2})[A-Z]$/.test(code);
}

export interface FrameworkIndex {
  framework: Framework;
  area: Map<number, Area>;
  codeArea: Map<string, number>;
  category: Map<CategoryId, Category>;
}

export function indexFramework(framework: Framework): FrameworkIndex {
  const area = new Map(framework.areas.map((a) => [a.number, a]));
  const codeArea = new Map<string, number>();
  for (const a of framework.areas) for (const c of a.codes) codeArea.set(c.code, a.number);
  const category = new Map(framework.categories.map((c) => [c.id, c]));
  return { framework, area, codeArea, category };
}

/** Checks the internal consistency of a framework; returns problems as sentences. */
export function frameworkProblems(framework: Framework): string[] {
  const problems: string[] = [];
  const categoryIds = new Set(framework.categories.map((c) => c.id));
  const areaWeights = framework.areas.reduce((sum, a) => sum + a.weight, 0);
  if (areaWeights !== 100) problems.push(`area weights sum to ${areaWeights}, not 100`);
  for (const category of framework.categories) {
    const sum = framework.areas.filter((a) => a.category === category.id).reduce((s, a) => s + a.weight, 0);
    if (sum !== category.weight) problems.push(`category ${category.id} weight ${category.weight} but its areas sum to ${sum}`);
  }
  const seen = new Set<string>();
  for (const a of framework.areas) {
    if (!Number.isInteger(a.weight) || a.weight <= 0) problems.push(`area ${a.number} weight must be a positive whole percent`);
    if (!categoryIds.has(a.category)) problems.push(`area ${a.number} names unknown category ${a.category}`);
    for (const c of a.codes) {
      if (!isCode(c.code) || areaOfCode(c.code) !== a.number) problems.push(`code ${c.code} does not belong to area ${a.number}`);
      if (seen.has(c.code)) problems.push(`code ${c.code} listed twice`);
      seen.add(c.code);
    }
  }
  return problems;
}
