// Attempt timing and state: the server's clock decides; the client's countdown only displays it.
export type Mode = 'exam' | 'tutor';
export type Status = 'open' | 'submitted';
export type Choice = 'A' | 'B' | 'C' | 'D';

/** Network lag allowance after the deadline, during which a response is still accepted. */
export const GRACE_MS = 30_000;
export const EXAM_DEFAULTS = { length: 100, minutes: 120 } as const;

export interface AttemptClock {
  status: Status;
  deadline: number | null;
}

export interface AttemptSettings {
  mode: Mode;
  length?: number;
  minutes?: number;
}

/**
 * Exam mode is timed by default (120 minutes for 100 items, pro rata for other lengths);
 * tutor mode is untimed unless minutes are asked for. The candidate's accommodation
 * multiplier stretches every timed attempt.
 */
export function plannedMinutes(settings: AttemptSettings): number | null {
  if (settings.minutes !== undefined) return settings.minutes;
  if (settings.mode === 'tutor') return null;
  const length = settings.length ?? EXAM_DEFAULTS.length;
  return Math.max(1, Math.round((EXAM_DEFAULTS.minutes * length) / EXAM_DEFAULTS.length));
}

export function deadlineFor(startedAt: number, minutes: number | null, multiplier: number): number | null {
  if (minutes === null) return null;
  return startedAt + Math.round(minutes * 60_000 * multiplier);
}

export function remainingMs(attempt: AttemptClock, now: number): number | null {
  if (attempt.deadline === null) return null;
  if (attempt.status !== 'open') return 0;
  return Math.max(0, attempt.deadline - now);
}

/** Past the deadline and the grace: closed and scored the next time anyone touches it. */
export function isOverdue(attempt: AttemptClock, now: number): boolean {
  return attempt.status === 'open' && attempt.deadline !== null && now > attempt.deadline + GRACE_MS;
}

export function acceptsResponses(attempt: AttemptClock, now: number): boolean {
  return attempt.status === 'open' && !isOverdue(attempt, now);
}

/** Who closed an attempt being handed in now: once the clock reads zero (inside the grace) it is time. */
export function handInCause(attempt: AttemptClock, now: number): 'candidate' | 'time' {
  return attempt.deadline !== null && now >= attempt.deadline ? 'time' : 'candidate';
}

/** Exam mode hides keys until the attempt is submitted; tutor mode shows a slot's key once answered. */
export function mayRevealKey(mode: Mode, status: Status, choice: Choice | null): boolean {
  if (status === 'submitted') return true;
  return mode === 'tutor' && choice !== null;
}
