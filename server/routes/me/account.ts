// The account's own basics: change the email address (confirmed by a link to the new one),
// download everything kept about the person, delete the account.
import { and, eq, getTableColumns, ne } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  attempts, calibrations, drillAttempts, essays, essayScores, essayShares, exposures, groupMembers, groups, questionReports, reviewCards,
  selfRatings, sessions, signInAddresses, slots,
} from '../../db/schema/index.ts';
import { verifyPassword } from '../../auth/password.ts';
import { ACCOUNT_MAILS_PER_WINDOW, deleteConfirmed, EMAIL_TOKEN_MS, heirOf, normaliseEmail } from '../../domain/account.ts';
import { HttpError } from '../../plugins/errors.ts';
import { COOKIE, requireUser, type User } from '../../plugins/session.ts';
import { errors } from '../../schemas/common.ts';
import {
  AccountDeletedSchema, AccountExportSchema, ChangeEmailSchema, DeleteAccountSchema, EmailChangeRequestedSchema,
} from '../../schemas/account.ts';
import { throttles, tooManyAttempts } from '../auth/throttle.ts';
import { accountTokens } from '../auth/tokens.ts';
import { publicUser } from './public-user.ts';

/**
 * Asks for the password again, under the sign-in throttle (5 per account, 20 per address in 15
 * minutes): a stolen session cannot be used to guess it. Wrong → 403 with `wrong`; too many → 429.
 */
export async function checkPassword(app: FastifyInstance, request: FastifyRequest, me: User, password: string, wrong: string): Promise<void> {
  const throttle = throttles.of(app.db);
  const { verdict, id } = throttle.reserve(me.email, request.ip, me.id, app.now());
  if (!verdict.ok) throw tooManyAttempts(verdict.retryAfterMs, 'Too many wrong passwords');
  const ok = await app.hashSlots.run(() => verifyPassword(password, me.passwordHash));
  if (!ok) {
    throttle.failed(id!);
    throw new HttpError(403, 'wrong_password', wrong);
  }
  throttle.succeeded(id!, me.email, me.id, request.ip, app.now());
}

/** Without the owner's id: the export names the person once, in `profile`. */
function omit<T extends object, K extends keyof T>(row: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...row };
  for (const k of keys) delete copy[k];
  return copy;
}

export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tokens = accountTokens.of(app.db);
  const c = app.db.$client;
  const emailTaken = c.prepare('select 1 from users where email = ?').pluck();

  // The new address gets a link valid 24 hours; the account keeps its address until it is opened
  // (POST /api/auth/email-confirm). At most 3 links per 15 minutes, so nobody mails strangers through us.
  app.post('/api/me/email', {
    config: { access: 'user' },
    schema: { body: ChangeEmailSchema, response: { 202: EmailChangeRequestedSchema, ...errors } },
  }, async (request, reply) => {
    const me = requireUser(request);
    const email = normaliseEmail(request.body.email);
    if (email === me.email) throw new HttpError(400, 'same_email', 'That is already your sign-in address; enter the new one.');
    await checkPassword(app, request, me, request.body.password, 'Your password is not right; your address was not changed.');
    const token = app.db.transaction(() => {
      const now = app.now();
      if (emailTaken.get(email)) throw new HttpError(409, 'email_taken', 'Another account uses that address; choose another.');
      if (tokens.recentCount(me.id, 'email', now) >= ACCOUNT_MAILS_PER_WINDOW) {
        throw new HttpError(429, 'too_many_requests', `We sent ${ACCOUNT_MAILS_PER_WINDOW} confirmation links in the last 15 minutes; open the latest one, or try again later.`);
      }
      return tokens.issue(me.id, 'email', email, now, EMAIL_TOKEN_MS);
    });
    const link = `${app.linkBase(request)}/confirm-email/${token}`;
    app.sendMail({
      to: email,
      subject: 'Confirm your new address for CETL Practice',
      link,
      text: `Hello ${me.name},\n\nTo make ${email} the sign-in address of your CETL Practice account, open this link within 24 hours:\n\n${link}\n\nUntil then you keep signing in with ${me.email}. If you did not ask for this, ignore this mail.\n`,
    });
    return reply.code(202).send({
      message: `We sent a link to ${email}. Your sign-in address changes when you open it (within 24 hours); until then it stays ${me.email}.`,
      pendingEmail: email,
    });
  });

  app.get('/api/me/export', { config: { access: 'user' }, schema: { response: { 200: AccountExportSchema, ...errors } } }, async (request, reply) => {
    const me = requireUser(request);
    const db = app.db;
    // One read transaction: a consistent picture even while other requests write.
    const data = db.transaction((tx) => {
      const mine = eq(essays.userId, me.id);
      const slotRows = tx.select(getTableColumns(slots)).from(slots).innerJoin(attempts, eq(attempts.id, slots.attemptId)).where(eq(attempts.userId, me.id)).orderBy(slots.slot).all();
      const scoreRows = tx.select(getTableColumns(essayScores)).from(essayScores).innerJoin(essays, eq(essays.id, essayScores.essayId)).where(mine).all();
      return {
        format: 'cetl-practice-export/1' as const,
        exportedAt: new Date(app.now()).toISOString(),
        profile: { ...publicUser(me), createdAt: me.createdAt },
        sessions: tx.select().from(sessions).where(eq(sessions.userId, me.id)).all()
          .map((s) => ({ createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, current: s.tokenHash === request.sessionHash })),
        signInAddresses: tx.select({ address: signInAddresses.address, lastAt: signInAddresses.lastAt }).from(signInAddresses).where(eq(signInAddresses.userId, me.id)).all(),
        attempts: tx.select().from(attempts).where(eq(attempts.userId, me.id)).orderBy(attempts.startedAt).all().map((a) => ({
          ...omit(a, 'userId'),
          slots: slotRows.filter((s) => s.attemptId === a.id).map((s) => omit(s, 'attemptId')),
        })),
        exposures: tx.select().from(exposures).where(eq(exposures.userId, me.id)).all().map((e) => omit(e, 'userId')),
        essays: tx.select().from(essays).where(mine).orderBy(essays.startedAt).all().map((e) => ({
          ...omit(e, 'userId'),
          // Scores of the person's essays; who gave a peer's or coach's score is that reader's to tell.
          scores: scoreRows.filter((s) => s.essayId === e.id).map((s) => ({ ...omit(s, 'essayId', 'readerId', 'id'), byYou: s.readerId === me.id })),
        })),
        essayShares: tx.select({ id: essayShares.id, essayId: essayShares.essayId, createdAt: essayShares.createdAt, revokedAt: essayShares.revokedAt })
          .from(essayShares).innerJoin(essays, eq(essays.id, essayShares.essayId)).where(mine).all(),
        // Scores the person gave other people's essays: their levels and comments, not the essays.
        scoresGiven: tx.select({ source: essayScores.source, rubricVersion: essayScores.rubricVersion, levels: essayScores.levels, comments: essayScores.comments, createdAt: essayScores.createdAt })
          .from(essayScores).innerJoin(essays, eq(essays.id, essayScores.essayId)).where(and(eq(essayScores.readerId, me.id), ne(essays.userId, me.id))).all(),
        calibrations: tx.select().from(calibrations).where(eq(calibrations.readerId, me.id)).all().map((r) => omit(r, 'readerId')),
        selfRatings: tx.select().from(selfRatings).where(eq(selfRatings.userId, me.id)).all().map((r) => omit(r, 'userId')),
        reviewCards: tx.select().from(reviewCards).where(eq(reviewCards.userId, me.id)).all().map((r) => omit(r, 'userId')),
        groups: tx.select({ groupId: groups.id, name: groups.name, role: groupMembers.role, joinedAt: groupMembers.joinedAt })
          .from(groupMembers).innerJoin(groups, eq(groups.id, groupMembers.groupId)).where(eq(groupMembers.userId, me.id)).all(),
        drillAttempts: tx.select({ drillId: drillAttempts.drillId, attemptId: drillAttempts.attemptId }).from(drillAttempts).where(eq(drillAttempts.userId, me.id)).all(),
        questionReports: tx.select().from(questionReports).where(eq(questionReports.userId, me.id)).all().map((r) => omit(r, 'userId', 'resolvedBy')),
      };
    }, { behavior: 'deferred' });
    const day = new Date(app.now()).toISOString().slice(0, 10);
    reply.header('content-disposition', `attachment; filename="cetl-practice-data-${day}.json"`);
    return data;
  });

  // Everything about the person goes in one transaction (the foreign keys cascade from users).
  // Groups they own pass to their longest-serving coach; a group with no other coach is deleted
  // with its drills and results. Drills they set in groups that remain pass to that group's owner.
  const ownedGroups = c.prepare('select id from groups where owner_id = ?').pluck();
  const membersOf = c.prepare('select user_id as userId, role, joined_at as joinedAt from group_members where group_id = ?');
  const handOver = c.prepare('update groups set owner_id = ? where id = ?');
  const makeOwner = c.prepare("update group_members set role = 'owner' where group_id = ? and user_id = ?");
  const deleteGroup = c.prepare('delete from groups where id = ?');
  const passDrills = c.prepare('update drills set created_by = (select owner_id from groups where groups.id = drills.group_id) where created_by = ?');
  const forgetFailures = c.prepare('delete from login_failures where email = ?');
  const deleteUser = c.prepare('delete from users where id = ?');

  app.post('/api/me/delete', {
    config: { access: 'user' },
    schema: { body: DeleteAccountSchema, response: { 200: AccountDeletedSchema, ...errors } },
  }, async (request, reply) => {
    const me = requireUser(request);
    if (!deleteConfirmed(request.body.confirm, me.email)) {
      throw new HttpError(400, 'confirmation_mismatch', `Type your email address, ${me.email}, exactly to confirm; nothing was deleted.`);
    }
    await checkPassword(app, request, me, request.body.password, 'Your password is not right; nothing was deleted.');
    const outcome = app.db.transaction(() => {
      let handedOver = 0;
      let deleted = 0;
      for (const groupId of ownedGroups.all(me.id) as string[]) {
        const heir = heirOf(membersOf.all(groupId) as { userId: number; role: string; joinedAt: number }[], me.id);
        if (heir === null) {
          deleteGroup.run(groupId);
          deleted++;
        } else {
          handOver.run(heir, groupId);
          makeOwner.run(groupId, heir);
          handedOver++;
        }
      }
      passDrills.run(me.id);
      forgetFailures.run(me.email);
      if (deleteUser.run(me.id).changes === 0) throw new HttpError(401, 'unauthenticated', 'This account no longer exists.');
      return { handedOver, deleted };
    });
    reply.clearCookie(COOKIE);
    return {
      message: 'Your account and everything kept about you were deleted, and you were signed out everywhere.',
      groupsHandedOver: outcome.handedOver,
      groupsDeleted: outcome.deleted,
    };
  });
};
