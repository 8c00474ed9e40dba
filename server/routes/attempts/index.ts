import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { acceptsResponses, handInCause, mayRevealKey, remainingMs } from '../../domain/attempt.ts';
import { HttpError } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/session.ts';
import { errors } from '../../schemas/common.ts';
import {
  AttemptIdParams, AttemptReplySchema, AttemptSummarySchema, CreateAttemptSchema, PutResponseSchema,
  ReportSchema, SavedResponseSchema, SlotParams,
} from '../../schemas/attempt.ts';
import { attemptStore } from './store.ts';
import { attemptView, report, reveal, summary } from './view.ts';
import { startAttempt } from './start.ts';
import { awaitsBegin } from './clock.ts';

const NONE: ReadonlySet<string> = new Set();

const closed = () => new HttpError(409, 'attempt_closed', 'This attempt is closed (submitted or out of time); open its report instead.');
const notBegun = () => new HttpError(409, 'attempt_not_begun', 'This exam has not begun: its clock starts with POST /api/attempts/:id/begin (the Begin button).');

export const attemptRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const store = attemptStore(app.db);
  /** Items of the user's other open exams, whose keys stay hidden here; only asked when this attempt can show keys. */
  const hiddenKeys = (userId: number, attempt: { id: string; mode: 'exam' | 'tutor'; status: 'open' | 'submitted' }): ReadonlySet<string> =>
    attempt.mode === 'exam' && attempt.status === 'open' ? NONE : store.openExamItems(userId, attempt.id);

  app.post('/api/attempts', { config: { access: 'user' }, schema: { body: CreateAttemptSchema, response: { 201: AttemptReplySchema, ...errors } } }, async (request, reply) => {
    return reply.code(201).send(startAttempt(app, requireUser(request), request.body));
  });

  app.get('/api/attempts', { config: { access: 'user' }, schema: { response: { 200: Type.Object({ attempts: Type.Array(AttemptSummarySchema) }), ...errors } } }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    const rows = store.listOwnAttempts(user.id).map((a) => store.touchAttempt(a, app.framework, now));
    const answered = store.answeredCounts(rows.map((a) => a.id));
    return { attempts: rows.map((a) => summary(a, now, answered.get(a.id) ?? 0)) };
  });

  app.get('/api/attempts/:id', { config: { access: 'user' }, schema: { params: AttemptIdParams, response: { 200: AttemptReplySchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    const attempt = store.touchAttempt(store.loadOwnAttempt(request.params.id, user.id), app.framework, now);
    return attemptView(attempt, store.loadSlots(attempt.id), now, hiddenKeys(user.id, attempt));
  });

  app.put('/api/attempts/:id/responses/:slot', { config: { access: 'user' }, schema: { params: SlotParams, body: PutResponseSchema, response: { 200: SavedResponseSchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    const attempt = store.touchAttempt(store.loadOwnAttempt(request.params.id, user.id), app.framework, now);
    if (!acceptsResponses(attempt, now)) throw closed();
    if (awaitsBegin(attempt)) throw notBegun();
    const [row] = store.loadSlots(attempt.id, request.params.slot);
    if (!row) throw new HttpError(404, 'not_found', `Slot ${request.params.slot} does not exist; this attempt has slots 1–${attempt.length}.`);
    // A body with only `flagged` keeps the current choice.
    const choice = request.body.choice === undefined ? row.choice : request.body.choice;
    // Once tutor mode has shown a slot's key, its answer stands; re-sending the same choice is fine.
    if (attempt.mode === 'tutor' && row.choice !== null && choice !== row.choice) {
      throw new HttpError(409, 'response_locked', 'This tutor-mode answer was already checked and its key shown; it cannot be changed.');
    }
    const flagged = request.body.flagged ?? row.flagged;
    const guessed = request.body.guessed ?? row.guessed;
    // Striking out is independent of the choice (a struck option can still be chosen). The schema
    // admits only A–D, in order, and every item has exactly those four options.
    const struck = request.body.struck ?? row.struck;
    store.saveResponse(attempt.id, row.slot, choice, flagged, guessed, now, struck);
    const shows = mayRevealKey(attempt.mode, attempt.status, choice) && !hiddenKeys(user.id, attempt).has(row.itemId);
    return { slot: row.slot, choice, flagged, guessed, struck, savedAt: now, remainingMs: remainingMs(attempt, now), ...(shows && reveal(row, choice)) };
  });

  // Starts the clock of an attempt created with startClock 'on_begin' (after the intro screen). Idempotent:
  // a second Begin (another tab, a retry) keeps the first start; any other attempt is returned as it is.
  app.post('/api/attempts/:id/begin', { config: { access: 'user' }, schema: { params: AttemptIdParams, response: { 200: AttemptReplySchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    const attempt = store.beginAttempt(store.touchAttempt(store.loadOwnAttempt(request.params.id, user.id), app.framework, now), now);
    return attemptView(attempt, store.loadSlots(attempt.id), now, hiddenKeys(user.id, attempt));
  });

  app.post('/api/attempts/:id/submit', { config: { access: 'user' }, schema: { params: AttemptIdParams, response: { 200: ReportSchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    let attempt = store.touchAttempt(store.loadOwnAttempt(request.params.id, user.id), app.framework, now);
    // The slots are read once: they score the attempt and make the report the client needs.
    const rows = store.loadSlots(attempt.id);
    if (attempt.status === 'open') attempt = app.db.transaction(() => store.closeAttempt(attempt, app.framework, now, handInCause(attempt, now), rows));
    return report(attempt, rows, app.framework, hiddenKeys(user.id, attempt));
  });

  app.get('/api/attempts/:id/report', { config: { access: 'user' }, schema: { params: AttemptIdParams, response: { 200: ReportSchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const attempt = store.touchAttempt(store.loadOwnAttempt(request.params.id, user.id), app.framework, app.now());
    if (attempt.status === 'open' && attempt.mode === 'exam') {
      throw new HttpError(409, 'attempt_open', 'The report is ready once the attempt is submitted or its time runs out.');
    }
    return report(attempt, store.loadSlots(attempt.id), app.framework, hiddenKeys(user.id, attempt));
  });
};
