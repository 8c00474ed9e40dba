// Essay review by a group's coaches: a member sends a handed-in essay to a group they belong to;
// its coaches see a queue (unscored first, oldest first) and score with the rubric, once each.
// A coach sees only essays sent to their group by people who are still members.
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { levelsProblem, type Levels } from '../../domain/rubric.ts';
import { countWords } from '../../domain/words.ts';
import { requireMembership, roleIn } from '../../plugins/access.ts';
import { HttpError, notFound } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/session.ts';
import { errors } from '../../schemas/common.ts';
import { EssayIdParams } from '../../schemas/essay.ts';
import { CoachEssaySchema, CoachScoreSchema, EssayQueueSchema, GroupEssayParams, GroupParams, SendEssaySchema } from '../../schemas/group.ts';
import { essayStore } from '../essays/store.ts';
import { scoreView } from '../essays/view.ts';
import { groupStore } from './store.ts';

export const groupEssayRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const groups = groupStore(app.db);
  const essays = essayStore(app.db);

  app.post('/api/essays/:id/reviews', { config: { access: 'user' }, schema: { params: EssayIdParams, body: SendEssaySchema, response: { 201: Type.Object({ sent: Type.Boolean() }), ...errors } } }, async (request, reply) => {
    const user = requireUser(request);
    const essay = essays.loadOwnEssay(request.params.id, user.id);
    if (!roleIn(app.db, request.body.groupId, user.id)) throw notFound('This group');
    if (essay.status !== 'submitted') throw new HttpError(409, 'essay_open', 'Hand the essay in before sending it to your coaches.');
    return reply.code(201).send({ sent: groups.sendEssay(essay.id, request.body.groupId, app.now()) });
  });

  app.get('/api/groups/:groupId/essays', { config: { access: 'coach' }, schema: { params: GroupParams, response: { 200: EssayQueueSchema, ...errors } } }, async (request) => {
    const m = requireMembership(request);
    return {
      essays: groups.queue(m.groupId).map((e) => ({
        essayId: e.essayId, writer: e.writer, title: essays.promptAt(e.promptId, e.promptVersion).title, words: countWords(e.text), sentAt: e.sentAt, scored: e.scored === 1,
      })),
    };
  });

  const coachView = (groupId: string, essayId: string, coachId: number) => {
    if (!groups.isSentTo(essayId, groupId)) throw notFound('This essay');
    const essay = essays.loadEssay(essayId)!;
    const prompt = essays.promptAt(essay.promptId, essay.promptVersion);
    const scores = essays.scoresOf(essayId);
    const mine = scores.find((s) => s.source === 'coach' && s.readerId === coachId);
    return {
      essayId, writer: essays.nameOf(essay.userId),
      prompt: { id: prompt.id, title: prompt.title, audienceName: app.part2.audiences.get(prompt.audience)?.name ?? prompt.audience, scenario: prompt.scenario, task: prompt.task, words: prompt.words },
      keyPoints: prompt.keyPoints.map(({ id, point }) => ({ id, point })),
      text: essay.text, words: countWords(essay.text), submittedAt: essay.submittedAt, rubric: app.part2.rubric,
      scores: scores.map(scoreView), myScore: mine ? scoreView(mine) : null,
    };
  };

  app.get('/api/groups/:groupId/essays/:essayId', { config: { access: 'coach' }, schema: { params: GroupEssayParams, response: { 200: CoachEssaySchema, ...errors } } }, async (request) => {
    const m = requireMembership(request);
    return coachView(m.groupId, request.params.essayId, requireUser(request).id);
  });

  app.post('/api/groups/:groupId/essays/:essayId/scores', {
    config: { access: 'coach' },
    schema: { params: GroupEssayParams, body: CoachScoreSchema, response: { 201: CoachEssaySchema, ...errors } },
  }, async (request, reply) => {
    const m = requireMembership(request);
    const coach = requireUser(request);
    coachView(m.groupId, request.params.essayId, coach.id);
    const problem = levelsProblem(app.part2.rubric, request.body.levels);
    if (problem) throw new HttpError(400, 'invalid_score', problem);
    if (!essays.addReaderScore(request.params.essayId, coach.id, 'coach', app.part2.rubric.version, request.body.levels as Levels, request.body.comments ?? {}, app.now())) {
      throw new HttpError(409, 'already_scored', 'You have scored this essay already; one score per coach.');
    }
    return reply.code(201).send(coachView(m.groupId, request.params.essayId, coach.id));
  });
};
