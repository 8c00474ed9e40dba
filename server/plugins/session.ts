// Server-side sessions: a random token in an HttpOnly, SameSite cookie; SQLite keeps its hash.
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessions, users } from '../db/schema/index.ts';
import { sessionExpired, sessionNeedsTouch, SESSION_ABSOLUTE_MS } from '../domain/session.ts';
import { HttpError } from './errors.ts';

export type User = typeof users.$inferSelect;
export const COOKIE = 'cetl_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
    sessionHash: string | null;
  }
  interface FastifyInstance {
    startSession(reply: FastifyReply, userId: number, replacing: string | null): void;
    endSession(request: FastifyRequest, reply: FastifyReply): void;
  }
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The caller, or a 401 that says to sign in. */
export function requireUser(request: FastifyRequest): User {
  if (!request.user) throw new HttpError(401, 'unauthenticated', 'Sign in first (POST /api/auth/login).');
  return request.user;
}

export const sessionPlugin = fp<{ secret: string; cookieSecure: 'auto' | 'always' | 'never' }>(async (app, { secret, cookieSecure }) => {
  await app.register(cookie, { secret, hook: 'onRequest' });
  app.decorateRequest('user', null);
  app.decorateRequest('sessionHash', null);

  const cookieOptions = (request: FastifyRequest) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: cookieSecure === 'always' || (cookieSecure === 'auto' && request.protocol === 'https'),
    signed: true,
  });

  // Prepared once: every request with a cookie runs the first of these.
  const bySession = app.db.select().from(sessions).innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash'))).prepare();
  const remove = app.db.delete(sessions).where(eq(sessions.tokenHash, sql.placeholder('tokenHash'))).prepare();
  const touch = app.db.update(sessions).set({ lastSeenAt: sql.placeholder('now') as unknown as number })
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash'))).prepare();

  app.addHook('onRequest', async (request) => {
    const raw = request.cookies[COOKIE];
    if (!raw) return;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return;
    const tokenHash = hashToken(unsigned.value);
    const row = bySession.get({ tokenHash });
    if (!row) return;
    const now = app.now();
    if (sessionExpired(row.sessions, now)) {
      remove.run({ tokenHash });
      return;
    }
    if (sessionNeedsTouch(row.sessions, now)) touch.run({ tokenHash, now });
    request.user = row.users;
    request.sessionHash = tokenHash;
  });

  // A new token at every login (no session fixation); the old one, if any, is deleted.
  app.decorate('startSession', function (this: typeof app, reply: FastifyReply, userId: number, replacing: string | null) {
    const token = randomBytes(32).toString('base64url');
    const now = app.now();
    app.db.transaction((tx) => {
      if (replacing) tx.delete(sessions).where(eq(sessions.tokenHash, replacing)).run();
      tx.insert(sessions).values({ tokenHash: hashToken(token), userId, createdAt: now, lastSeenAt: now }).run();
    });
    reply.setCookie(COOKIE, token, { ...cookieOptions(reply.request), maxAge: SESSION_ABSOLUTE_MS / 1000 });
  });

  app.decorate('endSession', function (request: FastifyRequest, reply: FastifyReply) {
    if (request.sessionHash) remove.run({ tokenHash: request.sessionHash });
    reply.clearCookie(COOKIE);
  });
});
