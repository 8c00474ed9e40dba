// Reads and writes of attempts for the routes. Statements are prepared once per database; item
// text comes from the in-memory catalog, so a slot read is one indexed query and map lookups.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { perDatabase } from '../../db/per-database.ts';
import { attempts, type ItemContent } from '../../db/schema/index.ts';
import { deadlineFor, isOverdue } from '../../domain/attempt.ts';
import { awaitsBegin } from './clock.ts';
import { schedule, startsCard } from '../../domain/review.ts';
import { scoreAttempt, type ScoredSlot } from '../../domain/scoring.ts';
import type { FrameworkIndex } from '../../domain/framework.ts';
import type { Candidate, CodePool } from '../../domain/assembly.ts';
import { catalogOf } from '../../bank/catalog.ts';
import { notFound } from '../../plugins/errors.ts';

export type AttemptRow = typeof attempts.$inferSelect;
type Choice = 'A' | 'B' | 'C' | 'D';

export interface SlotRow {
  attemptId: string;
  slot: number;
  itemId: string;
  version: number;
  choice: Choice | null;
  flagged: boolean;
  guessed: boolean;
  /** Options struck out, letters in order ("AC"); "" for none. */
  struck: string;
  savedAt: number | null;
  content: ItemContent;
  code: string;
  area: number;
}

interface RawSlot {
  slot: number;
  itemId: string;
  version: number;
  choice: Choice | null;
  flagged: number;
  guessed: number;
  struck: string;
  savedAt: number | null;
}

const stores = perDatabase(prepare);

/** The statements of one database, prepared on first use and kept. */
export const attemptStore = (db: Db) => stores.of(db);

function prepare(db: Db) {
  const p = sql.placeholder;
  const c = db.$client;
  const ownAttempt = db.select().from(attempts).where(and(eq(attempts.id, p('id')), eq(attempts.userId, p('userId')))).prepare();
  const byId = db.select().from(attempts).where(eq(attempts.id, p('id'))).prepare();
  const ownAttempts = db.select().from(attempts).where(eq(attempts.userId, p('userId'))).orderBy(desc(attempts.startedAt)).prepare();
  const openAttempts = db.select().from(attempts).where(eq(attempts.status, 'open')).prepare();
  const slotCols = 'slot, item_id as itemId, version, choice, flagged, guessed, struck, saved_at as savedAt';
  const allSlots = c.prepare(`select ${slotCols} from slots where attempt_id = ? order by slot`);
  const oneSlot = c.prepare(`select ${slotCols} from slots where attempt_id = ? and slot = ?`);
  const saveSlot = c.prepare('update slots set choice = ?, flagged = ?, guessed = ?, struck = ?, saved_at = ? where attempt_id = ? and slot = ?');
  // Starts the clock of an attempt created to begin later; only once, and only while it is open.
  const begin = c.prepare("update attempts set started_at = ?, deadline = ? where id = ? and status = 'open' and deadline is null and minutes is not null");
  const answered = c.prepare("select attempt_id as id, count(choice) as n from slots where attempt_id in (select value from json_each(?)) group by attempt_id");
  const close = c.prepare("update attempts set status = 'submitted', submitted_at = ?, closed_by = ?, correct = ? where id = ? and status = 'open'");
  const insertAttempt = c.prepare(`insert into attempts (id, user_id, mode, status, length, minutes, time_multiplier, seed, blueprint, filter, started_at, deadline)
    values (@id, @userId, @mode, 'open', @length, @minutes, @timeMultiplier, @seed, @blueprint, @filter, @startedAt, @deadline)`);
  const insertSlot = c.prepare('insert into slots (attempt_id, slot, item_id, version) values (?, ?, ?, ?)');
  const expose = c.prepare(`insert into exposures (user_id, item_id, seen, last_seen_at) values (?, ?, 1, ?)
    on conflict (user_id, item_id) do update set seen = seen + 1, last_seen_at = excluded.last_seen_at`);
  const exposureOf = c.prepare('select item_id as itemId, seen, last_seen_at as lastSeenAt from exposures where user_id = ?');
  // An exam left on its intro screen (never begun): nothing was answered or seen, so it can go.
  const unbegun = "select id from attempts where user_id = ? and status = 'open' and minutes is not null and deadline is null";
  const unexpose = c.prepare(`update exposures set seen = max(seen - 1, 0) where user_id = ?
    and item_id in (select item_id from slots where attempt_id in (${unbegun}))`);
  const dropUnbegun = c.prepare(`delete from attempts where id in (${unbegun})`);
  const openExamItems = c.prepare(`select s.item_id as itemId from attempts a join slots s on s.attempt_id = a.id
    where a.user_id = ? and a.status = 'open' and a.mode = 'exam' and a.id <> ?`);

  const cardOf = c.prepare('select card from review_cards where user_id = ? and item_id = ?').pluck();
  const saveCard = c.prepare(`insert into review_cards (user_id, item_id, card, due, updated_at) values (?, ?, ?, ?, ?)
    on conflict (user_id, item_id) do update set card = excluded.card, due = excluded.due, updated_at = excluded.updated_at`);
  const examDateOf = c.prepare('select exam_date from users where id = ?').pluck();

  const catalog = () => catalogOf(db);
  const withContent = (attemptId: string, r: RawSlot): SlotRow => {
    const v = catalog().version(r.itemId, r.version);
    return { attemptId, ...r, flagged: r.flagged === 1, guessed: r.guessed === 1, content: v.content, code: v.code, area: v.area };
  };

  const store = {
    /** Only the owner may see an attempt; anyone else is told it does not exist. */
    loadOwnAttempt(id: string, userId: number): AttemptRow {
      const row = ownAttempt.get({ id, userId });
      if (!row) throw notFound('Attempt ' + id);
      return row;
    },

    /** All slots of an attempt, or just one when `slot` is given (a save needs only its own). */
    loadSlots(attemptId: string, slot?: number): SlotRow[] {
      const raw = (slot === undefined ? allSlots.all(attemptId) : [oneSlot.get(attemptId, slot)].filter(Boolean)) as RawSlot[];
      return raw.map((r) => withContent(attemptId, r));
    },

    /** What scoring needs of each slot (no item text), for many attempts. */
    loadScoredSlots(attemptIds: string[]): Map<string, ScoredSlot[]> {
      return new Map(attemptIds.map((id) => [id, scoredSlots(store.loadSlots(id))]));
    },

    saveResponse(attemptId: string, slot: number, choice: Choice | null, flagged: boolean, guessed: boolean, now: number, struck: string): void {
      saveSlot.run(choice, flagged ? 1 : 0, guessed ? 1 : 0, struck, now, attemptId, slot);
    },

    /** Starts the clock of an attempt waiting for its candidate to begin (a no-op otherwise). */
    beginAttempt(attempt: AttemptRow, now: number): AttemptRow {
      if (!awaitsBegin(attempt)) return attempt;
      begin.run(now, deadlineFor(now, attempt.minutes, attempt.timeMultiplier), attempt.id);
      return byId.get({ id: attempt.id })!;
    },

    /** Closes an attempt and stores its score. One closed by time ends at its deadline. */
    closeAttempt(attempt: AttemptRow, framework: FrameworkIndex, now: number, closedBy: 'candidate' | 'time', rows?: SlotRow[]): AttemptRow {
      const score = scoreAttempt(scoredSlots(rows ?? store.loadSlots(attempt.id)), framework).score;
      const endedAt = closedBy === 'time' && attempt.deadline !== null ? Math.min(now, attempt.deadline) : now;
      close.run(endedAt, closedBy, score.correct, attempt.id);
      // Missed items and right guesses become review cards; items that have cards are rescheduled.
      const examDate = examDateOf.get(attempt.userId) as number | null;
      for (const row of rows ?? store.loadSlots(attempt.id)) {
        const outcome = { correct: row.choice === row.content.answer, guessed: row.guessed };
        const stored = cardOf.get(attempt.userId, row.itemId) as string | undefined;
        if (!stored && !startsCard(outcome)) continue;
        const next = schedule(stored ? JSON.parse(stored) : null, outcome, endedAt, examDate);
        saveCard.run(attempt.userId, row.itemId, JSON.stringify(next.card), next.due, now);
      }
      return byId.get({ id: attempt.id })!;
    },

    /** An overdue attempt is closed and scored the moment anyone touches it. */
    touchAttempt(attempt: AttemptRow, framework: FrameworkIndex, now: number): AttemptRow {
      if (!isOverdue(attempt, now)) return attempt;
      return db.transaction(() => store.closeAttempt(attempt, framework, now, 'time'));
    },

    /** Periodic sweep: closes every overdue attempt, whoever owns it. Returns how many it closed. */
    sweepOverdue(framework: FrameworkIndex, now: number): number {
      let closed = 0;
      for (const a of openAttempts.all()) if (store.touchAttempt(a, framework, now) !== a) closed++;
      return closed;
    },

    listOwnAttempts(userId: number): AttemptRow[] {
      return ownAttempts.all({ userId });
    },

    answeredCounts(attemptIds: string[]): Map<string, number> {
      if (attemptIds.length === 0) return new Map();
      return new Map((answered.all(JSON.stringify(attemptIds)) as { id: string; n: number }[]).map((r) => [r.id, r.n]));
    },

    /**
     * Drops the user's exams that never began (their slots go by cascade) and the exposures they
     * counted: an intro screen left behind must not hold its items out of later attempts.
     */
    discardUnbegun(userId: number): void {
      db.transaction(() => {
        unexpose.run(userId, userId);
        dropUnbegun.run(userId);
      });
    },

    /** Items seated in the user's open exams (other than `exceptAttemptId`): their keys stay hidden everywhere. */
    openExamItems(userId: number, exceptAttemptId = ''): Set<string> {
      return new Set((openExamItems.all(userId, exceptAttemptId) as { itemId: string }[]).map((r) => r.itemId));
    },

    /** The candidate's pools for assembly: active items by code, with what they have seen. */
    pools(userId: number, areas: readonly number[], codes: readonly string[] | undefined, excluded: ReadonlySet<string>): Map<number, CodePool[]> {
      const { byArea, active } = catalog();
      const seenByCode = new Map<string, Candidate[]>();
      for (const e of exposureOf.all(userId) as { itemId: string; seen: number; lastSeenAt: number }[]) {
        const item = active.get(e.itemId);
        if (!item || !areas.includes(item.area)) continue;
        const list = seenByCode.get(item.code) ?? [];
        seenByCode.set(item.code, list);
        list.push({ itemId: e.itemId, code: item.code, area: item.area, seen: e.seen, lastSeenAt: e.lastSeenAt });
      }
      const excludedByCode = new Map<string, number>();
      for (const id of excluded) {
        const item = active.get(id);
        if (item) excludedByCode.set(item.code, (excludedByCode.get(item.code) ?? 0) + 1);
      }
      return new Map(areas.map((area) => [
        area,
        [...(byArea.get(area) ?? new Map<string, readonly string[]>())]
          .filter(([code]) => !codes || codes.includes(code))
          .map(([code, itemIds]) => ({ code, itemIds, seen: seenByCode.get(code) ?? [], excludedCount: excludedByCode.get(code) ?? 0 })),
      ]));
    },

    /** The attempt, its slots and the candidate's exposure counts, in one transaction. */
    createAttempt(row: Omit<AttemptRow, 'status' | 'submittedAt' | 'closedBy' | 'correct'>, itemIds: readonly string[]): AttemptRow {
      const { active } = catalog();
      db.transaction(() => {
        insertAttempt.run({ ...row, blueprint: JSON.stringify(row.blueprint), filter: JSON.stringify(row.filter) });
        itemIds.forEach((itemId, i) => {
          insertSlot.run(row.id, i + 1, itemId, active.get(itemId)!.version);
          expose.run(row.userId, itemId, row.startedAt);
        });
      });
      return byId.get({ id: row.id })!;
    },
  };
  return store;
}

export function scoredSlots(rows: readonly SlotRow[]): ScoredSlot[] {
  return rows.map((r) => ({ slot: r.slot, itemId: r.itemId, code: r.code, area: r.area, choice: r.choice, answer: r.content.answer }));
}
