// Apportioning exam seats over areas by weight (largest remainder, Hamilton's method).
export interface AreaWeight {
  area: number;
  weight: number;
}

export interface AreaCount {
  area: number;
  count: number;
}

/**
 * Seats for each area: floor of the exact quota n·w/W, then the seats left over go one at a time to
 * the largest fractional parts; ties go to the larger weight, then the lower area number.
 * Weights are renormalised over the areas given, so a drill on some areas uses their share only.
 * Integer arithmetic throughout: remainders are compared as (n·w mod W), never as floats.
 */
export function apportion(n: number, weights: readonly AreaWeight[]): AreaCount[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('exam length must be a whole number ≥ 0');
  if (weights.length === 0) return [];
  const total = weights.reduce((sum, w) => sum + w.weight, 0);
  if (total <= 0) throw new RangeError('weights must sum to more than zero');
  const rows = weights.map((w) => ({
    area: w.area,
    weight: w.weight,
    count: Math.floor((n * w.weight) / total),
    remainder: (n * w.weight) % total,
  }));
  let left = n - rows.reduce((sum, r) => sum + r.count, 0);
  const order = rows
    .slice()
    .sort((a, b) => b.remainder - a.remainder || b.weight - a.weight || a.area - b.area);
  for (const row of order) {
    if (left === 0) break;
    row.count += 1;
    left -= 1;
  }
  return rows.map(({ area, count }) => ({ area, count }));
}
