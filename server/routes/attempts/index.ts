import { randomInt, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { attempts, slots } from '../../db/schema/index.ts';
import { apportion } from '../../domain/blueprint.ts';
import { assemble } from '../../domain/assembly.ts';
import { acceptsResponses, deadlineFor, handInCause, mayRevealKey, plannedMinutes, remainingMs, EXAM_DEFAULTS } from '../../domain/attempt.ts';
import { HttpError } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/session.ts';
import { errors } from '../../schemas/common.ts';
import {
  AttemptIdParams, AttemptReplySchema, AttemptSummarySchema, CreateAttemptSchema, PutResponseSchema,
  ReportSchema, SavedResponseSchema, SlotParams,
} from '../../schemas/attempt.ts';
import { answeredCounts, candidatePool, closeAttempt, listOwnAttempts, loadOwnAttempt, loadSlots, touchAttempt } from './store.ts';
import { attemptView, report, reveal, summary } from './view.ts';

/** Tutor drills are short by default; exam mode simulates the full 100-item test. */
const TUTOR_DEFAULT_LENGTH = 20;

const closed = () => new HttpError(409, 'attempt_closed', 'This attempt is closed (submitted or out of time); open its report instead.');

export const attemptRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
    const pool = candidatePool(app.db, user.id, areas, body.codes);
    const seed = body.seed ?? randomInt(2 ** 31 - 1);
    const drawn = assemble(blueprint, pool, seed);
    if (!drawn.ok) {
      const first = drawn.shortfalls[0];
      throw new HttpError(422, 'bank_shortfall',
        `The bank cannot fill area ${first.area}: it needs ${first.needed} items and has ${first.available}. Choose fewer items or more areas.`,
        { shortfalls: drawn.shortfalls });
    }
    const now = app.now();
    const minutes = plannedMinutes({ mode, length, minutes: body.minutes });
    const versions = new Map(pool.map((p) => [p.itemId, p.version]));
    const id = randomUUID();
    app.db.transaction((tx) => {
      tx.insert(attempts).values({
        id, userId: user.id, mode, status: 'open', length, minutes, timeMultiplier: user.timeMultiplier, seed, blueprint,
        filter: { ...(body.areas && { areas: body.areas }), ...(body.codes && { codes: body.codes }) },
        startedAt: now, deadline: deadlineFor(now, minutes, user.timeMultiplier),
      }).run();
      drawn.items.forEach((item, i) =>
        tx.insert(slots).values({ attemptId: id, slot: i + 1, itemId: item.itemId, version: versions.get(item.itemId)! }).run());
    });
    const attempt = loadOwnAttempt(app.db, id, user.id);
    const { responses: _hidden, ...view } = attemptView(attempt, loadSlots(app.db, id), now);
    return reply.code(201).send(view);
  });

  app.get('/api/attempts', { schema: { response: { 200: Type.Object({ attempts: Type.Array(AttemptSummarySchema) }), ...errors } } }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    const rows = listOwnAttempts(app.db, user.id).map((a) => touchAttempt(app.db, a, app.framework, now));
    const answered = answeredCounts(app.db, rows.map((a) => a.id));
    return { attempts: rows.map((a) => summary(a, now, answered.get(a.id) ?? 0)) };
  });

  app.get('/api/attempts/:id', { schema: { params: AttemptIdParams, response: { 200: AttemptReplySchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    const attempt = touchAttempt(app.db, loadOwnAttempt(app.db, request.params.id, user.id), app.framework, now);
    return attemptView(attempt, loadSlots(app.db, attempt.id), now);
  });

  app.put('/api/attempts/:id/responses/:slot', { schema: { params: SlotParams, body: PutResponseSchema, response: { 200: SavedResponseSchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    const attempt = touchAttempt(app.db, loadOwnAttempt(app.db, request.params.id, user.id), app.framework, now);
    if (!acceptsResponses(attempt, now)) throw closed();
    const [row] = loadSlots(app.db, attempt.id, request.params.slot);
    if (!row) throw new HttpError(404, 'not_found', `Slot ${request.params.slot} does not exist; this attempt has slots 1–${attempt.length}.`);
    // A body with only `flagged` keeps the current choice.
    const choice = request.body.choice === undefined ? row.choice : request.body.choice;
    // Once tutor mode has shown a slot's key, its answer stands; re-sending the same choice is fine.
    if (attempt.mode === 'tutor' && row.choice !== null && choice !== row.choice) {
      throw new HttpError(409, 'response_locked', 'This tutor-mode answer was already checked and its key shown; it cannot be changed.');
    }
    const flagged = request.body.flagged ?? row.flagged;
    app.db.update(slots).set({ choice, flagged, savedAt: now }).where(and(eq(slots.attemptId, attempt.id), eq(slots.slot, row.slot))).run();
    return {
      slot: row.slot, choice, flagged, savedAt: now, remainingMs: remainingMs(attempt, now),
      ...(mayRevealKey(attempt.mode, attempt.status, choice) && reveal(row, choice)),
    };
  });

  app.post('/api/attempts/:id/submit', { schema: { params: AttemptIdParams, response: { 200: ReportSchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    let attempt = touchAttempt(app.db, loadOwnAttempt(app.db, request.params.id, user.id), app.framework, now);
    if (attempt.status === 'open') attempt = app.db.transaction(() => closeAttempt(app.db, attempt, app.framework, now, handInCause(attempt, now)));
    return report(attempt, loadSlots(app.db, attempt.id), app.framework);
  });

  app.get('/api/attempts/:id/report', { schema: { params: AttemptIdParams, response: { 200: ReportSchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const attempt = touchAttempt(app.db, loadOwnAttempt(app.db, request.params.id, user.id), app.framework, app.now());
    if (attempt.status === 'open' && attempt.mode === 'exam') {
      throw new HttpError(409, 'attempt_open', 'The report is ready once the attempt is submitted or its time runs out.');
    }
    return report(attempt, loadSlots(app.db, attempt.id), app.framework);
  });
};
