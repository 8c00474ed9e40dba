import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { users } from '../../db/schema/index.ts';
import { hashPassword, verifyPassword, decoyHash } from '../../auth/password.ts';
import { isCommonPassword } from '../../auth/blocklist.ts';
import { HttpError } from '../../plugins/errors.ts';
import { LoginSchema, RegisterSchema, UserReplySchema } from '../../schemas/user.ts';
import { nameProblem, normaliseEmail, passwordProblem } from '../../domain/account.ts';
import { errors } from '../../schemas/common.ts';
import { publicUser } from '../me/public-user.ts';
import { throttles, tooManyAttempts } from './throttle.ts';
import { accountMailRoutes } from './reset.ts';

/** Registrations allowed from one address per hour (a classroom signing up together fits). */
export const REGISTER_PER_ADDRESS_PER_HOUR = 30;

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const slots = app.hashSlots;
  const throttle = throttles.of(app.db);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (request, context) => {
      // The limiter sets retry-after itself.
      const minutes = Math.ceil(context.ttl / 60000);
      return request.routeOptions.url === '/api/auth/register'
        ? new HttpError(429, 'too_many_registrations', `Too many accounts were created from this address; try again in ${minutes} minutes.`)
        : new HttpError(429, 'too_many_requests', `Too many password-reset requests came from this address; try again in ${minutes} minutes.`);
    },
  });
  // Password reset and email confirmation (reset.ts), under the same per-address limiter.
  await app.register(accountMailRoutes);

  app.post(
    '/api/auth/register', {
      config: { access: 'anonymous', rateLimit: { max: REGISTER_PER_ADDRESS_PER_HOUR, timeWindow: 60 * 60 * 1000 } },
      schema: { body: RegisterSchema, response: { 201: UserReplySchema, ...errors } },
    },
    async (request, reply) => {
      const email = normaliseEmail(request.body.email);
      const name = request.body.name.trim();
      const badName = nameProblem(name);
      if (badName) throw new HttpError(400, 'invalid_name', badName);
      const weak = passwordProblem(request.body.password, isCommonPassword, [email.split('@')[0], name]);
      if (weak) throw new HttpError(400, weak.error, weak.message);
      const taken = () => new HttpError(409, 'email_taken', 'An account with this email already exists; sign in instead.');
      if (app.db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) throw taken();
      const passwordHash = await slots.run(() => hashPassword(request.body.password));
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
    '/api/auth/login', { config: { access: 'anonymous' }, schema: { body: LoginSchema, response: { 200: UserReplySchema, ...errors } } },
    async (request, reply) => {
      const email = normaliseEmail(request.body.email);
      const user = app.db.select().from(users).where(eq(users.email, email)).get();
      const { verdict, id } = throttle.reserve(email, request.ip, user?.id ?? null, app.now());
      if (!verdict.ok) throw tooManyAttempts(verdict.retryAfterMs, 'Too many failed sign-ins');
      const ok = await slots.run(async () => verifyPassword(request.body.password, user?.passwordHash ?? (await decoyHash)));
      if (!user || !ok) {
        throttle.failed(id!);
        throw new HttpError(401, 'invalid_credentials', 'That email and password do not match an account.');
      }
      throttle.succeeded(id!, email, user.id, request.ip, app.now());
      // An older password that no longer meets the policy still works, once: the user is asked to change it.
      const outdated = passwordProblem(request.body.password, isCommonPassword) !== null;
      const current = outdated === user.passwordChangeRequired ? user
        : app.db.update(users).set({ passwordChangeRequired: outdated }).where(eq(users.id, user.id)).returning().get();
      app.startSession(reply, user.id, request.sessionHash);
      return { user: publicUser(current) };
    },
  );

  app.post('/api/auth/logout', { config: { access: 'anonymous' }, schema: { response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
    app.endSession(request, reply);
    return reply.code(204).send(null);
  });
};
