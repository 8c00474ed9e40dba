// Password reset by mail, and the link that confirms a new email address. Both are for whoever
// holds the link (access: anonymous): the link is the proof.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { hashPassword } from '../../auth/password.ts';
import { isCommonPassword } from '../../auth/blocklist.ts';
import { ACCOUNT_MAILS_PER_WINDOW, ACCOUNT_MAIL_WINDOW_MS, normaliseEmail, passwordProblem, RESET_REQUESTS_PER_ADDRESS, RESET_TOKEN_MS } from '../../domain/account.ts';
import { HttpError } from '../../plugins/errors.ts';
import { COOKIE } from '../../plugins/session.ts';
import { errors } from '../../schemas/common.ts';
import { EmailConfirmedSchema, EmailConfirmSchema, MessageSchema, PasswordResetConfirmSchema, PasswordResetSchema } from '../../schemas/account.ts';
import { accountTokens } from './tokens.ts';

/** The one answer to every well-formed reset request, whether or not the account exists. */
export const RESET_REQUESTED = 'If an account uses that address, we have sent it a link to choose a new password. The link works once, for 30 minutes; check your spam folder if it has not arrived in a few minutes.';

const deadLink = (what: string) =>
  new HttpError(400, 'invalid_token', `This ${what} link is not valid: it has expired, was already used, or a newer one was sent. Ask for a new one.`);

export const accountMailRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tokens = accountTokens.of(app.db);
  const c = app.db.$client;
  const userByEmail = c.prepare('select id, email, name from users where email = ?');
  const setPassword = c.prepare('update users set password_hash = ?, password_change_required = 0 where id = ?');
  const dropSessions = c.prepare('delete from sessions where user_id = ?');
  const forgiveFailures = c.prepare('delete from login_failures where email = ?');
  const emailOf = c.prepare('select email from users where id = ?').pluck();
  const emailTaken = c.prepare('select 1 from users where email = ? and id != ?').pluck();
  const setEmail = c.prepare('update users set email = ? where id = ?');

  // Always 202 with the same words: the answer never says whether the address has an account. The
  // mail leaves after the reply is decided (sendMail does not wait), so timing says nothing either.
  app.post('/api/auth/password-reset', {
    config: { access: 'anonymous', rateLimit: { max: RESET_REQUESTS_PER_ADDRESS, timeWindow: ACCOUNT_MAIL_WINDOW_MS } },
    schema: { body: PasswordResetSchema, response: { 202: MessageSchema, ...errors } },
  }, async (request, reply) => {
    const email = normaliseEmail(request.body.email);
    const now = app.now();
    // The count and the new link in one transaction: concurrent requests cannot exceed the cap.
    const issued = app.db.transaction(() => {
      const user = userByEmail.get(email) as { id: number; email: string; name: string } | undefined;
      if (!user) return null;
      if (tokens.recentCount(user.id, 'reset', now) >= ACCOUNT_MAILS_PER_WINDOW) {
        request.log.info({ userId: user.id }, `password reset not mailed: ${ACCOUNT_MAILS_PER_WINDOW} links already sent in 15 minutes`);
        return null;
      }
      return { user, token: tokens.issue(user.id, 'reset', null, now, RESET_TOKEN_MS) };
    });
    if (issued) {
      const link = `${app.linkBase(request)}/reset/${issued.token}`;
      app.sendMail({
        to: issued.user.email,
        subject: 'Choose a new password for CETL Practice',
        link,
        text: `Hello ${issued.user.name},\n\nSomeone (we hope you) asked to reset the password of your CETL Practice account. To choose a new password, open this link within 30 minutes:\n\n${link}\n\nThe link works once. Choosing a new password signs you out everywhere.\nIf you did not ask for this, ignore this mail: your password stays as it is.\n`,
      });
    }
    return reply.code(202).send({ message: RESET_REQUESTED });
  });

  app.post('/api/auth/password-reset/confirm', {
    config: { access: 'anonymous' },
    schema: { body: PasswordResetConfirmSchema, response: { 200: MessageSchema, ...errors } },
  }, async (request, reply) => {
    const { token, password } = request.body;
    // The link counts as it was when the request arrived (the hash below may take a while).
    const arrived = app.now();
    // A dead link is refused before any hashing; a weak password leaves the link unspent.
    const owner = tokens.peek(token, 'reset', arrived);
    if (!owner) throw deadLink('reset');
    const weak = passwordProblem(password, isCommonPassword, [owner.email.split('@')[0], owner.name]);
    if (weak) throw new HttpError(400, weak.error, weak.message);
    const passwordHash = await app.hashSlots.run(() => hashPassword(password));
    // Checked again and spent in the one statement, and applied in the same transaction: of two
    // requests with the same link, only one changes the password.
    const userId = app.db.transaction(() => {
      const spent = tokens.spend(token, 'reset', arrived);
      if (!spent) throw deadLink('reset');
      setPassword.run(passwordHash, spent.userId);
      dropSessions.run(spent.userId);
      tokens.revokeAll(spent.userId, 'reset', arrived);
      // Whoever holds the mailbox is the owner: earlier failed sign-ins no longer hold them back.
      forgiveFailures.run(emailOf.get(spent.userId));
      return spent.userId;
    });
    if (request.user?.id === userId) reply.clearCookie(COOKIE);
    return { message: 'Your password was changed and every session of your account was signed out. Sign in with the new password.' };
  });

  // The new address becomes the account's only when its owner opens the link sent to it; the
  // address may have been taken since the link was sent, so that is checked again here, in the
  // same transaction as the change.
  app.post('/api/auth/email-confirm', {
    config: { access: 'anonymous' },
    schema: { body: EmailConfirmSchema, response: { 200: EmailConfirmedSchema, ...errors } },
  }, async (request) => {
    const changed = app.db.transaction(() => {
      const spent = tokens.spend(request.body.token, 'email', app.now());
      if (!spent?.newEmail) throw deadLink('confirmation');
      if (emailTaken.get(spent.newEmail, spent.userId)) {
        throw new HttpError(409, 'email_taken', 'Another account took this address after the link was sent; choose another address on your profile.');
      }
      const previous = emailOf.get(spent.userId) as string;
      setEmail.run(spent.newEmail, spent.userId);
      return { previous, email: spent.newEmail };
    });
    // The old address hears of the change, in case it was not its owner who made it.
    app.sendMail({
      to: changed.previous,
      subject: 'Your CETL Practice sign-in address was changed',
      text: `The sign-in address of your CETL Practice account was changed from ${changed.previous} to ${changed.email}.\nIf you did not do this, ask your administrator for help at once.\n`,
    });
    return { message: `Your sign-in address is now ${changed.email}.`, email: changed.email };
  });
};
