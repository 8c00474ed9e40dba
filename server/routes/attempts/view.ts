// Shapes of what the API sends about an attempt; keys only where the domain allows them.
import { mayRevealKey, remainingMs } from '../../domain/attempt.ts';
import { percent, scoreAttempt } from '../../domain/scoring.ts';
import type { FrameworkIndex } from '../../domain/framework.ts';
import { scoredSlots, type AttemptRow, type SlotRow } from './store.ts';
import { awaitsBegin } from './clock.ts';

const LETTERS = ['A', 'B', 'C', 'D'] as const;
export const PRACTICE_NOTICE = 'Practice result from this engine: not an official CETL score and not on the CETL 0–800 scale.';

export function summary(a: AttemptRow, now: number, answered: number) {
  return {
    id: a.id,
    mode: a.mode,
    status: a.status,
    length: a.length,
    startedAt: a.startedAt,
    deadline: a.deadline,
    remainingMs: remainingMs(a, now),
    timeMultiplier: a.timeMultiplier,
    submittedAt: a.submittedAt,
    closedBy: a.closedBy,
    answered,
    minutes: a.minutes,
    begun: !awaitsBegin(a),
    score: a.correct === null ? null : { correct: a.correct, total: a.length, percent: percent(a.correct, a.length) },
  };
}

const options = (s: SlotRow) => LETTERS.map((key) => ({ key, text: s.content.options[key] }));

export function slotItem(s: SlotRow) {
  return { slot: s.slot, itemId: s.itemId, code: s.code, area: s.area, stem: s.content.stem, options: options(s) };
}

export function reveal(s: SlotRow, choice: SlotRow['choice']) {
  return { answer: s.content.answer, correct: choice === s.content.answer, rationale: s.content.rationale };
}

/**
 * `hidden`: items seated in another open exam of the same user. Their keys are never shown
 * elsewhere until that exam is handed in, so a drill cannot leak answers into it.
 */
export function attemptView(a: AttemptRow, rows: SlotRow[], now: number, hidden: ReadonlySet<string>) {
  return {
    attempt: summary(a, now, rows.filter((r) => r.choice !== null).length),
    blueprint: a.blueprint,
    // Before Begin the questions stay on the server: reading them would start the exam off the clock.
    items: awaitsBegin(a) ? [] : rows.map(slotItem),
    responses: rows.map((r) => ({
      slot: r.slot,
      choice: r.choice,
      flagged: r.flagged,
      guessed: r.guessed,
      ...(r.struck !== '' && { struck: r.struck }),
      savedAt: r.savedAt,
      ...(mayRevealKey(a.mode, a.status, r.choice) && !hidden.has(r.itemId) && reveal(r, r.choice)),
    })),
  };
}

/** The report; an open tutor attempt reports only the slots already answered (their keys are shown). */
export function report(a: AttemptRow, rows: SlotRow[], framework: FrameworkIndex, hidden: ReadonlySet<string>) {
  const revealable = rows.filter((r) => mayRevealKey(a.mode, a.status, r.choice));
  const shown = revealable.filter((r) => !hidden.has(r.itemId));
  return {
    attemptId: a.id,
    mode: a.mode,
    status: a.status,
    closedBy: a.closedBy,
    length: a.length,
    startedAt: a.startedAt,
    deadline: a.deadline,
    submittedAt: a.submittedAt,
    timeMultiplier: a.timeMultiplier,
    notice: PRACTICE_NOTICE,
    /** Items left out of `items` while an open exam of the same candidate holds them. */
    withheld: revealable.length - shown.length,
    ...scoreAttempt(scoredSlots(revealable), framework),
    items: shown.map((r) => ({ ...slotItem(r), version: r.version, choice: r.choice, flagged: r.flagged, ...reveal(r, r.choice) })),
  };
}
