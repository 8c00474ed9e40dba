// The five-point self-rating scale ("need help" 1 … "excel" 5) against measured mastery (pure).
export const SELF_RATING_LABELS = ['need help', 'shaky', 'getting there', 'solid', 'excel'] as const;

/** Measured mastery on the same scale: below 50% → 1, 50–60% → 2, 60–70% → 3, 70–80% → 4, 80% and up → 5. */
export function measuredRating(mean: number): 1 | 2 | 3 | 4 | 5 {
  if (mean < 0.5) return 1;
  if (mean < 0.6) return 2;
  if (mean < 0.7) return 3;
  if (mean < 0.8) return 4;
  return 5;
}

/** Enough answers for the measured rating to be worth comparing with the candidate's own. */
export const MIN_ANSWERS_TO_COMPARE = 5;

/** The areas where self-rating and measurement disagree most (largest gap first, then area order). */
export function disagreements(areas: readonly { area: number; mean: number; answered: number; selfRating: number | null }[], limit = 3) {
  return areas
    .filter((a) => a.selfRating !== null && a.answered >= MIN_ANSWERS_TO_COMPARE)
    .map((a) => ({ area: a.area, selfRating: a.selfRating!, measuredRating: measuredRating(a.mean), gap: Math.abs(a.selfRating! - measuredRating(a.mean)) }))
    .filter((d) => d.gap > 0)
    .sort((x, y) => y.gap - x.gap || x.area - y.area)
    .slice(0, limit);
}
