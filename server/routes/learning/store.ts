// Reads and writes of the learning engine: every answer a candidate gave in a finished attempt,
// self-ratings, review cards and the week's practice. Statements are prepared once per database.
import type { Db } from '../../db/client.ts';
import { perDatabase } from '../../db/per-database.ts';
import type { Answer } from '../../domain/mastery.ts';

const stores = perDatabase(prepare);
export const learningStore = (db: Db) => stores.of(db);

function prepare(db: Db) {
  const c = db.$client;
  // Answered slots of finished attempts (exams, drills, reviews); a blank is no evidence either way.
  const answers = c.prepare(`select i.code, i.area, s.choice = iv.answer as correct, coalesce(s.saved_at, a.submitted_at) as at
    from attempts a join slots s on s.attempt_id = a.id
    join items i on i.id = s.item_id
    join item_versions iv on iv.item_id = s.item_id and iv.version = s.version
    where a.user_id = ? and a.status = 'submitted' and s.choice is not null
    order by at`);
  const ratings = c.prepare('select area, code, rating from self_ratings where user_id = ?');
  const saveRating = c.prepare(`insert into self_ratings (user_id, area, code, rating, updated_at) values (?, ?, ?, ?, ?)
    on conflict (user_id, area, code) do update set rating = excluded.rating, updated_at = excluded.updated_at`);
  const dueItems = c.prepare(`select r.item_id from review_cards r join items i on i.id = r.item_id and i.retired_at is null
    where r.user_id = ? and r.due <= ? order by r.due limit ?`).pluck();
  const cardCounts = c.prepare(`select count(*) as cards, sum(due <= ?) as dueToday, min(due) as nextDue from review_cards where user_id = ?`);
  const finished = c.prepare(`select id, mode, length, correct, started_at as startedAt, submitted_at as submittedAt
    from attempts where user_id = ? and status = 'submitted' order by submitted_at`);
  const weekAnswered = c.prepare(`select count(s.choice) from attempts a join slots s on s.attempt_id = a.id
    where a.user_id = ? and a.status = 'submitted' and a.submitted_at >= ?`).pluck();

  return {
    answers: (userId: number) => (answers.all(userId) as { code: string; area: number; correct: number; at: number }[]).map((a): Answer => ({ ...a, correct: a.correct === 1 })),
    ratings: (userId: number) => ratings.all(userId) as { area: number; code: string; rating: number }[],
    saveRatings(userId: number, list: readonly { area: number; code?: string; rating: number }[], now: number) {
      c.transaction(() => {
        for (const r of list) saveRating.run(userId, r.area, r.code ?? '', r.rating, now);
      })();
    },
    dueItems: (userId: number, until: number, limit: number) => dueItems.all(userId, until, limit) as string[],
    cardCounts: (userId: number, until: number) => cardCounts.get(until, userId) as { cards: number; dueToday: number | null; nextDue: number | null },
    finished: (userId: number) =>
      finished.all(userId) as { id: string; mode: 'exam' | 'tutor'; length: number; correct: number; startedAt: number; submittedAt: number }[],
    weekAnswered: (userId: number, since: number) => weekAnswered.get(userId, since) as number,
  };
}
