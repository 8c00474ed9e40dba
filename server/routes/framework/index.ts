import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FrameworkSchema } from '../../schemas/framework.ts';

export const frameworkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/framework', { config: { access: 'anonymous' }, schema: { response: { 200: FrameworkSchema } } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return app.framework.framework;
  });
};
