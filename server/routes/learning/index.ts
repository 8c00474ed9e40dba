// The learning engine's routes: mastery by area and code with intervals, self-ratings, readiness,
// a weak-area drill, "practise these" and "retry missed" from a report, the spaced-review queue,
// and progress over time. Every figure is the caller's own.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { apportion } from '../../domain/blueprint.ts';
import { betaOf, drillWeights, masteryByArea, readiness, type Answer } from '../../domain/mastery.ts';
import { disagreements } from '../../domain/self-rating.ts';
import { percent, scoreAttempt } from '../../domain/scoring.ts';
import { HttpError } from '../../plugins/errors.ts';
import { requireUser, type User } from '../../plugins/session.ts';
import { AttemptIdParams, AttemptReplySchema } from '../../schemas/attempt.ts';
import { errors } from '../../schemas/common.ts';
import { HistorySchema, MasterySchema, ReviewStatusSchema, SelfRatingsSchema, WeakDrillSchema } from '../../schemas/learning.ts';
import { attemptStore, scoredSlots } from '../attempts/store.ts';
import { startAttempt } from '../attempts/start.ts';
import { learningStore } from './store.ts';

const DAY = 86_400_000;
/** Weak-area drills aim every area at this mastery. */
const TARGET_MASTERY = 0.75;
const REVIEW_BATCH = 20;
const PRACTICE_LENGTH = 10;

const endOfDay = (now: number) => Math.floor(now / DAY) * DAY + DAY - 1;

export const learningRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const store = learningStore(app.db);
  const attempts = attemptStore(app.db);
  const areas = () => app.framework.framework.areas;

  function masteryOf(user: User, now: number) {
    const answers = store.answers(user.id);
    const ratings = store.ratings(user.id);
    const rating = (area: number, code = '') => ratings.find((r) => r.area === area && r.code === code)?.rating ?? null;
    const byArea = masteryByArea(answers, areas(), now);
    const view = byArea.map((m) => {
      const a = app.framework.area.get(m.area)!;
      return {
        area: m.area, name: a.name, weight: a.weight, mean: m.mean, low: m.low, high: m.high, answered: m.answered, selfRating: rating(m.area),
        codes: m.codes.map((c) => ({ code: c.code, mean: c.mean, low: c.low, high: c.high, answered: c.answered, selfRating: rating(m.area, c.code) })),
      };
    });
    const seats = apportion(100, areas().map((a) => ({ area: a.number, weight: a.weight })));
    const ready = readiness(seats.map((s) => ({ area: s.area, seats: s.count, ...betaOf(answers.filter((x) => x.area === s.area), now) })));
    return { areas: view, disagreements: disagreements(view), readiness: { ...ready, answered: answers.length } };
  }

  app.get('/api/learning/mastery', { config: { access: 'user' }, schema: { response: { 200: MasterySchema, ...errors } } }, async (request) =>
    masteryOf(requireUser(request), app.now()));

  app.put('/api/learning/self-ratings', { config: { access: 'user' }, schema: { body: SelfRatingsSchema, response: { 200: MasterySchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    for (const r of request.body.ratings) {
      if (!app.framework.area.has(r.area)) throw new HttpError(400, 'unknown_area', `Area ${r.area} does not exist; areas are numbered 1–10.`);
      if (r.code && app.framework.codeArea.get(r.code) !== r.area) throw new HttpError(400, 'unknown_code', `${r.code} is not a code of area ${r.area}.`);
    }
    store.saveRatings(user.id, request.body.ratings, app.now());
    return masteryOf(user, app.now());
  });

  app.post('/api/learning/weak-drill', { config: { access: 'user' }, schema: { body: WeakDrillSchema, response: { 201: AttemptReplySchema, ...errors } } }, async (request, reply) => {
    const user = requireUser(request);
    const length = request.body.length ?? 20;
    const mastery = masteryOf(user, app.now()).areas;
    const weights = drillWeights(mastery.map((m) => ({ area: m.area, weight: m.weight, mean: m.mean })), TARGET_MASTERY);
    const blueprint = apportion(length, weights).filter((b) => b.count > 0);
    // Inside each area, its weaker half of codes (by mastery); assembly puts unseen items first.
    const codes = blueprint.flatMap(({ area }) => {
      const byMean = [...mastery.find((m) => m.area === area)!.codes].sort((a, b) => a.mean - b.mean);
      return byMean.slice(0, Math.ceil(byMean.length / 2)).map((c) => c.code);
    });
    const body = { mode: request.body.mode ?? 'tutor', length, areas: blueprint.map((b) => b.area), blueprint };
    let view;
    try {
      view = startAttempt(app, user, { ...body, codes });
    } catch (err) {
      // Too few items in the weakest codes: draw from the whole of each chosen area instead.
      if (!(err instanceof HttpError) || err.statusCode !== 422) throw err;
      view = startAttempt(app, user, body);
    }
    return reply.code(201).send(view);
  });

  /** A finished attempt of the caller's, with its scored slots. */
  const finishedAttempt = (id: string, userId: number) => {
    const attempt = attempts.loadOwnAttempt(id, userId);
    if (attempt.status !== 'submitted') throw new HttpError(409, 'attempt_open', 'Finish the attempt first; then practise what it showed.');
    return scoredSlots(attempts.loadSlots(attempt.id));
  };

  app.post('/api/attempts/:id/practice', { config: { access: 'user' }, schema: { params: AttemptIdParams, response: { 201: AttemptReplySchema, ...errors } } }, async (request, reply) => {
    const user = requireUser(request);
    const slots = finishedAttempt(request.params.id, user.id);
    const weakest = scoreAttempt(slots, app.framework).codes
      .filter((c) => c.correct < c.total)
      .sort((a, b) => a.correct / a.total - b.correct / b.total || a.code.localeCompare(b.code))
      .slice(0, 3)
      .map((c) => c.code);
    if (!weakest.length) throw new HttpError(409, 'nothing_missed', 'Every item of this attempt was answered correctly; there is nothing to practise from it.');
    return reply.code(201).send(startAttempt(app, user, { mode: 'tutor', codes: weakest, length: PRACTICE_LENGTH }));
  });

  app.post('/api/attempts/:id/retry', { config: { access: 'user' }, schema: { params: AttemptIdParams, response: { 201: AttemptReplySchema, ...errors } } }, async (request, reply) => {
    const user = requireUser(request);
    const missed = finishedAttempt(request.params.id, user.id).filter((s) => s.choice !== s.answer).map((s) => s.itemId);
    if (!missed.length) throw new HttpError(409, 'nothing_missed', 'Every item of this attempt was answered correctly; there is nothing to retry.');
    return reply.code(201).send(startAttempt(app, user, { mode: 'tutor', itemIds: missed }));
  });

  app.get('/api/learning/reviews', { config: { access: 'user' }, schema: { response: { 200: ReviewStatusSchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    const counts = store.cardCounts(user.id, endOfDay(now));
    return {
      dueToday: counts.dueToday ?? 0, cards: counts.cards, nextDue: counts.nextDue, examDate: user.examDate,
      daysToExam: user.examDate === null ? null : Math.max(0, Math.ceil((user.examDate - now) / DAY)),
    };
  });

  app.post('/api/learning/reviews/start', { config: { access: 'user' }, schema: { response: { 201: AttemptReplySchema, ...errors } } }, async (request, reply) => {
    const user = requireUser(request);
    const due = store.dueItems(user.id, endOfDay(app.now()), REVIEW_BATCH);
    if (!due.length) throw new HttpError(409, 'nothing_due', 'No review is due today; come back tomorrow, or take a drill.');
    return reply.code(201).send(startAttempt(app, user, { mode: 'tutor', itemIds: due }));
  });

  app.get('/api/learning/history', { config: { access: 'user' }, schema: { response: { 200: HistorySchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const now = app.now();
    const done = store.finished(user.id);
    const answers = store.answers(user.id);
    const row = (a: (typeof done)[number]) => ({ id: a.id, submittedAt: a.submittedAt, length: a.length, percent: percent(a.correct, a.length) });
    const upTo = (at: number): Answer[] => answers.filter((x) => x.at <= at);
    const week = done.filter((a) => a.submittedAt >= now - 7 * DAY);
    return {
      exams: done.filter((a) => a.mode === 'exam').map(row),
      drills: done.filter((a) => a.mode === 'tutor').map(row),
      trend: done.slice(-24).map((a) => ({ at: a.submittedAt, areas: masteryByArea(upTo(a.submittedAt), areas(), a.submittedAt).map((m) => ({ area: m.area, mean: m.mean })) })),
      week: { answered: store.weekAnswered(user.id, now - 7 * DAY), minutes: Math.round(week.reduce((n, a) => n + (a.submittedAt - a.startedAt), 0) / 60_000) },
    };
  });
};
