// Results by area across the caller's recent finished attempts (the dashboard's chart).
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { attempts } from '../../db/schema/index.ts';
import { scoreAttempt } from '../../domain/scoring.ts';
import { requireUser } from '../../plugins/session.ts';
import { ProgressSchema } from '../../schemas/attempt.ts';
import { errors } from '../../schemas/common.ts';
import { attemptStore } from '../attempts/store.ts';

/** Enough attempts to show a trend without reading a whole history. */
const RECENT = 12;

export const progressRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/progress', { config: { access: 'user' }, schema: { response: { 200: ProgressSchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const recent = app.db
      .select()
      .from(attempts)
      .where(and(eq(attempts.userId, user.id), eq(attempts.status, 'submitted')))
      .orderBy(desc(attempts.submittedAt))
      .limit(RECENT)
      .all();
    const slotsOf = attemptStore(app.db).loadScoredSlots(recent.map((a) => a.id));
    return {
      attempts: recent.map((a) => ({
        id: a.id,
        mode: a.mode,
        submittedAt: a.submittedAt!,
        areas: scoreAttempt(slotsOf.get(a.id)!, app.framework).areas,
      })),
    };
  });
};
