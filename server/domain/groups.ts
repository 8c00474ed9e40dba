// Study-group rules (pure): which aggregates a member may see, how areas rank as weak, what a
// misconception looks like in the counts, drill status, and CSV that a spreadsheet cannot run.
import { percent } from './scoring.ts';

/** Members see a group figure only when at least this many members contribute to it. */
export const MIN_MEMBERS_FOR_AGGREGATE = 3;

export function aggregateVisible(contributors: number, role: 'owner' | 'coach' | 'member'): boolean {
  return role !== 'member' || contributors >= MIN_MEMBERS_FOR_AGGREGATE;
}

export interface AreaResult {
  area: number;
  weight: number;
  correct: number;
  total: number;
}

/**
 * Weakest first: the lowest share correct; on a tie the heavier area (it costs more on the exam),
 * then the lower area number. Areas with no answers are not ranked: nothing is known about them.
 */
export function rankWeakAreas(results: readonly AreaResult[]): AreaResult[] {
  return results
    .filter((r) => r.total > 0)
    .sort((a, b) => a.correct / a.total - b.correct / b.total || b.weight - a.weight || a.area - b.area);
}

export interface ChoiceCount {
  itemId: string;
  choice: 'A' | 'B' | 'C' | 'D' | null;
  count: number;
}

export interface Misconception {
  itemId: string;
  answered: number;
  wrong: number;
  percentWrong: number;
  /** How many chose each option (and left it blank). */
  choices: Record<'A' | 'B' | 'C' | 'D' | 'blank', number>;
  /** The wrong option chosen most often: the one whose rationale the group needs. */
  tempting: 'A' | 'B' | 'C' | 'D' | null;
}

/** Items the group misses most, by share wrong, then by how many missed, then by id. */
export function misconceptions(counts: readonly ChoiceCount[], keys: ReadonlyMap<string, string>, limit: number): Misconception[] {
  const byItem = new Map<string, Misconception>();
  for (const c of counts) {
    const key = keys.get(c.itemId);
    if (!key) continue;
    const m = byItem.get(c.itemId) ?? { itemId: c.itemId, answered: 0, wrong: 0, percentWrong: 0, choices: { A: 0, B: 0, C: 0, D: 0, blank: 0 }, tempting: null };
    m.choices[c.choice ?? 'blank'] += c.count;
    m.answered += c.count;
    if (c.choice !== key) m.wrong += c.count;
    byItem.set(c.itemId, m);
  }
  const out = [...byItem.values()].filter((m) => m.wrong > 0);
  for (const m of out) {
    m.percentWrong = percent(m.wrong, m.answered);
    const key = keys.get(m.itemId);
    const wrongOptions = (['A', 'B', 'C', 'D'] as const).filter((l) => l !== key && m.choices[l] > 0);
    m.tempting = wrongOptions.sort((a, b) => m.choices[b] - m.choices[a] || a.localeCompare(b))[0] ?? null;
  }
  return out.sort((a, b) => b.percentWrong - a.percentWrong || b.wrong - a.wrong || a.itemId.localeCompare(b.itemId)).slice(0, limit);
}

export type DrillState = 'not_started' | 'started' | 'finished';

export function drillState(attempt: { status: 'open' | 'submitted' } | null): DrillState {
  return attempt === null ? 'not_started' : attempt.status === 'open' ? 'started' : 'finished';
}

/** Overdue: past the due date and not finished. */
export function isOverdueDrill(state: DrillState, dueAt: number | null, now: number): boolean {
  return dueAt !== null && now > dueAt && state !== 'finished';
}

/**
 * One CSV cell: quoted when it holds a comma, quote or line break; a cell a spreadsheet would read
 * as a formula (starting with = + - @, or a tab or carriage return) gets a leading apostrophe.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export interface Counted {
  correct: number;
  total: number;
}

/**
 * Sums counts by a key in one pass; `at(key)` gives correct, answered and percent (zero when the
 * key has no rows). Results, the export and weak-area drills all read group counts through this.
 */
export function sumBy<R extends Counted, K>(rows: readonly R[], key: (r: R) => K) {
  const sums = new Map<K, Counted>();
  for (const r of rows) {
    const s = sums.get(key(r)) ?? { correct: 0, total: 0 };
    s.correct += r.correct;
    s.total += r.total;
    sums.set(key(r), s);
  }
  return (k: K) => {
    const s = sums.get(k) ?? { correct: 0, total: 0 };
    return { correct: s.correct, total: s.total, percent: percent(s.correct, s.total) };
  };
}
