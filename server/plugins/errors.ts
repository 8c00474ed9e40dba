// Every failure answers { error, message }; 5xx hide internals and are logged with the request id.
import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} was not found.`);

export const errorsPlugin = fp(async (app) => {
  app.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).send({ error: err.code, message: err.message, ...err.extra });
    }
    if ('validation' in err && err.validation) {
      const where = err.validationContext ?? 'body';
      return reply.code(400).send({ error: 'invalid_request', message: `Invalid ${where}: ${err.message.replace(/^(body|params|querystring)\/?/, '') || 'check the request'}` });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = status === 415 ? 'unsupported_media_type' : status === 413 ? 'payload_too_large' : status === 429 ? 'rate_limited' : 'bad_request';
      return reply.code(status).send({ error: code, message: err.message });
    }
    request.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'internal_error', message: `Something went wrong on our side; try again. (request ${request.id})` });
  });
});
