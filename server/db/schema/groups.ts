import { sqliteTable, integer, text, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { users } from './users.ts';
import { essays } from './essays.ts';

/** A study group. `inviteCode` is null while joining is switched off. */
export const groups = sqliteTable('groups', {
  id: text().primaryKey(),
  name: text().notNull(),
  ownerId: integer()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  inviteCode: text().unique(),
  createdAt: integer().notNull(),
});

/** Membership with a role: the owner is also a coach; coaches see members' individual results. */
export const groupMembers = sqliteTable(
  'group_members',
  {
    groupId: text()
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text({ enum: ['owner', 'coach', 'member'] }).notNull(),
    joinedAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('group_members_user_idx').on(t.userId)],
);

export interface DrillSpec {
  areas?: number[];
  codes?: string[];
  /** Exactly these items (the group's most-missed), in this order. */
  itemIds?: string[];
  length: number;
  mode: 'exam' | 'tutor';
  minutes?: number;
}

/** A drill a coach assigned; `assignees` null means the whole group. */
export const drills = sqliteTable(
  'drills',
  {
    id: text().primaryKey(),
    groupId: text()
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    createdBy: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    spec: text({ mode: 'json' }).$type<DrillSpec>().notNull(),
    assignees: text({ mode: 'json' }).$type<number[] | null>(),
    dueAt: integer(),
    createdAt: integer().notNull(),
  },
  (t) => [index('drills_group_idx').on(t.groupId, t.createdAt)],
);

/** The attempt a member made for a drill (one per member and drill). */
export const drillAttempts = sqliteTable(
  'drill_attempts',
  {
    drillId: text()
      .notNull()
      .references(() => drills.id, { onDelete: 'cascade' }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    attemptId: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.drillId, t.userId] })],
);

/** An essay a member sent to a group's coaches for review. */
export const essayReviews = sqliteTable(
  'essay_reviews',
  {
    essayId: text()
      .notNull()
      .references(() => essays.id, { onDelete: 'cascade' }),
    groupId: text()
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    sentAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.essayId, t.groupId] }), index('essay_reviews_group_idx').on(t.groupId, t.sentAt)],
);
