// Picking items for a blueprint: least-seen codes and items first, seeded ties, no repeats.
import type { AreaCount } from './blueprint.ts';
import { seededRandom, shuffled, type Random } from './random.ts';

export interface Candidate {
  itemId: string;
  code: string;
  area: number;
  /** How many earlier attempts of this candidate showed the item. */
  seen: number;
  /** When the candidate last saw it (ms since epoch), or null if never. */
  lastSeenAt: number | null;
}

export interface Shortfall {
  area: number;
  needed: number;
  available: number;
}

export type Assembly =
  | { ok: true; items: Candidate[] }
  | { ok: false; shortfalls: Shortfall[] };

/**
 * Fills each area's seats from the pool. Inside an area, seats go round the codes (the least-seen
 * codes first), and each code gives its least-seen, least-recently-seen item. The final order is
 * shuffled so areas are mixed as on the real exam.
 */
export function assemble(blueprint: readonly AreaCount[], pool: readonly Candidate[], seed: number): Assembly {
  const random = seededRandom(seed);
  const shortfalls: Shortfall[] = [];
  const chosen: Candidate[] = [];
  for (const { area, count } of blueprint) {
    if (count === 0) continue;
    const inArea = uniqueById(pool.filter((c) => c.area === area));
    if (inArea.length < count) {
      shortfalls.push({ area, needed: count, available: inArea.length });
      continue;
    }
    chosen.push(...pickFromArea(inArea, count, random));
  }
  if (shortfalls.length > 0) return { ok: false, shortfalls };
  return { ok: true, items: shuffled(chosen, random) };
}

function pickFromArea(items: Candidate[], count: number, random: Random): Candidate[] {
  // Each code's items in the order they should go: least seen, then least recently seen; equal
  // items stay in seeded-random order because the sort is stable after a shuffle.
  const queues = new Map<string, Candidate[]>();
  for (const item of shuffled(items, random)) queues.set(item.code, [...(queues.get(item.code) ?? []), item]);
  for (const list of queues.values()) list.sort(byExposure);
  const taken = new Map<string, number>();
  const picked: Candidate[] = [];
  while (picked.length < count) {
    // The next seat goes to the least-seen item on offer; among equals, to the code with the fewest
    // seats so far, so fresh items come first and codes stay as even as the fresh items allow.
    let best: Candidate | null = null;
    for (const [code, list] of queues) {
      const head = list[0];
      if (!head) continue;
      if (!best || byExposure(head, best) < 0 || (byExposure(head, best) === 0 && (taken.get(code) ?? 0) < (taken.get(best.code) ?? 0))) best = head;
    }
    picked.push(best!);
    queues.get(best!.code)!.shift();
    taken.set(best!.code, (taken.get(best!.code) ?? 0) + 1);
  }
  return picked;
}

function byExposure(a: Candidate, b: Candidate): number {
  return a.seen - b.seen || (a.lastSeenAt ?? -1) - (b.lastSeenAt ?? -1);
}

function uniqueById(items: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.itemId) ? false : (seen.add(i.itemId), true)));
}
