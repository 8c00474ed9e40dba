import { sqliteTable, integer, text, primaryKey, index } from 'drizzle-orm/sqlite-core';

/** One row per bank item id; the id is stable forever and never reused. */
export const items = sqliteTable(
  'items',
  {
    id: text().primaryKey(),
    code: text().notNull(),
    area: integer().notNull(),
    currentVersion: integer().notNull(),
    retiredAt: integer(),
  },
  (t) => [index('items_area_idx').on(t.area, t.retiredAt)],
);

export interface ItemContent {
  difficulty: number;
  stem: string;
  options: Record<'A' | 'B' | 'C' | 'D', string>;
  answer: 'A' | 'B' | 'C' | 'D';
  rationale: Record<'A' | 'B' | 'C' | 'D', string>;
  refs: string[];
}

/** Every text an item ever had; attempts point at the version they showed. */
export const itemVersions = sqliteTable(
  'item_versions',
  {
    itemId: text()
      .notNull()
      .references(() => items.id),
    version: integer().notNull(),
    contentHash: text().notNull(),
    content: text({ mode: 'json' }).$type<ItemContent>().notNull(),
    /** The key, out of the JSON, so group results are counted in SQL without parsing every item. */
    answer: text({ enum: ['A', 'B', 'C', 'D'] }),
    createdAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.version] })],
);
