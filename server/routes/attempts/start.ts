// Starting an attempt: weighted assembly over the chosen areas and codes (or exactly the given
// items), the candidate's accommodation, and never an item of their open exams. Used by
// POST /api/attempts and by assigned drills.
import { randomInt, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { apportion } from '../../domain/blueprint.ts';
import { assembleFromPools, shortfallMessage } from '../../domain/assembly.ts';
import { deadlineFor, plannedMinutes, EXAM_DEFAULTS } from '../../domain/attempt.ts';
import { HttpError } from '../../plugins/errors.ts';
import type { User } from '../../plugins/session.ts';
import { catalogOf } from '../../bank/catalog.ts';
import { attemptStore } from './store.ts';
import { attemptView } from './view.ts';

/** Tutor drills are short by default; exam mode simulates the full 100-item test. */
const TUTOR_DEFAULT_LENGTH = 20;

export interface AttemptRequest {
  mode?: 'exam' | 'tutor';
  length?: number;
  minutes?: number;
  areas?: number[];
  codes?: string[];
  seed?: number;
  /** Exactly these items (those still active and not in an open exam), in this order. */
  itemIds?: string[];
  /** Seats per area decided by the caller (a weak-area drill) instead of the official weights. */
  blueprint?: { area: number; count: number }[];
  /** `on_begin`: a timed attempt's clock waits for POST /api/attempts/:id/begin (the intro screen). */
  startClock?: 'now' | 'on_begin';
}

export function startAttempt(app: FastifyInstance, user: User, body: AttemptRequest) {
  const store = attemptStore(app.db);
  const mode = body.mode ?? 'exam';
  const { framework } = app;
  for (const code of body.codes ?? []) {
    if (!framework.codeArea.has(code)) throw new HttpError(400, 'unknown_code', `${code} is not a skill code; use 1A–10C as listed by GET /api/framework.`);
  }
  for (const area of body.areas ?? []) {
    if (!framework.area.has(area)) throw new HttpError(400, 'unknown_area', `Area ${area} does not exist; areas are numbered 1–${framework.framework.areas.length}.`);
  }
  // Synchronous from here to the insert: no other request of this user can interleave.
  store.discardUnbegun(user.id);
  // An open exam's items are never seated again until it is handed in: their keys would leak into it.
  const excluded = store.openExamItems(user.id);
  let itemIds: string[];
  let blueprint: { area: number; count: number }[];
  const seed = body.seed ?? randomInt(2 ** 31 - 1);
  if (body.itemIds) {
    const { active } = catalogOf(app.db);
    itemIds = body.itemIds.filter((id) => active.has(id) && !excluded.has(id));
    if (itemIds.length === 0) throw new HttpError(422, 'bank_shortfall', 'None of these items can be seated now (retired, or in an exam you have open).');
    const counts = new Map<number, number>();
    for (const id of itemIds) counts.set(active.get(id)!.area, (counts.get(active.get(id)!.area) ?? 0) + 1);
    blueprint = [...counts].sort(([a], [b]) => a - b).map(([area, count]) => ({ area, count }));
  } else {
    const length = body.length ?? (mode === 'exam' ? EXAM_DEFAULTS.length : TUTOR_DEFAULT_LENGTH);
    const codeAreas = body.codes && new Set(body.codes.map((c) => framework.codeArea.get(c)!));
    const areas = framework.framework.areas
      .map((a) => a.number)
      .filter((n) => (!body.areas || body.areas.includes(n)) && (!codeAreas || codeAreas.has(n)));
    if (areas.length === 0) throw new HttpError(400, 'empty_selection', 'None of the chosen codes lies in the chosen areas; widen the selection.');
    // A caller's blueprint (the weak-area drill) names only areas it also passes as `areas`.
    blueprint = body.blueprint ?? apportion(length, areas.map((area) => ({ area, weight: framework.area.get(area)!.weight })));
    const pools = store.pools(user.id, areas, body.codes, excluded);
    const drawn = assembleFromPools(blueprint, pools, excluded, seed);
    if (!drawn.ok) {
      const first = drawn.shortfalls[0];
      const codes = body.codes?.filter((c) => framework.codeArea.get(c) === first.area) ?? [];
      throw new HttpError(422, 'bank_shortfall', shortfallMessage(first, pools.get(first.area) ?? [], codes), { shortfalls: drawn.shortfalls });
    }
    itemIds = drawn.items.map((i) => i.itemId);
  }
  const now = app.now();
  const length = itemIds.length;
  const minutes = plannedMinutes({ mode, length, minutes: body.minutes });
  const attempt = store.createAttempt({
    id: randomUUID(), userId: user.id, mode, length, minutes, timeMultiplier: user.timeMultiplier, seed, blueprint,
    filter: { ...(body.areas && { areas: body.areas }), ...(body.codes && { codes: body.codes }) },
    startedAt: now, deadline: body.startClock === 'on_begin' ? null : deadlineFor(now, minutes, user.timeMultiplier),
  }, itemIds);
  const { responses: _hidden, ...view } = attemptView(attempt, store.loadSlots(attempt.id), now, excluded);
  return view;
}
