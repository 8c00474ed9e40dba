import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/health', { config: { access: 'anonymous' }, schema: { response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => {
    app.db.$client.prepare('select 1').get();
    return { status: 'ok' as const };
  });
};
