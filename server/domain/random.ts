// Seeded randomness, so that an attempt's draw can be replayed exactly from its seed.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

export interface Random {
  /** A whole number in [0, n). */
  below(n: number): number;
}

export function seededRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed | 0);
  return { below: (n) => uniformInt(rng, 0, n - 1) };
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(values: readonly T[], random: Random): T[] {
  const out = values.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
