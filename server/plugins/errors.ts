// Every failure answers { error, message }; 5xx hide internals and are logged with the request id.
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} was not found.`);

export const errorsPlugin = fp(async (app) => {
  app.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).headers(err.headers).send({ error: err.code, message: err.message, ...err.extra });
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

/** Headers for answers made before any route or hook runs: nothing in them may be rendered or framed. */
export const BARE_HEADERS: Record<string, string> = {
  'content-type': 'application/json; charset=utf-8',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

/** Fastify's own refusals (a URL that does not decode, a parameter too long) in our error shape. */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  reply.headers(BARE_HEADERS);
  const message = err.code === 'FST_ERR_BAD_URL' ? 'The address is not valid (check its percent-encoding).' : 'The request could not be read; check its address and headers.';
  return reply.code(400).send({ error: 'bad_request', message });
}

const CLIENT_ERRORS: Record<string, [number, string, string, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'request_timeout', 'The request took too long to arrive; send it again.'],
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'headers_too_large', 'The address or headers are too large; shorten them (clearing cookies may help).'],
  HPE_URI_TOO_LONG: [414, 'URI Too Long', 'uri_too_long', 'The address is too long; shorten it.'],
};

/** Errors Node's HTTP parser raises on a socket (malformed, too large, too slow), as { error, message }. */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, error, message] = CLIENT_ERRORS[err.code ?? ''] ?? [400, 'Bad Request', 'bad_request', 'The request could not be read as HTTP.'];
  const body = JSON.stringify({ error, message });
  const headers = Object.entries({ ...BARE_HEADERS, 'content-length': String(Buffer.byteLength(body)), connection: 'close' })
    .map(([k, v]) => `${k}: ${v}`).join('\r\n');
  if (socket.writable) socket.write(`HTTP/1.1 ${status} ${reason}\r\n${headers}\r\n\r\n${body}`);
  socket.destroy();
}
