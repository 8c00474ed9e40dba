// Security headers and the write guard: every state-changing request is same-origin JSON.
import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  // Sent only over TLS (below): over plain HTTP it would make the browser fetch scripts by https.
  upgradeInsecureRequests: null,
};

/** Why a write may not proceed, or null: a foreign Origin or fetch site, or a body that is not JSON. */
export function writeRefusal(request: FastifyRequest): HttpError | null {
  if (!WRITES.has(request.method)) return null;
  const { origin, 'sec-fetch-site': site } = request.headers;
  const foreignOrigin = origin !== undefined && origin !== `${request.protocol}://${request.host}`;
  const foreignSite = site !== undefined && site !== 'same-origin' && site !== 'none';
  if (foreignOrigin || foreignSite) {
    return new HttpError(403, 'cross_origin', 'This request came from another site; use the app at its own address.');
  }
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return new HttpError(415, 'unsupported_media_type', 'Send JSON: set Content-Type: application/json (and a body of {} when there is nothing to send).');
  }
  return null;
}

/** Over TLS only: HSTS, and upgrade-insecure-requests added to helmet's CSP. */
function tlsHeaders(request: FastifyRequest, reply: FastifyReply): void {
  if (request.protocol !== 'https') return;
  reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  const csp = reply.getHeader('content-security-policy');
  if (typeof csp === 'string' && !csp.includes('upgrade-insecure-requests')) reply.header('content-security-policy', `${csp};upgrade-insecure-requests`);
}

export const securityPlugin = fp(async (app) => {
  await app.register(helmet, { contentSecurityPolicy: { directives: CSP_DIRECTIVES }, hsts: false });
  app.addHook('onRequest', async (request, reply) => {
    tlsHeaders(request, reply);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    const refusal = writeRefusal(request);
    if (refusal) throw refusal;
  });
});
