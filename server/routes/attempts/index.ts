import { randomInt, randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { apportion } from '../../domain/blueprint.ts';
import { assembleFromPools } from '../../domain/assembly.ts';
import { acceptsResponses, deadlineFor, handInCause, mayRevealKey, plannedMinutes, remainingMs, EXAM_DEFAULTS } from '../../domain/attempt.ts';
import { HttpError } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/session.ts';
import { errors } from '../../schemas/common.ts';
import {
  AttemptIdParams, AttemptReplySchema, AttemptSummarySchema, CreateAttemptSchema, PutResponseSchema,
  ReportSchema, SavedResponseSchema, SlotParams,
} from '../../schemas/attempt.ts';
import { attemptStore } from './store.ts';
import { attemptView, report, reveal, summary } from './view.ts';

/** Tutor drills are short by default; exam mode simulates the full 100-item test. */
const TUTOR_DEFAULT_LENGTH = 20;

const NONE: ReadonlySet<string> = new Set();

const closed = () => new HttpError(409, 'attempt_closed', 'This attempt is closed (submitted or out of time); open its report instead.');

export const attemptRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const store = attemptStore(app.db);
  /** Items of the user's other open exams, whose keys stay hidden here; only asked when this attempt can show keys. */
  const hiddenKeys = (userId: number, attempt: { id: string; mode: 'exam' | 'tutor'; status: 'open' | 'submitted' }): ReadonlySet<string> =>
    attempt.mode === 'exam' && attempt.status === 'open' ? NONE : store.openExamItems(userId, attempt.id);

  app.post('/api/attempts', { schema: { body: CreateAttemptSchema, response: { 201: AttemptReplySchema, ...errors } } }, async (request, reply) => {
    const user = requireUser(request);
    const body = request.body;
    const mode = body.mode ?? 'exam';
    const length = body.length ?? (mode === 'exam' ? EXAM_DEFAULTS.length : TUTOR_DEFAULT_LENGTH);
    const { framework } = app;
    for (const code of body.codes ?? []) {
      if (!framework.codeArea.has(code)) throw new HttpError(400, 'unknown_code', `${code} is not a skill code; use 1A–10C as listed by GET /api/framework.`);
    }
    for (const area of body.areas ?? []) {
      if (!framework.area.has(area)) throw new HttpError(400, 'unknown_area', `Area ${area} does not exist; areas are numbered 1–${framework.framework.areas.length}.`);
    }
    const codeAreas = body.codes && new Set(body.codes.map((c) => framework.codeArea.get(c)!));
    const areas = framework.framework.areas
      .map((a) => a.number)
      .filter((n) => (!body.areas || body.areas.includes(n)) && (!codeAreas || codeAreas.has(n)));
    if (areas.length === 0) throw new HttpError(400, 'empty_selection', 'None of the chosen codes lies in the chosen areas; widen the selection.');

    const blueprint = apportion(length, areas.map((area) => ({ area, weight: framework.area.get(area)!.weight })));
    // An open exam's items are never seated again until it is handed in: their keys would leak into it.
    const excluded = store.openExamItems(user.id);
    const seed = body.seed ?? randomInt(2 ** 31 - 1);
    const drawn = assembleFromPools(blueprint, store.pools(user.id, areas, body.codes, excluded), excluded, seed);
    if (!drawn.ok) {
      const first = drawn.shortfalls[0];
      const codes = body.codes?.filter((c) => framework.codeArea.get(c) === first.area) ?? [];
      const what = codes.length === 1 ? `code ${codes[0]}` : `area ${first.area}`;
      throw new HttpError(422, 'bank_shortfall',
        `The bank has ${first.available} items available for ${what} and this attempt needs ${first.needed}. Choose fewer items or more areas.`,
        { shortfalls: drawn.shortfalls });
    }
    const now = app.now();
    const minutes = plannedMinutes({ mode, length, minutes: body.minutes });
    const attempt = store.createAttempt({
      id: randomUUID(), userId: user.id, mode, length, minutes, timeMultiplier: user.timeMultiplier, seed, blueprint,
      filter: { ...(body.areas && { areas: body.areas }), ...(body.codes && { codes: body.codes }) },
      startedAt: now, deadline: deadlineFor(now, minutes, user.timeMultiplier),
    }, drawn.items.map((i) => i.itemId));
    const { responses: _hidden, ...view } = attemptView(attempt, store.loadSlots(attempt.id), now, excluded);
    return reply.code(201).send(view);
  });

  app.get('/api/attempts', { schema: { response: { 200: Type.Object({ attempts: Type.Array(AttemptSummarySchema) }), ...errors } } }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    const rows = store.listOwnAttempts(user.id).map((a) => store.touchAttempt(a, app.framework, now));
    const answered = store.answeredCounts(rows.map((a) => a.id));
    return { attempts: rows.map((a) => summary(a, now, answered.get(a.id) ?? 0)) };
  });

  app.get('/api/attempts/:id', { schema: { params: AttemptIdParams, response: { 200: AttemptReplySchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    const attempt = store.touchAttempt(store.loadOwnAttempt(request.params.id, user.id), app.framework, now);
    return attemptView(attempt, store.loadSlots(attempt.id), now, hiddenKeys(user.id, attempt));
  });

  app.put('/api/attempts/:id/responses/:slot', { schema: { params: SlotParams, body: PutResponseSchema, response: { 200: SavedResponseSchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    const attempt = store.touchAttempt(store.loadOwnAttempt(request.params.id, user.id), app.framework, now);
    if (!acceptsResponses(attempt, now)) throw closed();
    const [row] = store.loadSlots(attempt.id, request.params.slot);
    if (!row) throw new HttpError(404, 'not_found', `Slot ${request.params.slot} does not exist; this attempt has slots 1–${attempt.length}.`);
    // A body with only `flagged` keeps the current choice.
    const choice = request.body.choice === undefined ? row.choice : request.body.choice;
    // Once tutor mode has shown a slot's key, its answer stands; re-sending the same choice is fine.
    if (attempt.mode === 'tutor' && row.choice !== null && choice !== row.choice) {
      throw new HttpError(409, 'response_locked', 'This tutor-mode answer was already checked and its key shown; it cannot be changed.');
    }
    const flagged = request.body.flagged ?? row.flagged;
    store.saveResponse(attempt.id, row.slot, choice, flagged, now);
    const shows = mayRevealKey(attempt.mode, attempt.status, choice) && !hiddenKeys(user.id, attempt).has(row.itemId);
    return { slot: row.slot, choice, flagged, savedAt: now, remainingMs: remainingMs(attempt, now), ...(shows && reveal(row, choice)) };
  });

  app.post('/api/attempts/:id/submit', { schema: { params: AttemptIdParams, response: { 200: ReportSchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    let attempt = store.touchAttempt(store.loadOwnAttempt(request.params.id, user.id), app.framework, now);
    // The slots are read once: they score the attempt and make the report the client needs.
    const rows = store.loadSlots(attempt.id);
    if (attempt.status === 'open') attempt = app.db.transaction(() => store.closeAttempt(attempt, app.framework, now, handInCause(attempt, now), rows));
    return report(attempt, rows, app.framework, hiddenKeys(user.id, attempt));
  });

  app.get('/api/attempts/:id/report', { schema: { params: AttemptIdParams, response: { 200: ReportSchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const attempt = store.touchAttempt(store.loadOwnAttempt(request.params.id, user.id), app.framework, app.now());
    if (attempt.status === 'open' && attempt.mode === 'exam') {
      throw new HttpError(409, 'attempt_open', 'The report is ready once the attempt is submitted or its time runs out.');
    }
    return report(attempt, store.loadSlots(attempt.id), app.framework, hiddenKeys(user.id, attempt));
  });
};
