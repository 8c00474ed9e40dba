// The Part II rubric as data, and the rules a score must follow (pure).
export type Level = 1 | 2 | 3 | 4;
export const LEVELS: readonly Level[] = [4, 3, 2, 1];

export interface Criterion {
  id: string;
  name: string;
  question: string;
  descriptors: Record<Level, string>;
}

export interface Rubric {
  /** Content hash: a score names the version it was given against. */
  version: string;
  title: string;
  levels: { level: Level; name: string }[];
  criteria: Criterion[];
}

/** A level for each criterion, keyed by criterion id. */
export type Levels = Record<string, Level>;

/**
 * What is wrong with a score, in words a client can act on; null when it is valid. A complete
 * score (self, peer, coach, calibration) gives every criterion a level; none may name a
 * criterion or level the rubric does not have.
 */
export function levelsProblem(rubric: Rubric, levels: Record<string, number>): string | null {
  const ids = new Set(rubric.criteria.map((c) => c.id));
  for (const [id, level] of Object.entries(levels)) {
    if (!ids.has(id)) return `${id} is not a criterion of this rubric; use ${[...ids].join(', ')}.`;
    if (!LEVELS.includes(level as Level)) return `${level} is not a level for ${id}; levels are 4, 3, 2 and 1.`;
  }
  const missing = rubric.criteria.filter((c) => levels[c.id] === undefined).map((c) => c.id);
  if (missing.length) return `Give a level for every criterion; missing: ${missing.join(', ')}.`;
  return null;
}

/** Sum of the criterion levels (5 criteria: 5–20). */
export function totalOf(levels: Levels): number {
  return Object.values(levels).reduce((sum, level) => sum + level, 0);
}

/** Mean absolute distance between two complete scores, in levels: a reader's calibration gap. */
export function gapBetween(given: Levels, reference: Levels): number {
  const ids = Object.keys(reference);
  return ids.reduce((sum, id) => sum + Math.abs(given[id] - reference[id]), 0) / ids.length;
}
