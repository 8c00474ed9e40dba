// Part II essay rules (pure): time, size limits and which save wins. The clock rules are Part I's:
// the same deadline arithmetic, accommodation multiplier and 30-second grace (see attempt.ts).
import { deadlineFor } from './attempt.ts';
import { countWords } from './words.ts';

export type EssayMode = 'timed' | 'practice';

/** Longer text is refused, and nothing already saved is touched. */
export const ESSAY_LIMITS = { words: 10_000, bytes: 100_000 } as const;

export function essayDeadline(mode: EssayMode, startedAt: number, promptMinutes: number, multiplier: number): number | null {
  return deadlineFor(startedAt, mode === 'timed' ? promptMinutes : null, multiplier);
}

/** Why a text cannot be saved, in words the writer can act on; null when it can. */
export function textProblem(text: string): { status: 413 | 400; code: string; message: string } | null {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > ESSAY_LIMITS.bytes) {
    return { status: 413, code: 'essay_too_large', message: `The text is ${Math.ceil(bytes / 1000)} KB; an answer may be at most 100 KB. Your last saved text is kept.` };
  }
  const words = countWords(text);
  if (words > ESSAY_LIMITS.words) {
    return { status: 400, code: 'essay_too_long', message: `The text has ${words} words; an answer may have at most 10,000. Your last saved text is kept.` };
  }
  return null;
}

/** Saves carry the writer's revision counter: only a higher one than the stored text's replaces it. */
export const isNewer = (incoming: number, stored: number) => incoming > stored;

/** The writer's two self-scores: the first before the exemplar is shown, a second one after. */
export function selfScoreKind(given: number): 'self' | 'self_revised' | null {
  return given === 0 ? 'self' : given === 1 ? 'self_revised' : null;
}

export interface AreaTally {
  area: number;
  correct: number;
  total: number;
}

/**
 * The prompt for "a random one in my weakest area": the area with the lowest share correct in
 * the writer's Part I results among areas that have prompts (a tie goes to the lower area number);
 * with no Part I results, any prompt.
 */
export function pickWeakestPrompt<P extends { area: number }>(prompts: readonly P[], tallies: readonly AreaTally[], random: () => number): P {
  const withPrompts = new Set(prompts.map((p) => p.area));
  const measured = tallies.filter((t) => t.total > 0 && withPrompts.has(t.area));
  const weakest = measured.length
    ? measured.reduce((a, b) => (b.correct / b.total < a.correct / a.total || (b.correct / b.total === a.correct / a.total && b.area < a.area) ? b : a)).area
    : null;
  const pool = weakest === null ? prompts : prompts.filter((p) => p.area === weakest);
  return pool[Math.floor(random() * pool.length)];
}
