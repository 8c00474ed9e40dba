// Reads and writes of essays, scores, review links and calibrations. Statements are prepared once
// per database; every check-then-write that guards a rule runs inside one synchronous transaction.
import type { Db } from '../../db/client.ts';
import { perDatabase } from '../../db/per-database.ts';
import type { Levels } from '../../domain/rubric.ts';
import type { Prompt } from '../../domain/part2.ts';
import { notFound } from '../../plugins/errors.ts';

export interface EssayRow {
  id: string;
  userId: number;
  promptId: string;
  promptVersion: string;
  mode: 'timed' | 'practice';
  status: 'open' | 'submitted';
  timeMultiplier: number;
  startedAt: number;
  deadline: number | null;
  text: string;
  revision: number;
  savedAt: number | null;
  submittedAt: number | null;
  closedBy: 'candidate' | 'time' | null;
}

export type ScoreSource = 'auto' | 'self' | 'self_revised' | 'peer' | 'coach';

export interface ScoreRow {
  id: number;
  source: ScoreSource;
  readerId: number | null;
  readerName: string | null;
  rubricVersion: string;
  levels: Partial<Levels>;
  comments: Record<string, string>;
  detail: unknown;
  createdAt: number;
  /** The reader's calibration gap on this prompt, for peer and coach scores. */
  gap: number | null;
}

export interface ShareRow {
  id: number;
  essayId: string;
  createdAt: number;
  revokedAt: number | null;
}

const ESSAY_COLS = `id, user_id as userId, prompt_id as promptId, prompt_version as promptVersion, mode, status,
  time_multiplier as timeMultiplier, started_at as startedAt, deadline, text, revision, saved_at as savedAt,
  submitted_at as submittedAt, closed_by as closedBy`;

const stores = perDatabase(prepare);
export const essayStore = (db: Db) => stores.of(db);

function prepare(db: Db) {
  const c = db.$client;
  const byId = c.prepare(`select ${ESSAY_COLS} from essays where id = ?`);
  const own = c.prepare(`select ${ESSAY_COLS} from essays where user_id = ? order by started_at desc`);
  const overdue = c.prepare(`select ${ESSAY_COLS} from essays where status = 'open' and deadline is not null and deadline < ?`);
  const insert = c.prepare(`insert into essays (id, user_id, prompt_id, prompt_version, mode, status, time_multiplier, started_at, deadline)
    values (@id, @userId, @promptId, @promptVersion, @mode, 'open', @timeMultiplier, @startedAt, @deadline)`);
  // The revision check and the write are one statement: two racing saves cannot both win.
  const save = c.prepare(`update essays set text = ?, revision = ?, saved_at = ? where id = ? and status = 'open' and revision < ?`);
  const close = c.prepare(`update essays set status = 'submitted', submitted_at = ?, closed_by = ? where id = ? and status = 'open'`);
  const scores = c.prepare(`select s.id, s.source, s.reader_id as readerId, u.name as readerName, s.rubric_version as rubricVersion,
      s.levels, s.comments, s.detail, s.created_at as createdAt, cal.gap
    from essay_scores s join essays e on e.id = s.essay_id left join users u on u.id = s.reader_id
    left join calibrations cal on cal.reader_id = s.reader_id and cal.prompt_id = e.prompt_id and s.source in ('peer', 'coach')
    where s.essay_id = ? order by s.id`);
  const latestScores = c.prepare(`select essay_id as essayId, source, levels from essay_scores
    where essay_id in (select value from json_each(?)) order by id`);
  const insertScore = c.prepare(`insert into essay_scores (essay_id, source, reader_id, rubric_version, levels, comments, detail, created_at)
    values (?, ?, ?, ?, ?, ?, ?, ?)`);
  const countOwnScores = c.prepare(`select count(*) as n from essay_scores where essay_id = ? and reader_id = ? and source = ?`);
  const selfCount = c.prepare(`select count(*) as n from essay_scores where essay_id = ? and source in ('self', 'self_revised')`);
  const insertShare = c.prepare('insert into essay_shares (essay_id, token_hash, created_at) values (?, ?, ?)');
  const shareByHash = c.prepare('select id, essay_id as essayId, created_at as createdAt, revoked_at as revokedAt from essay_shares where token_hash = ?');
  const sharesOf = c.prepare('select id, essay_id as essayId, created_at as createdAt, revoked_at as revokedAt from essay_shares where essay_id = ? order by id');
  const revoke = c.prepare('update essay_shares set revoked_at = ? where id = ? and essay_id = ? and revoked_at is null');
  const calibration = c.prepare('select anchor_id as anchorId, levels, gap from calibrations where reader_id = ? and prompt_id = ?');
  const insertCalibration = c.prepare(`insert into calibrations (reader_id, prompt_id, anchor_id, rubric_version, levels, gap, created_at)
    values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing`);
  const userName = c.prepare('select name from users where id = ?').pluck();
  const promptVersion = c.prepare('select content from prompt_versions where prompt_id = ? and version = ?');

  const parseScore = (r: Record<string, unknown>): ScoreRow => ({
    ...(r as unknown as ScoreRow),
    levels: JSON.parse(r.levels as string),
    comments: JSON.parse(r.comments as string),
    detail: r.detail === null ? null : JSON.parse(r.detail as string),
  });
  const promptCache = new Map<string, Prompt>();

  return {
    loadEssay: (id: string) => (byId.get(id) as EssayRow | undefined) ?? null,
    /** The caller's own essay; anyone else's answers 404, exactly like one that does not exist. */
    loadOwnEssay(id: string, userId: number): EssayRow {
      const row = byId.get(id) as EssayRow | undefined;
      if (!row || row.userId !== userId) throw notFound('This essay');
      return row;
    },
    listOwnEssays: (userId: number) => own.all(userId) as EssayRow[],
    overdueEssays: (now: number, graceMs: number) => overdue.all(now - graceMs) as EssayRow[],
    createEssay(row: Omit<EssayRow, 'status' | 'text' | 'revision' | 'savedAt' | 'submittedAt' | 'closedBy'>): EssayRow {
      insert.run(row);
      return byId.get(row.id) as EssayRow;
    },
    /** True when this save replaced the text; false when a newer revision is already stored. */
    saveText: (id: string, text: string, revision: number, now: number) => save.run(text, revision, now, id, revision).changes === 1,
    /** Closes the essay and records the automated reading, in one transaction; an essay already closed keeps its one reading. */
    closeEssay(essay: EssayRow, now: number, cause: 'candidate' | 'time', auto: { rubricVersion: string; levels: Partial<Levels>; detail: unknown }): void {
      db.$client.transaction(() => {
        if (close.run(now, cause, essay.id).changes === 0) return;
        insertScore.run(essay.id, 'auto', null, auto.rubricVersion, JSON.stringify(auto.levels), '{}', JSON.stringify(auto.detail), now);
      })();
    },
    scoresOf: (essayId: string) => (scores.all(essayId) as Record<string, unknown>[]).map(parseScore),
    /** Each essay's score levels by source (the latest of each), for the history list. */
    levelsBySource(essayIds: string[]) {
      const out = new Map<string, Partial<Record<ScoreSource, Partial<Levels>>>>();
      for (const r of latestScores.all(JSON.stringify(essayIds)) as { essayId: string; source: ScoreSource; levels: string }[]) {
        const entry = out.get(r.essayId) ?? {};
        entry[r.source] = JSON.parse(r.levels);
        out.set(r.essayId, entry);
      }
      return out;
    },
    /** The writer's self-score: the kind depends on how many were given, decided and written in one transaction. */
    addSelfScore(essayId: string, writerId: number, kindFor: (given: number) => 'self' | 'self_revised' | null, rubricVersion: string, levels: Levels, comments: Record<string, string>, now: number) {
      return db.$client.transaction(() => {
        const kind = kindFor((selfCount.get(essayId) as { n: number }).n);
        if (kind) insertScore.run(essayId, kind, writerId, rubricVersion, JSON.stringify(levels), JSON.stringify(comments), null, now);
        return kind;
      })();
    },
    /** One score per reader and kind; false when this reader already scored the essay. */
    addReaderScore(essayId: string, readerId: number, source: 'peer' | 'coach', rubricVersion: string, levels: Levels, comments: Record<string, string>, now: number) {
      return db.$client.transaction(() => {
        if ((countOwnScores.get(essayId, readerId, source) as { n: number }).n > 0) return false;
        insertScore.run(essayId, source, readerId, rubricVersion, JSON.stringify(levels), JSON.stringify(comments), null, now);
        return true;
      })();
    },
    nameOf: (userId: number) => userName.get(userId) as string,
    createShare: (essayId: string, tokenHash: string, now: number) => Number(insertShare.run(essayId, tokenHash, now).lastInsertRowid),
    shareByTokenHash: (hash: string) => (shareByHash.get(hash) as ShareRow | undefined) ?? null,
    sharesOf: (essayId: string) => sharesOf.all(essayId) as ShareRow[],
    revokeShare: (essayId: string, shareId: number, now: number) => revoke.run(now, shareId, essayId).changes === 1,
    calibrationOf(readerId: number, promptId: string) {
      const row = calibration.get(readerId, promptId) as { anchorId: string; levels: string; gap: number } | undefined;
      return row ? { anchorId: row.anchorId, levels: JSON.parse(row.levels) as Levels, gap: row.gap } : null;
    },
    /** False when the reader had already calibrated on this prompt (the first calibration stands). */
    addCalibration: (readerId: number, promptId: string, anchorId: string, rubricVersion: string, levels: Levels, gap: number, now: number) =>
      insertCalibration.run(readerId, promptId, anchorId, rubricVersion, JSON.stringify(levels), gap, now).changes === 1,
    /** The prompt text an essay was written to (versions never change, so they are kept in memory). */
    promptAt(promptId: string, version: string): Prompt {
      const key = `${promptId}@${version}`;
      let prompt = promptCache.get(key);
      if (!prompt) {
        const row = promptVersion.get(promptId, version) as { content: string } | undefined;
        if (!row) throw new Error(`prompt version ${key} is missing from prompt_versions`);
        prompt = JSON.parse(row.content) as Prompt;
        promptCache.set(key, prompt);
      }
      return prompt;
    },
  };
}
