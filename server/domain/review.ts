// Spaced review with FSRS (ts-fsrs), pure: which answers become cards, how an answer maps to an
// FSRS rating, and a due date that lands before the candidate's exam day.
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';

const DAY = 86_400_000;
// No fuzz: the same answers give the same schedule (and the tests can say when). Whole days, no
// same-day learning steps: reviews form a daily queue, and a missed item comes back tomorrow.
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));

export interface Outcome {
  correct: boolean;
  /** The candidate marked the answer "I guessed". */
  guessed: boolean;
}

/** Wrong or blank → Again; right but guessed → Hard; right and sure → Good. */
export function ratingFor(o: Outcome): Grade {
  if (!o.correct) return Rating.Again;
  return o.guessed ? Rating.Hard : Rating.Good;
}

/** A missed item, or a right guess, starts a card; an item that already has one is always rescheduled. */
export const startsCard = (o: Outcome) => !o.correct || o.guessed;

/** Cards as stored: dates as ISO text. */
export type StoredCard = Record<string, unknown>;

const revive = (stored: StoredCard): Card => ({
  ...(stored as unknown as Card),
  due: new Date(stored.due as string),
  ...(stored.last_review ? { last_review: new Date(stored.last_review as string) } : {}),
});

/**
 * The card after this answer, and when it is due. With an exam date ahead, nothing is scheduled
 * for the exam day or later: a review that would fall then comes the day before (or now, if that
 * day has come).
 */
export function schedule(stored: StoredCard | null, outcome: Outcome, now: number, examDate: number | null): { card: StoredCard; due: number } {
  const card = stored ? revive(stored) : createEmptyCard(new Date(now));
  const next = scheduler.next(card, new Date(now), ratingFor(outcome)).card;
  let due = next.due.getTime();
  if (examDate !== null && examDate > now && due >= examDate) due = Math.max(now, examDate - DAY);
  return { card: JSON.parse(JSON.stringify({ ...next, due: new Date(due) })) as StoredCard, due };
}
