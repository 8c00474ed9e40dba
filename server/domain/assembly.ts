// Picking items for a blueprint: least-seen codes and items first, seeded ties, no repeats.
// Work is proportional to the seats and to the candidate's own exposure, never to the bank's size:
// unseen items are drawn lazily by a sparse Fisher–Yates shuffle of each code's item list.
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

/** One code's active items, and those of them this candidate has already seen. */
export interface CodePool {
  code: string;
  itemIds: readonly string[];
  /** Items of `itemIds` the candidate has seen (seen ≥ 1); the rest count as unseen. */
  seen: readonly Candidate[];
  /** How many of `itemIds` are excluded (members of `excluded` below). */
  excludedCount: number;
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
 * Fills each area's seats from its code pools. Inside an area, the next seat goes to the
 * least-seen item on offer; among equals, to the code with the fewest seats so far. Within a code,
 * unseen items come in seeded-random order, then seen ones, least seen and least recently seen
 * first. Items in `excluded` are never drawn. The final order is shuffled so areas mix.
 */
export function assembleFromPools(
  blueprint: readonly AreaCount[],
  pools: ReadonlyMap<number, readonly CodePool[]>,
  excluded: ReadonlySet<string>,
  seed: number,
): Assembly {
  const random = seededRandom(seed);
  const shortfalls: Shortfall[] = [];
  const chosen: Candidate[] = [];
  for (const { area, count } of blueprint) {
    if (count === 0) continue;
    const codes = pools.get(area) ?? [];
    const available = codes.reduce((n, c) => n + c.itemIds.length - c.excludedCount, 0);
    if (available < count) {
      shortfalls.push({ area, needed: count, available });
      continue;
    }
    chosen.push(...pickFromArea(area, codes, excluded, count, random));
  }
  if (shortfalls.length > 0) return { ok: false, shortfalls };
  return { ok: true, items: shuffled(chosen, random) };
}

/**
 * What a candidate reads when a draw falls short. When the request named skill codes, the message
 * names the codes of the short area (with each one's count when there are several), never just the
 * area: "The bank has 9 items available for code 7C and this attempt needs 12." Items held back
 * because an open exam shows them are counted apart, so the figure is what can be seated now.
 * `pools` are the short area's code pools as drawn (only the requested codes when codes were asked for);
 * `requested` are the requested codes that lie in that area (empty or absent: a whole-area draw).
 */
export function shortfallMessage(shortfall: Shortfall, pools: readonly CodePool[], requested: readonly string[] = []): string {
  const { area, needed, available } = shortfall;
  const held = pools.reduce((n, p) => n + p.excludedCount, 0);
  const heldNote = held > 0 ? ` (${held} more ${held === 1 ? 'is' : 'are'} in an exam you have open)` : '';
  const items = (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`;
  let what: string;
  if (requested.length === 0) what = `area ${area}`;
  else if (requested.length === 1) what = `code ${requested[0]}`;
  else {
    const count = (code: string) => {
      const pool = pools.find((p) => p.code === code);
      return pool ? pool.itemIds.length - pool.excludedCount : 0;
    };
    what = `codes ${listed(requested.map((code) => `${code} (${count(code)})`))}`;
  }
  const advice = requested.length === 0 ? 'Choose fewer questions or more areas.' : 'Choose fewer questions or more codes.';
  return `The bank has ${items(available)} available for ${what}${heldNote} and this attempt needs ${needed}. ${advice}`;
}

/** "7A and 7C", "7A, 7B and 7C" (two or more). */
function listed(parts: readonly string[]): string {
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The same draw from a flat list of candidates (tests, scripts): grouped into pools first. */
export function assemble(blueprint: readonly AreaCount[], pool: readonly Candidate[], seed: number): Assembly {
  const pools = new Map<number, Map<string, { itemIds: string[]; seen: Candidate[] }>>();
  const ids = new Set<string>();
  for (const c of pool) {
    if (ids.has(c.itemId)) continue;
    ids.add(c.itemId);
    const area = pools.get(c.area) ?? new Map();
    pools.set(c.area, area);
    const code = area.get(c.code) ?? { itemIds: [], seen: [] };
    area.set(c.code, code);
    code.itemIds.push(c.itemId);
    if (c.seen > 0) code.seen.push(c);
  }
  const grouped = new Map([...pools].map(([area, codes]) => [area, [...codes].map(([code, p]) => ({ code, ...p, excludedCount: 0 }))]));
  return assembleFromPools(blueprint, grouped, new Set(), seed);
}

/** A code's items in the order they should be drawn, produced one at a time. */
class CodeQueue {
  private readonly swaps = new Map<number, number>();
  private left: number;
  private readonly seenIds: Set<string>;
  private readonly seenOrder: Candidate[];
  private seenNext = 0;
  private head: Candidate | null | undefined;
  taken = 0;

  constructor(readonly code: string, private readonly area: number, private readonly pool: CodePool, private readonly excluded: ReadonlySet<string>, private readonly random: Random) {
    this.left = pool.itemIds.length;
    this.seenIds = new Set(pool.seen.map((c) => c.itemId));
    // Equal exposures keep a seeded-random order: the sort is stable after a shuffle.
    this.seenOrder = shuffled(pool.seen.filter((c) => !excluded.has(c.itemId)), random).sort(byExposure);
  }

  peek(): Candidate | null {
    if (this.head === undefined) this.head = this.nextUnseen() ?? this.seenOrder[this.seenNext++] ?? null;
    return this.head;
  }

  shift(): void {
    this.head = undefined;
    this.taken++;
  }

  private nextUnseen(): Candidate | null {
    const ids = this.pool.itemIds;
    while (this.left > 0) {
      const j = this.random.below(this.left);
      this.left--;
      const at = this.swaps.get(j) ?? j;
      this.swaps.set(j, this.swaps.get(this.left) ?? this.left);
      const itemId = ids[at];
      if (!this.seenIds.has(itemId) && !this.excluded.has(itemId)) return { itemId, code: this.code, area: this.area, seen: 0, lastSeenAt: null };
    }
    return null;
  }
}

function pickFromArea(area: number, pools: readonly CodePool[], excluded: ReadonlySet<string>, count: number, random: Random): Candidate[] {
  const queues = shuffled(pools, random).map((p) => new CodeQueue(p.code, area, p, excluded, random));
  const picked: Candidate[] = [];
  while (picked.length < count) {
    let best: CodeQueue | null = null;
    for (const q of queues) {
      const head = q.peek();
      if (!head) continue;
      const top = best?.peek();
      if (!best || !top) {
        best = q;
        continue;
      }
      const order = byExposure(head, top);
      if (order < 0 || (order === 0 && q.taken < best.taken)) best = q;
    }
    picked.push(best!.peek()!);
    best!.shift();
  }
  return picked;
}

function byExposure(a: Candidate, b: Candidate): number {
  return a.seen - b.seen || (a.lastSeenAt ?? -1) - (b.lastSeenAt ?? -1);
}
