// Scoring a closed attempt by code → area → category. A practice figure, never a CETL scaled score.
import type { Choice } from './attempt.ts';
import type { FrameworkIndex } from './framework.ts';

export interface ScoredSlot {
  slot: number;
  itemId: string;
  code: string;
  area: number;
  choice: Choice | null;
  answer: Choice;
}

export interface Tally {
  correct: number;
  total: number;
  percent: number;
}

export interface Score {
  score: Tally;
  categories: ({ id: string } & Tally)[];
  areas: ({ area: number } & Tally)[];
  codes: { code: string; correct: number; total: number }[];
}

export function percent(correct: number, total: number): number {
  return total === 0 ? 0 : Math.round((1000 * correct) / total) / 10;
}

function tally(slots: readonly ScoredSlot[]): Tally {
  const correct = slots.filter((s) => s.choice === s.answer).length;
  return { correct, total: slots.length, percent: percent(correct, slots.length) };
}

function groupBy<K>(slots: readonly ScoredSlot[], key: (s: ScoredSlot) => K): Map<K, ScoredSlot[]> {
  const groups = new Map<K, ScoredSlot[]>();
  for (const slot of slots) {
    const k = key(slot);
    groups.set(k, [...(groups.get(k) ?? []), slot]);
  }
  return groups;
}

/** Lists only the categories, areas and codes the attempt drew, in framework order. */
export function scoreAttempt(slots: readonly ScoredSlot[], index: FrameworkIndex): Score {
  const byArea = groupBy(slots, (s) => s.area);
  const byCode = groupBy(slots, (s) => s.code);
  const byCategory = groupBy(slots, (s) => index.area.get(s.area)?.category ?? 'I');
  const codeOrder = index.framework.areas.flatMap((a) => a.codes.map((c) => c.code));
  return {
    score: tally(slots),
    categories: index.framework.categories
      .filter((c) => byCategory.has(c.id))
      .map((c) => ({ id: c.id, ...tally(byCategory.get(c.id)!) })),
    areas: index.framework.areas
      .filter((a) => byArea.has(a.number))
      .map((a) => ({ area: a.number, ...tally(byArea.get(a.number)!) })),
    codes: codeOrder
      .filter((code) => byCode.has(code))
      .map((code) => {
        const { correct, total } = tally(byCode.get(code)!);
        return { code, correct, total };
      }),
  };
}
