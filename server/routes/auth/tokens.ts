// Single-use links sent by mail (account_tokens): a password reset, or confirming a new address.
// The token itself is only ever in the mail; the table keeps its sha256. A link is checked and
// spent by one UPDATE … RETURNING, so two clicks (or two tabs) cannot both use it.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { perDatabase } from '../../db/per-database.ts';
import { ACCOUNT_MAIL_WINDOW_MS } from '../../domain/account.ts';

export type TokenKind = 'reset' | 'email';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const accountTokens = perDatabase((db: Db) => {
  const c = db.$client;
  const recent = c.prepare('select count(*) from account_tokens where user_id = ? and kind = ? and created_at > ?').pluck();
  const supersede = c.prepare('update account_tokens set used_at = ? where user_id = ? and kind = ? and used_at is null');
  const insert = c.prepare('insert into account_tokens (token_hash, user_id, kind, new_email, created_at, expires_at) values (?, ?, ?, ?, ?, ?)');
  const live = c.prepare(
    `select t.user_id as userId, t.new_email as newEmail, u.email, u.name from account_tokens t join users u on u.id = t.user_id
     where t.token_hash = ? and t.kind = ? and t.used_at is null and t.expires_at > ?`);
  const spend = c.prepare(
    'update account_tokens set used_at = ? where token_hash = ? and kind = ? and used_at is null and expires_at > ? returning user_id as userId, new_email as newEmail');

  return {
    /** Links of this kind mailed to the account within the mail window. */
    recentCount: (userId: number, kind: TokenKind, now: number) => recent.get(userId, kind, now - ACCOUNT_MAIL_WINDOW_MS) as number,
    /**
     * A new link; earlier unused links of the same kind stop working (only the latest mail counts).
     * Call inside the transaction that made the decision to send it.
     */
    issue(userId: number, kind: TokenKind, newEmail: string | null, now: number, ttlMs: number): string {
      const token = randomBytes(32).toString('base64url');
      supersede.run(now, userId, kind);
      insert.run(hashToken(token), userId, kind, newEmail, now, now + ttlMs);
      return token;
    },
    /** Who a live link belongs to, without spending it (to check a new password against their name). */
    peek: (token: string, kind: TokenKind, now: number) =>
      live.get(hashToken(token), kind, now) as { userId: number; newEmail: string | null; email: string; name: string } | undefined,
    /** Checks and spends the link in one statement: its owner, or undefined when unknown, used or expired. */
    spend: (token: string, kind: TokenKind, now: number) =>
      spend.get(now, hashToken(token), kind, now) as { userId: number; newEmail: string | null } | undefined,
    /** Every unused link of this kind for the account stops working (after a reset, the others too). */
    revokeAll: (userId: number, kind: TokenKind, now: number) => void supersede.run(now, userId, kind),
  };
});
