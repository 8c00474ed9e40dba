// Handing in an essay: the automated first reading is made from the last saved text and recorded
// with the close, in one transaction. Used by submit, by any read of an overdue essay, and the sweep.
import { GRACE_MS, handInCause, isOverdue } from '../../domain/attempt.ts';
import { readEssay } from '../../domain/reading/reading.ts';
import type { Part2Bank } from '../../bank/part2/load.ts';
import type { Db } from '../../db/client.ts';
import { essayStore, type EssayRow } from './store.ts';

export function closeEssay(db: Db, part2: Part2Bank, essay: EssayRow, now: number, cause: 'candidate' | 'time'): EssayRow {
  const store = essayStore(db);
  const prompt = store.promptAt(essay.promptId, essay.promptVersion);
  const audience = part2.audiences.get(prompt.audience) ?? { id: prompt.audience, name: prompt.audience, grade: 12 };
  const reading = readEssay(essay.text, prompt, audience, part2.jargon, part2.tuning);
  const levels = Object.fromEntries(reading.criteria.filter((c) => c.level !== null).map((c) => [c.criterion, c.level!]));
  store.closeEssay(essay, now, cause, { rubricVersion: part2.rubric.version, levels, detail: reading });
  return store.loadEssay(essay.id)!;
}

/** An essay past its deadline and grace is handed in (cause: time) the moment anyone touches it. */
export function touchEssay(db: Db, part2: Part2Bank, essay: EssayRow, now: number): EssayRow {
  return isOverdue(essay, now) ? closeEssay(db, part2, essay, now, 'time') : essay;
}

/** Hands in every overdue essay; returns how many. */
export function sweepOverdueEssays(db: Db, part2: Part2Bank, now: number): number {
  const overdue = essayStore(db).overdueEssays(now, GRACE_MS);
  for (const essay of overdue) closeEssay(db, part2, essay, now, handInCause(essay, now));
  return overdue.length;
}
