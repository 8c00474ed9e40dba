// An attempt created with `startClock: 'on_begin'` is stored with its planned minutes and no
// deadline until the candidate begins it (POST /api/attempts/:id/begin); the server then sets the
// start and the deadline, so the clock stays the server's.

export interface BeginnableAttempt {
  status: 'open' | 'submitted';
  minutes: number | null;
  deadline: number | null;
}

/** Timed, open, and its clock not started yet. */
export function awaitsBegin(attempt: BeginnableAttempt): boolean {
  return attempt.status === 'open' && attempt.minutes !== null && attempt.deadline === null;
}
