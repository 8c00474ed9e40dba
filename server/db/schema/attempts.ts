import { sqliteTable, integer, text, real, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { users } from './users.ts';
import { items } from './items.ts';

export const attempts = sqliteTable(
  'attempts',
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    mode: text({ enum: ['exam', 'tutor'] }).notNull(),
    status: text({ enum: ['open', 'submitted'] }).notNull(),
    length: integer().notNull(),
    minutes: integer(),
    timeMultiplier: real().notNull(),
    seed: integer().notNull(),
    blueprint: text({ mode: 'json' }).$type<{ area: number; count: number }[]>().notNull(),
    filter: text({ mode: 'json' }).$type<{ areas?: number[]; codes?: string[] }>().notNull(),
    startedAt: integer().notNull(),
    deadline: integer(),
    submittedAt: integer(),
    closedBy: text({ enum: ['candidate', 'time'] }),
    correct: integer(),
  },
  (t) => [index('attempts_user_idx').on(t.userId, t.startedAt)],
);

/** One row per slot: the item version shown, and the candidate's latest response. */
export const slots = sqliteTable(
  'slots',
  {
    attemptId: text()
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    slot: integer().notNull(),
    itemId: text()
      .notNull()
      .references(() => items.id),
    version: integer().notNull(),
    choice: text({ enum: ['A', 'B', 'C', 'D'] }),
    flagged: integer({ mode: 'boolean' }).notNull().default(false),
    /** The candidate marked this answer "I guessed": a right guess still comes back for review. */
    guessed: integer({ mode: 'boolean' }).notNull().default(false),
    /** Options the candidate struck out, as letters in order ("AC"); saved with the response. */
    struck: text().notNull().default(''),
    savedAt: integer(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.slot] }), index('slots_item_idx').on(t.itemId)],
);

/** How often and how lately each candidate was shown each item, kept up to date as attempts are made. */
export const exposures = sqliteTable(
  'exposures',
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: text()
      .notNull()
      .references(() => items.id),
    seen: integer().notNull(),
    lastSeenAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.itemId] })],
);
