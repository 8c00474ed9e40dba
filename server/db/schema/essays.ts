import { sqliteTable, integer, text, real, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users.ts';
import type { Rubric, Levels } from '../../domain/rubric.ts';
import type { Prompt } from '../../domain/part2.ts';

/** Every rubric text ever used to score; a score names its version. */
export const rubricVersions = sqliteTable('rubric_versions', {
  version: text().primaryKey(),
  content: text({ mode: 'json' }).$type<Rubric>().notNull(),
  createdAt: integer().notNull(),
});

/** Every prompt text an essay was written to. */
export const promptVersions = sqliteTable(
  'prompt_versions',
  {
    promptId: text().notNull(),
    version: text().notNull(),
    content: text({ mode: 'json' }).$type<Prompt>().notNull(),
    createdAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.promptId, t.version] })],
);

export const essays = sqliteTable(
  'essays',
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    promptId: text().notNull(),
    promptVersion: text().notNull(),
    mode: text({ enum: ['timed', 'practice'] }).notNull(),
    status: text({ enum: ['open', 'submitted'] }).notNull(),
    timeMultiplier: real().notNull(),
    startedAt: integer().notNull(),
    deadline: integer(),
    text: text().notNull().default(''),
    /** The writer's save counter: a save with a lower or equal revision is stale and changes nothing. */
    revision: integer().notNull().default(0),
    savedAt: integer(),
    submittedAt: integer(),
    closedBy: text({ enum: ['candidate', 'time'] }),
  },
  (t) => [index('essays_user_idx').on(t.userId, t.startedAt), index('essays_open_idx').on(t.status, t.deadline)],
);

/**
 * Scores are append-only. `auto` is the automated reading (its detail holds the evidence); `self`
 * is the writer's first score and `self_revised` the one given after seeing the exemplar.
 */
export const essayScores = sqliteTable(
  'essay_scores',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    essayId: text()
      .notNull()
      .references(() => essays.id, { onDelete: 'cascade' }),
    source: text({ enum: ['auto', 'self', 'self_revised', 'peer', 'coach'] }).notNull(),
    readerId: integer().references(() => users.id, { onDelete: 'cascade' }),
    rubricVersion: text()
      .notNull()
      .references(() => rubricVersions.version),
    levels: text({ mode: 'json' }).$type<Partial<Levels>>().notNull(),
    comments: text({ mode: 'json' }).$type<Record<string, string>>().notNull(),
    detail: text({ mode: 'json' }).$type<unknown>(),
    createdAt: integer().notNull(),
  },
  (t) => [
    index('essay_scores_essay_idx').on(t.essayId),
    // One score per reader and kind: peers score once, the writer once before and once after the exemplar.
    uniqueIndex('essay_scores_reader_idx').on(t.essayId, t.source, t.readerId),
  ],
);

/** Review links: the token itself is never stored, only its hash. */
export const essayShares = sqliteTable(
  'essay_shares',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    essayId: text()
      .notNull()
      .references(() => essays.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    createdAt: integer().notNull(),
    revokedAt: integer(),
  },
  (t) => [index('essay_shares_essay_idx').on(t.essayId)],
);

/** A reader's blind score of an anchor answer before their first review of a prompt. */
export const calibrations = sqliteTable(
  'calibrations',
  {
    readerId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    promptId: text().notNull(),
    anchorId: text().notNull(),
    rubricVersion: text().notNull(),
    levels: text({ mode: 'json' }).$type<Levels>().notNull(),
    /** Mean distance from the anchor's reference levels, in levels. */
    gap: real().notNull(),
    createdAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.readerId, t.promptId] })],
);
