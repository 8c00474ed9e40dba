import { sqliteTable, integer, text, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { users } from './users.ts';
import { items } from './items.ts';

/** One spaced-review card per candidate and item (ts-fsrs card state as JSON). */
export const reviewCards = sqliteTable(
  'review_cards',
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: text()
      .notNull()
      .references(() => items.id),
    card: text({ mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    due: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.itemId] }), index('review_cards_due_idx').on(t.userId, t.due)],
);

/** The candidate's own rating of an area (code '') or a code: 1 need help … 5 excel. */
export const selfRatings = sqliteTable(
  'self_ratings',
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    area: integer().notNull(),
    code: text().notNull().default(''),
    rating: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.area, t.code] })],
);
