import { and, count, eq, gt } from 'drizzle-orm';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { loginFailures, users } from '../../db/schema/index.ts';
import { hashPassword, verifyPassword, decoyHash } from '../../auth/password.ts';
import { loginBlocked, LOGIN_WINDOW_MS } from '../../domain/session.ts';
import { HttpError } from '../../plugins/errors.ts';
import { LoginSchema, RegisterSchema, UserReplySchema } from '../../schemas/user.ts';
import { PASSWORD_MIN_LENGTH, passwordTooShort } from '../../domain/account.ts';
import { errors } from '../../schemas/common.ts';
import { publicUser } from '../me/public-user.ts';

const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/auth/register',
    { schema: { body: RegisterSchema, response: { 201: UserReplySchema, ...errors } } },
    async (request, reply) => {
      const email = normaliseEmail(request.body.email);
      const name = request.body.name.trim();
      if (!name) throw new HttpError(400, 'invalid_request', 'Enter your name.');
      if (passwordTooShort(request.body.password)) {
        throw new HttpError(400, 'password_too_short', `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters; a short phrase works well.`);
      }
      const taken = () => new HttpError(409, 'email_taken', 'An account with this email already exists; sign in instead.');
      if (app.db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) throw taken();
      const passwordHash = await hashPassword(request.body.password);
      const user = app.db.transaction((tx) => {
        // Checked again inside the write: two registrations may have raced through the hash.
        if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) throw taken();
        return tx.insert(users).values({ email, name, passwordHash, createdAt: app.now() }).returning().get();
      });
      app.startSession(reply, user.id, request.sessionHash);
      return reply.code(201).send({ user: publicUser(user) });
    },
  );

  app.post(
    '/api/auth/login',
    { schema: { body: LoginSchema, response: { 200: UserReplySchema, ...errors } } },
    async (request, reply) => {
      const email = normaliseEmail(request.body.email);
      const since = app.now() - LOGIN_WINDOW_MS;
      const failures = (where: ReturnType<typeof eq>) =>
        app.db.select({ n: count() }).from(loginFailures).where(and(where, gt(loginFailures.at, since))).get()!.n;
      if (loginBlocked(failures(eq(loginFailures.email, email)), failures(eq(loginFailures.address, request.ip)))) {
        reply.header('retry-after', String(LOGIN_WINDOW_MS / 1000));
        throw new HttpError(429, 'too_many_attempts', 'Too many failed sign-ins; wait 15 minutes and try again.');
      }
      const user = app.db.select().from(users).where(eq(users.email, email)).get();
      const ok = await verifyPassword(request.body.password, user?.passwordHash ?? (await decoyHash));
      if (!user || !ok) {
        app.db.insert(loginFailures).values({ email, address: request.ip, at: app.now() }).run();
        throw new HttpError(401, 'invalid_credentials', 'That email and password do not match an account.');
      }
      app.db.delete(loginFailures).where(eq(loginFailures.email, email)).run();
      app.startSession(reply, user.id, request.sessionHash);
      return { user: publicUser(user) };
    },
  );

  app.post('/api/auth/logout', async (request, reply) => {
    app.endSession(request, reply);
    return reply.code(204).send();
  });
};
