import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { users } from '../../db/schema/index.ts';
import { requireUser } from '../../plugins/session.ts';
import { HttpError } from '../../plugins/errors.ts';
import { UpdateMeSchema, UserReplySchema } from '../../schemas/user.ts';
import { errors } from '../../schemas/common.ts';
import { publicUser } from './public-user.ts';

export const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/me', { schema: { response: { 200: UserReplySchema, ...errors } } }, async (request) => ({
    user: publicUser(requireUser(request)),
  }));

  app.patch('/api/me', { schema: { body: UpdateMeSchema, response: { 200: UserReplySchema, ...errors } } }, async (request) => {
    const me = requireUser(request);
    const name = request.body.name?.trim();
    if (name === '') throw new HttpError(400, 'invalid_request', 'Name must not be blank.');
    const user = app.db
      .update(users)
      .set({ ...(name !== undefined && { name }), ...(request.body.timeMultiplier !== undefined && { timeMultiplier: request.body.timeMultiplier }) })
      .where(eq(users.id, me.id))
      .returning()
      .get();
    return { user: publicUser(user) };
  });
};
