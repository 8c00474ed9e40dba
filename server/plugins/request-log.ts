// One log line per request at most: every request, only slow ones and failures, or none.
import fp from 'fastify-plugin';

/** A request slower than this is logged under `slow`. */
export const SLOW_MS = 1000;

/** Links that are themselves a secret (reset, email confirmation, review share): the token is not logged. */
const SECRET_IN_PATH = /(\/(?:reset|confirm-email|review|shared)\/)[^/?#]+/g;
export const redactUrl = (url: string) => url.replace(SECRET_IN_PATH, '$1[token]');

export const requestLogPlugin = fp<{ mode: 'all' | 'slow' | 'none' }>(async (app, { mode }) => {
  if (mode === 'none') return;
  app.addHook('onResponse', async (request, reply) => {
    const ms = reply.elapsedTime;
    if (mode === 'slow' && ms < SLOW_MS && reply.statusCode < 500) return;
    request.log.info({ method: request.method, url: redactUrl(request.url), status: reply.statusCode, ms: Math.round(ms) }, 'request');
  });
});
