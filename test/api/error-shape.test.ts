// The error handler and the write guard on a bare Fastify app: every kind of failure answers
// { error, message } with the right status, and only same-origin JSON writes get through.
import { afterEach, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorsPlugin, HttpError, notFound } from '../../server/plugins/errors.ts';
import { securityPlugin } from '../../server/plugins/security.ts';

let app: FastifyInstance;
let logged: { level: number; msg: string; err?: { message: string } }[];
afterEach(() => app?.close());

async function appWith(register: (app: FastifyInstance) => void, { security = false } = {}) {
  logged = [];
  app = Fastify({ bodyLimit: 100, logger: { level: 'error', stream: { write: (l: string) => void logged.push(JSON.parse(l)) } } });
  if (security) await app.register(securityPlugin);
  await app.register(errorsPlugin);
  register(app);
  await app.ready();
}
const statusAndBody = (res: { statusCode: number; json: () => unknown }) => [res.statusCode, res.json()];

describe('error handler', () => {
  it('sends an HttpError as it is: status, code, message, extra fields and headers', async () => {
    await appWith((a) => {
      a.get('/full', async () => {
        throw new HttpError(429, 'too_many', 'Wait a bit.', { retryAfterSeconds: 30 }, { 'retry-after': '30' });
      });
      a.get('/missing', async () => {
        throw notFound('This attempt');
      });
    });
    const full = await app.inject('/full');
    expect(statusAndBody(full)).toEqual([429, { error: 'too_many', message: 'Wait a bit.', retryAfterSeconds: 30 }]);
    expect(full.headers['retry-after']).toBe('30');
    expect(statusAndBody(await app.inject('/missing'))).toEqual([404, { error: 'not_found', message: 'This attempt was not found.' }]);
  });

  it('names where validation failed: the body or the query string', async () => {
    await appWith((a) => {
      a.post('/v', { schema: { body: Type.Object({ n: Type.Integer() }), querystring: Type.Object({ q: Type.Optional(Type.Integer()) }) } }, async () => ({}));
    });
    const body = await app.inject({ method: 'POST', url: '/v', payload: { n: 'x' } });
    expect(statusAndBody(body)).toEqual([400, { error: 'invalid_request', message: 'Invalid body: n must be integer' }]);
    const query = await app.inject({ method: 'POST', url: '/v?q=x', payload: { n: 1 } });
    expect(statusAndBody(query)).toEqual([400, { error: 'invalid_request', message: 'Invalid querystring: q must be integer' }]);
  });

  it('gives Fastify’s own 4xx a code of its own: 413, 415, 429, and bad_request for the rest', async () => {
    await appWith((a) => {
      a.post('/p', async () => ({}));
      for (const status of [429, 409, 400]) {
        a.get(`/s${status}`, async () => {
          throw Object.assign(new Error(`status ${status}`), { statusCode: status });
        });
      }
    });
    const large = await app.inject({ method: 'POST', url: '/p', payload: { text: 'x'.repeat(200) } });
    expect([large.statusCode, (large.json() as { error: string }).error]).toEqual([413, 'payload_too_large']);
    const text = await app.inject({ method: 'POST', url: '/p', headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
    expect([text.statusCode, (text.json() as { error: string }).error]).toEqual([415, 'unsupported_media_type']);
    expect(statusAndBody(await app.inject('/s429'))).toEqual([429, { error: 'rate_limited', message: 'status 429' }]);
    expect(statusAndBody(await app.inject('/s409'))).toEqual([409, { error: 'bad_request', message: 'status 409' }]);
    expect(statusAndBody(await app.inject('/s400'))).toEqual([400, { error: 'bad_request', message: 'status 400' }]);
  });

  it('hides a failure of ours behind a 500 that names the request, and logs it', async () => {
    await appWith((a) => {
      a.get('/boom', async () => {
        throw new Error('database file is locked');
      });
    });
    const res = await app.inject('/boom');
    expect(statusAndBody(res)).toEqual([500, { error: 'internal_error', message: 'Something went wrong on our side; try again. (request req-1)' }]);
    expect(res.body).not.toContain('locked');
    // The log keeps what the answer hides.
    expect(logged.filter((l) => l.msg === 'request failed').map((l) => [l.level, l.err?.message])).toEqual([[50, 'database file is locked']]);
  });
});

describe('write guard', () => {
  const write = (headers: Record<string, string>, method: 'POST' | 'GET' = 'POST') =>
    app.inject({ method, url: '/api/w', headers: { host: 'cetl.example', ...headers }, ...(method === 'POST' ? { payload: '{}' } : {}) });

  it('lets reads through from anywhere, and marks API answers no-store', async () => {
    await appWith((a) => {
      a.get('/api/w', async () => ({ ok: true }));
      a.get('/page', async () => ({ ok: true }));
    }, { security: true });
    const read = await write({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, 'GET');
    expect(read.statusCode).toBe(200);
    expect(read.headers['cache-control']).toBe('no-store');
    expect((await app.inject('/page')).headers['cache-control']).toBeUndefined();
  });

  it('lets a write through from the same origin, a same-origin fetch, or one the user typed (fetch site none)', async () => {
    await appWith((a) => a.post('/api/w', async () => ({ ok: true })), { security: true });
    const json = { 'content-type': 'application/json' };
    expect((await write({ ...json, origin: 'http://cetl.example' })).statusCode).toBe(200);
    expect((await write({ ...json, 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    expect((await write({ ...json, 'sec-fetch-site': 'none' })).statusCode).toBe(200);
    expect((await write({ 'content-type': 'Application/JSON ; charset=utf-8' })).statusCode).toBe(200);
  });

  it('refuses a write from another origin or site with 403, and one that is not exactly JSON with 415', async () => {
    await appWith((a) => a.post('/api/w', async () => ({ ok: true })), { security: true });
    const foreign = await write({ 'content-type': 'application/json', origin: 'http://cetl.example:8080' });
    expect(statusAndBody(foreign)).toEqual([403, { error: 'cross_origin', message: 'This request came from another site; use the app at its own address.' }]);
    expect((await write({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    for (const type of ['text/plain; application/json', 'application/jsonp', 'application/json-seq', 'text/plain']) {
      const res = await write({ 'content-type': type });
      expect(res.statusCode, type).toBe(415);
      expect((res.json() as { error: string }).error).toBe('unsupported_media_type');
    }
  });
});
