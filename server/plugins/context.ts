// What every route can reach: the database, the framework and the clock (injectable for tests).
import fp from 'fastify-plugin';
import type { Db } from '../db/client.ts';
import type { FrameworkIndex } from '../domain/framework.ts';
import type { Part2Bank } from '../bank/part2/load.ts';

export interface AppContext {
  db: Db;
  framework: FrameworkIndex;
  /** Part II: rubric, prompts, audiences, jargon and the reader's tuning. */
  part2: Part2Bank;
  now: () => number;
}

declare module 'fastify' {
  interface FastifyInstance extends AppContext {}
}

export const contextPlugin = fp<AppContext>(async (app, ctx) => {
  app.decorate('db', ctx.db);
  app.decorate('framework', ctx.framework);
  app.decorate('part2', ctx.part2);
  app.decorate('now', ctx.now);
});
