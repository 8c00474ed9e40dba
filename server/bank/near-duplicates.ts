// Near-duplicate stems, exactly and in near-linear time: an all-pairs set-similarity join with
// prefix filtering (Bayardo et al., "Scaling up all pairs similarity search", WWW 2007). A pair
// with Jaccard ≥ t must share a token among the rarest |x| − ⌈t·|x|⌉ + 1 tokens of each set, so
// only sets sharing a rare token are ever compared; common phrases never enter the index.

/** Jaccard similarity of two sets. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

export interface SimilarPair {
  /** The earlier set (by position in the input). */
  first: number;
  second: number;
  similarity: number;
}

/** Every pair of sets with Jaccard similarity ≥ threshold (0 < threshold ≤ 1). */
export function similarPairs(sets: readonly ReadonlySet<string>[], threshold: number): SimilarPair[] {
  const frequency = new Map<string, number>();
  for (const set of sets) for (const token of set) frequency.set(token, (frequency.get(token) ?? 0) + 1);
  const rarestFirst = (a: string, b: string) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const order = sets.map((_, i) => i).filter((i) => sets[i].size > 0).sort((a, b) => sets[a].size - sets[b].size || a - b);
  const index = new Map<string, number[]>();
  const out: SimilarPair[] = [];
  for (const x of order) {
    const tokens = [...sets[x]].sort(rarestFirst);
    const prefix = tokens.slice(0, tokens.length - Math.ceil(threshold * tokens.length) + 1);
    const candidates = new Set<number>();
    for (const token of prefix) for (const y of index.get(token) ?? []) candidates.add(y);
    for (const y of candidates) {
      // Sets come in ascending size, so |y| ≤ |x|; a smaller one cannot reach the threshold.
      if (sets[y].size < threshold * sets[x].size) continue;
      const s = similarity(sets[x], sets[y]);
      if (s >= threshold) out.push({ first: Math.min(x, y), second: Math.max(x, y), similarity: s });
    }
    for (const token of prefix) {
      const list = index.get(token) ?? [];
      list.push(x);
      index.set(token, list);
    }
  }
  return out.sort((a, b) => a.second - b.second || a.first - b.first);
}
