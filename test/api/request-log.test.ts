// The request log: one line per request under `all`, only slow ones (≥ 1 s) and 5xx under `slow`
// (the default), nothing under `none`; the line carries method, redacted URL, status and ms.
import { afterEach, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { requestLogPlugin } from '../../server/plugins/request-log.ts';

interface Line { msg: string; method?: string; url?: string; status?: number; ms?: number }
let app: FastifyInstance;
let lines: Line[];

async function appLogging(mode: 'all' | 'slow' | 'none', slowRouteMs = 1000) {
  lines = [];
  app = Fastify({ logger: { level: 'info', stream: { write: (l: string) => void lines.push(JSON.parse(l)) } }, disableRequestLogging: true });
  await app.register(requestLogPlugin, { mode });
  app.get('/quick', async () => ({ ok: true }));
  app.get('/slow', async () => new Promise((r) => setTimeout(() => r({ ok: true }), slowRouteMs)));
  app.get('/broken', async () => {
    throw new Error('boom');
  });
  app.get('/reset/:token', async () => ({ ok: true }));
  await app.ready();
}
const requests = () => lines.filter((l) => l.msg === 'request');

afterEach(() => app?.close());

describe('request log', () => {
  it('`all` logs every request once, with method, URL without a link token, status and whole ms', async () => {
    await appLogging('all');
    await app.inject('/quick');
    await app.inject('/reset/s3cret-token?x=1');
    await app.inject('/missing');
    expect(requests().map(({ method, url, status }) => ({ method, url, status }))).toEqual([
      { method: 'GET', url: '/quick', status: 200 },
      { method: 'GET', url: '/reset/[token]?x=1', status: 200 },
      { method: 'GET', url: '/missing', status: 404 },
    ]);
    for (const line of requests()) expect(Number.isInteger(line.ms) && line.ms! >= 0).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('s3cret-token');
  });

  it('`slow` leaves out quick answers and 4xx, and logs a 500 and a request taking 1 s or more', async () => {
    await appLogging('slow');
    await app.inject('/quick');
    await app.inject('/missing');
    expect(requests()).toEqual([]);
    await app.inject('/broken');
    expect(requests().map((l) => l.status)).toEqual([500]);
    await app.inject('/slow');
    expect(requests().map((l) => l.status)).toEqual([500, 200]);
    expect(requests()[1]!.ms).toBeGreaterThanOrEqual(1000);
  });

  it('`slow` leaves out a request that takes less than a second', async () => {
    await appLogging('slow', 600);
    await app.inject('/slow');
    expect(requests()).toEqual([]);
  });

  it('`none` logs no request at all, not even a failure', async () => {
    await appLogging('none');
    await app.inject('/broken');
    await app.inject('/slow');
    expect(requests()).toEqual([]);
  });
});
