// The writer's Part II routes: start an essay, save its text by revision, hand it in, score it,
// and open or close review links. Only the writer can see an essay here; everyone else gets 404.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { acceptsResponses, remainingMs } from '../../domain/attempt.ts';
import { essayDeadline, pickWeakestPrompt, selfScoreKind, textProblem } from '../../domain/essay.ts';
import { levelsProblem, type Levels } from '../../domain/rubric.ts';
import { countWords } from '../../domain/words.ts';
import { scoreAttempt } from '../../domain/scoring.ts';
import { HttpError, notFound } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/session.ts';
import { errors, ErrorSchema } from '../../schemas/common.ts';
import {
  CreateEssaySchema, EssayIdParams, EssaySchema, EssaySummarySchema, GiveScoreSchema, SavedTextSchema, SaveTextSchema, ShareCreatedSchema, ShareParams,
} from '../../schemas/essay.ts';
import { attemptStore } from '../attempts/store.ts';
import { closeEssay, touchEssay } from './close.ts';
import { essayStore } from './store.ts';
import { essayView } from './view.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const closed = () => new HttpError(409, 'essay_closed', 'This essay has been handed in (or its time ran out); open it to see the reading and scores.');

export const essayRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const store = essayStore(app.db);
  const view = (id: string, now: number) => {
    const essay = store.loadEssay(id)!;
    return essayView(essay, store.promptAt(essay.promptId, essay.promptVersion), app.part2, store.scoresOf(id), store.sharesOf(id), now);
  };
  /** The writer's own essay, handed in first if its time is over. */
  const ownEssay = (id: string, userId: number, now: number) => touchEssay(app.db, app.part2, store.loadOwnEssay(id, userId), now);

  app.post('/api/essays', { config: { access: 'user' }, schema: { body: CreateEssaySchema, response: { 201: EssaySchema, ...errors } } }, async (request, reply) => {
    const user = requireUser(request);
    const { promptId, pick, mode = 'timed' } = request.body;
    if ((promptId === undefined) === (pick === undefined)) {
      throw new HttpError(400, 'choose_prompt', 'Send either promptId (see GET /api/part2/prompts) or pick: "weakest", not both or neither.');
    }
    let prompt;
    if (promptId !== undefined) {
      prompt = app.part2.promptById.get(promptId);
      if (!prompt) throw new HttpError(400, 'unknown_prompt', `${promptId} is not a Part II prompt; GET /api/part2/prompts lists them.`);
    } else {
      const attempts = attemptStore(app.db);
      const recent = attempts.listOwnAttempts(user.id).filter((a) => a.status === 'submitted').slice(0, 12);
      const slots = [...attempts.loadScoredSlots(recent.map((a) => a.id)).values()].flat();
      prompt = pickWeakestPrompt(app.part2.prompts, scoreAttempt(slots, app.framework).areas, Math.random);
    }
    const now = app.now();
    const essay = store.createEssay({
      id: randomUUID(), userId: user.id, promptId: prompt.id, promptVersion: prompt.version, mode, timeMultiplier: user.timeMultiplier,
      startedAt: now, deadline: essayDeadline(mode, now, prompt.minutes, user.timeMultiplier),
    });
    return reply.code(201).send(view(essay.id, now));
  });

  app.get('/api/essays', { config: { access: 'user' }, schema: { response: { 200: Type.Object({ essays: Type.Array(EssaySummarySchema) }), ...errors } } }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    const rows = store.listOwnEssays(user.id).map((e) => touchEssay(app.db, app.part2, e, now));
    const levels = store.levelsBySource(rows.map((e) => e.id));
    return {
      essays: rows.map((e) => {
        const prompt = store.promptAt(e.promptId, e.promptVersion);
        return {
          id: e.id, promptId: e.promptId, title: prompt.title, area: prompt.area, mode: e.mode, status: e.status, startedAt: e.startedAt,
          deadline: e.deadline, remainingMs: remainingMs(e, now), submittedAt: e.submittedAt, words: countWords(e.text), levels: (levels.get(e.id) ?? {}) as Record<string, Levels>,
        };
      }),
    };
  });

  app.get('/api/essays/:id', { config: { access: 'user' }, schema: { params: EssayIdParams, response: { 200: EssaySchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    return view(ownEssay(request.params.id, user.id, now).id, now);
  });

  app.put('/api/essays/:id/text', { config: { access: 'user' },
    bodyLimit: 512 * 1024,
    schema: { params: EssayIdParams, body: SaveTextSchema, response: { 200: SavedTextSchema, 413: ErrorSchema, ...errors } },
  }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    const essay = ownEssay(request.params.id, user.id, now);
    if (!acceptsResponses(essay, now)) throw closed();
    const problem = textProblem(request.body.text);
    if (problem) throw new HttpError(problem.status, problem.code, problem.message);
    const saved = store.saveText(essay.id, request.body.text, request.body.revision, now);
    // The check above and this save run in one synchronous step: the essay is still open here.
    const current = saved ? null : store.loadEssay(essay.id)!;
    return {
      revision: current?.revision ?? request.body.revision,
      savedAt: current ? current.savedAt : now,
      words: countWords(current?.text ?? request.body.text),
      remainingMs: remainingMs(essay, now),
      stale: !saved,
    };
  });

  app.post('/api/essays/:id/submit', { config: { access: 'user' }, schema: { params: EssayIdParams, response: { 200: EssaySchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    const essay = ownEssay(request.params.id, user.id, now);
    if (essay.status === 'open') closeEssay(app.db, app.part2, essay, now, essay.deadline !== null && now >= essay.deadline ? 'time' : 'candidate');
    return view(essay.id, now);
  });

  app.post('/api/essays/:id/scores', { config: { access: 'user' }, schema: { params: EssayIdParams, body: GiveScoreSchema, response: { 201: EssaySchema, ...errors } } }, async (request, reply) => {
    const user = requireUser(request);
    const now = app.now();
    const essay = ownEssay(request.params.id, user.id, now);
    if (essay.status !== 'submitted') throw new HttpError(409, 'essay_open', 'Hand the essay in first; then score it against the rubric.');
    const problem = levelsProblem(app.part2.rubric, request.body.levels);
    if (problem) throw new HttpError(400, 'invalid_score', problem);
    const kind = store.addSelfScore(essay.id, user.id, selfScoreKind, app.part2.rubric.version, request.body.levels as Levels, request.body.comments ?? {}, now);
    if (!kind) throw new HttpError(409, 'already_scored', 'You have given your score and your revised score for this essay; both are kept.');
    return reply.code(201).send(view(essay.id, now));
  });

  app.post('/api/essays/:id/shares', { config: { access: 'user' }, schema: { params: EssayIdParams, response: { 201: ShareCreatedSchema, ...errors } } }, async (request, reply) => {
    const user = requireUser(request);
    const essay = ownEssay(request.params.id, user.id, app.now());
    if (essay.status !== 'submitted') throw new HttpError(409, 'essay_open', 'Hand the essay in before asking others to review it.');
    const token = randomBytes(24).toString('base64url');
    const id = store.createShare(essay.id, hashToken(token), app.now());
    return reply.code(201).send({ id, token, path: `/review/${token}` });
  });

  app.delete('/api/essays/:id/shares/:shareId', { config: { access: 'user' }, schema: { params: ShareParams, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
    const user = requireUser(request);
    const essay = store.loadOwnEssay(request.params.id, user.id);
    if (!store.revokeShare(essay.id, request.params.shareId, app.now())) throw notFound('This review link');
    return reply.code(204).send(null);
  });
};
