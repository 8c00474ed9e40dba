import { sqliteTable, integer, text, real, index, primaryKey } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: integer().primaryKey({ autoIncrement: true }),
  email: text().notNull().unique(),
  name: text().notNull(),
  passwordHash: text().notNull(),
  role: text({ enum: ['candidate', 'coach', 'admin'] }).notNull().default('candidate'),
  timeMultiplier: real().notNull().default(1),
  createdAt: integer().notNull(),
  /** Set at sign-in when the password no longer meets the policy; cleared by a change. */
  passwordChangeRequired: integer({ mode: 'boolean' }).notNull().default(false),
  /** The day the candidate sits the exam (ms, start of day); spaced reviews are scheduled before it. */
  examDate: integer(),
});

/** Addresses that signed in to an account successfully: the owner's own networks. */
export const signInAddresses = sqliteTable(
  'sign_in_addresses',
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    address: text().notNull(),
    lastAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.address] })],
);

export const sessions = sqliteTable(
  'sessions',
  {
    // sha256 of the cookie token: a copy of the database does not yield live sessions.
    tokenHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer().notNull(),
    lastSeenAt: integer().notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    email: text().notNull(),
    address: text().notNull(),
    at: integer().notNull(),
  },
  (t) => [index('login_failures_email_idx').on(t.email, t.at), index('login_failures_address_idx').on(t.address, t.at)],
);

/**
 * Single-use tokens sent by email: a password reset, or confirming a new address (newEmail).
 * Only the sha256 of the token is stored; usedAt is set in the same statement that checks it.
 */
export const accountTokens = sqliteTable(
  'account_tokens',
  {
    tokenHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text({ enum: ['reset', 'email'] }).notNull(),
    newEmail: text(),
    createdAt: integer().notNull(),
    expiresAt: integer().notNull(),
    usedAt: integer(),
  },
  (t) => [index('account_tokens_user_idx').on(t.userId)],
);
