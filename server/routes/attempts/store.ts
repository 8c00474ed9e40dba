// Reads and writes of attempts for the routes: loading, the candidate's exposure, closing.
import { and, asc, desc, eq, inArray, isNull, max, count, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { attempts, itemVersions, items, slots } from '../../db/schema/index.ts';
import { isOverdue } from '../../domain/attempt.ts';
import { scoreAttempt, type ScoredSlot } from '../../domain/scoring.ts';
import type { FrameworkIndex } from '../../domain/framework.ts';
import type { Candidate } from '../../domain/assembly.ts';
import { notFound } from '../../plugins/errors.ts';

export type AttemptRow = typeof attempts.$inferSelect;
export type SlotRow = typeof slots.$inferSelect & { content: typeof itemVersions.$inferSelect.content; code: string; area: number };

/** Only the owner may see an attempt; anyone else is told it does not exist. */
export function loadOwnAttempt(db: Db, id: string, userId: number): AttemptRow {
  const row = db.select().from(attempts).where(and(eq(attempts.id, id), eq(attempts.userId, userId))).get();
  if (!row) throw notFound('Attempt ' + id);
  return row;
}

/** All slots of an attempt, or just one when `slot` is given (a save needs only its own). */
export function loadSlots(db: Db, attemptId: string, slot?: number): SlotRow[] {
  return db
    .select({ slot: slots, content: itemVersions.content, code: items.code, area: items.area })
    .from(slots)
    .innerJoin(itemVersions, and(eq(itemVersions.itemId, slots.itemId), eq(itemVersions.version, slots.version)))
    .innerJoin(items, eq(items.id, slots.itemId))
    .where(slot === undefined ? eq(slots.attemptId, attemptId) : and(eq(slots.attemptId, attemptId), eq(slots.slot, slot)))
    .orderBy(asc(slots.slot))
    .all()
    .map((r) => ({ ...r.slot, content: r.content, code: r.code, area: r.area }));
}

/** What scoring needs of each slot (no item text), for many attempts in one query. */
export function loadScoredSlots(db: Db, attemptIds: string[]): Map<string, ScoredSlot[]> {
  const out = new Map<string, ScoredSlot[]>(attemptIds.map((id) => [id, []]));
  if (attemptIds.length === 0) return out;
  const rows = db
    .select({
      attemptId: slots.attemptId, slot: slots.slot, itemId: slots.itemId, code: items.code, area: items.area, choice: slots.choice,
      answer: sql<ScoredSlot['answer']>`json_extract(${itemVersions.content}, '$.answer')`,
    })
    .from(slots)
    .innerJoin(itemVersions, and(eq(itemVersions.itemId, slots.itemId), eq(itemVersions.version, slots.version)))
    .innerJoin(items, eq(items.id, slots.itemId))
    .where(inArray(slots.attemptId, attemptIds))
    .orderBy(asc(slots.slot))
    .all();
  for (const { attemptId, ...slot } of rows) out.get(attemptId)!.push(slot);
  return out;
}

export function scoredSlots(rows: readonly SlotRow[]): ScoredSlot[] {
  return rows.map((r) => ({ slot: r.slot, itemId: r.itemId, code: r.code, area: r.area, choice: r.choice, answer: r.content.answer }));
}

/** Closes an attempt and stores its score, in one transaction with whatever the caller writes. */
export function closeAttempt(db: Db, attempt: AttemptRow, framework: FrameworkIndex, now: number, closedBy: 'candidate' | 'time'): AttemptRow {
  const score = scoreAttempt(loadScoredSlots(db, [attempt.id]).get(attempt.id)!, framework).score;
  return db
    .update(attempts)
    .set({ status: 'submitted', submittedAt: now, closedBy, correct: score.correct })
    .where(and(eq(attempts.id, attempt.id), eq(attempts.status, 'open')))
    .returning()
    .get() ?? loadOwnAttempt(db, attempt.id, attempt.userId);
}

/** An overdue attempt is closed and scored the moment anyone touches it. */
export function touchAttempt(db: Db, attempt: AttemptRow, framework: FrameworkIndex, now: number): AttemptRow {
  if (!isOverdue(attempt, now)) return attempt;
  return db.transaction(() => closeAttempt(db, attempt, framework, now, 'time'));
}

/** Periodic sweep: closes every overdue attempt, whoever owns it. Returns how many it closed. */
export function sweepOverdue(db: Db, framework: FrameworkIndex, now: number): number {
  const open = db.select().from(attempts).where(eq(attempts.status, 'open')).all();
  let closed = 0;
  for (const a of open) if (touchAttempt(db, a, framework, now) !== a) closed++;
  return closed;
}

/** Active items in the given areas, with how often and how lately this candidate saw each. */
export function candidatePool(db: Db, userId: number, areas: number[], codes: string[] | undefined): (Candidate & { version: number })[] {
  const exposure = new Map(
    db
      .select({ itemId: slots.itemId, seen: count(), lastSeenAt: max(attempts.startedAt) })
      .from(slots)
      .innerJoin(attempts, eq(attempts.id, slots.attemptId))
      .where(eq(attempts.userId, userId))
      .groupBy(slots.itemId)
      .all()
      .map((r) => [r.itemId, r]),
  );
  const conditions = [isNull(items.retiredAt), inArray(items.area, areas)];
  if (codes) conditions.push(inArray(items.code, codes));
  return db
    .select({ itemId: items.id, code: items.code, area: items.area, version: items.currentVersion })
    .from(items)
    .where(and(...conditions))
    .orderBy(asc(items.id))
    .all()
    .map((i) => ({ ...i, seen: exposure.get(i.itemId)?.seen ?? 0, lastSeenAt: exposure.get(i.itemId)?.lastSeenAt ?? null }));
}

export function listOwnAttempts(db: Db, userId: number): AttemptRow[] {
  return db.select().from(attempts).where(eq(attempts.userId, userId)).orderBy(desc(attempts.startedAt)).all();
}

export function answeredCounts(db: Db, attemptIds: string[]): Map<string, number> {
  if (attemptIds.length === 0) return new Map();
  return new Map(
    db
      .select({ attemptId: slots.attemptId, n: count(slots.choice) })
      .from(slots)
      .where(inArray(slots.attemptId, attemptIds))
      .groupBy(slots.attemptId)
      .all()
      .map((r) => [r.attemptId, r.n]),
  );
}
