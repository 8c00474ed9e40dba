import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { users } from './users.ts';
import { items } from './items.ts';

/** "Report this question": kept with the item version the candidate saw; an admin answers it. */
export const questionReports = sqliteTable(
  'question_reports',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: text()
      .notNull()
      .references(() => items.id),
    version: integer().notNull(),
    reason: text({ enum: ['key_wrong', 'two_right', 'outdated', 'unclear', 'other'] }).notNull(),
    text: text().notNull(),
    status: text({ enum: ['open', 'upheld', 'rejected'] }).notNull().default('open'),
    reply: text(),
    createdAt: integer().notNull(),
    resolvedAt: integer(),
    resolvedBy: integer().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('question_reports_status_idx').on(t.status, t.itemId), index('question_reports_user_idx').on(t.userId)],
);
