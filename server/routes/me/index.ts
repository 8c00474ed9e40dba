import { and, eq, ne } from 'drizzle-orm';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sessions, users } from '../../db/schema/index.ts';
import { requireUser } from '../../plugins/session.ts';
import { HttpError } from '../../plugins/errors.ts';
import { ChangePasswordSchema, UpdateMeSchema, UserReplySchema } from '../../schemas/user.ts';
import { errors } from '../../schemas/common.ts';
import { nameProblem, passwordProblem } from '../../domain/account.ts';
import { hashPassword } from '../../auth/password.ts';
import { isCommonPassword } from '../../auth/blocklist.ts';
import { publicUser } from './public-user.ts';
import { accountRoutes, checkPassword } from './account.ts';

export const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/me', { config: { access: 'user' }, schema: { response: { 200: UserReplySchema, ...errors } } }, async (request) => ({
    user: publicUser(requireUser(request)),
  }));

  app.patch('/api/me', { config: { access: 'user' }, schema: { body: UpdateMeSchema, response: { 200: UserReplySchema, ...errors } } }, async (request) => {
    const me = requireUser(request);
    const name = request.body.name?.trim();
    const badName = name === undefined ? null : nameProblem(name);
    if (badName) throw new HttpError(400, 'invalid_name', badName);
    const user = app.db
      .update(users)
      .set({
        ...(name !== undefined && { name }),
        ...(request.body.timeMultiplier !== undefined && { timeMultiplier: request.body.timeMultiplier }),
        ...(request.body.examDate !== undefined && { examDate: request.body.examDate }),
      })
      .where(eq(users.id, me.id))
      .returning()
      .get();
    return { user: publicUser(user) };
  });

  // A new password signs out every other session of the account (this one stays signed in).
  // The current password is checked under the sign-in throttle: a stolen session cannot guess it.
  app.post('/api/me/password', { config: { access: 'user' }, schema: { body: ChangePasswordSchema, response: { 200: UserReplySchema, ...errors } } }, async (request) => {
    const me = requireUser(request);
    const { currentPassword, newPassword } = request.body;
    const weak = passwordProblem(newPassword, isCommonPassword, [me.email.split('@')[0], me.name]);
    if (weak) throw new HttpError(400, weak.error, weak.message);
    await checkPassword(app, request, me, currentPassword, 'Your current password is not right; nothing was changed.');
    const passwordHash = await app.hashSlots.run(() => hashPassword(newPassword));
    const user = app.db.transaction((tx) => {
      tx.delete(sessions).where(and(eq(sessions.userId, me.id), ne(sessions.tokenHash, request.sessionHash!))).run();
      return tx.update(users).set({ passwordHash, passwordChangeRequired: false }).where(eq(users.id, me.id)).returning().get();
    });
    if (!user) throw new HttpError(401, 'unauthenticated', 'This account no longer exists.');
    return { user: publicUser(user) };
  });

  await app.register(accountRoutes);
};

