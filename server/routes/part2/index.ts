// The Part II catalogue: the rubric and the prompts a candidate may write to (never key points,
// exemplars or anchors: those come with an essay once the writer has scored it).
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireUser } from '../../plugins/session.ts';
import { notFound } from '../../plugins/errors.ts';
import { errors } from '../../schemas/common.ts';
import { PromptIdParams, PromptSchema, PromptSummarySchema, RubricSchema } from '../../schemas/essay.ts';
import { promptSummary, promptView } from '../essays/view.ts';

export const part2Routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/part2/rubric', { config: { access: 'user' }, schema: { response: { 200: RubricSchema, ...errors } } }, async (request) => {
    requireUser(request);
    return app.part2.rubric;
  });

  app.get('/api/part2/prompts', { config: { access: 'user' }, schema: { response: { 200: Type.Object({ prompts: Type.Array(PromptSummarySchema) }), ...errors } } }, async (request) => {
    requireUser(request);
    return { prompts: app.part2.prompts.map((p) => promptSummary(p, app.part2)) };
  });

  app.get('/api/part2/prompts/:id', { config: { access: 'user' }, schema: { params: PromptIdParams, response: { 200: PromptSchema, ...errors } } }, async (request) => {
    requireUser(request);
    const prompt = app.part2.promptById.get(request.params.id);
    if (!prompt) throw notFound(`Prompt ${request.params.id}`);
    return promptView(prompt, app.part2);
  });
};
