// The client's offline queue and answer sync, without a browser, against the real API over HTTP.
// Only the network in between is controllable (offline, a failing proxy, a slow link), as a
// browser's would be; storage is a plain Storage stand-in, or one that refuses every write.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApp, signUp, type TestApp } from '../api/harness.ts';
import { acknowledge, enqueue, pendingAnswers, clearQueue } from '../../client/lib/offline-queue.ts';
import { flushQueue } from '../../client/models/answer-sync.ts';
import { MemoryStorage } from '../fixtures/memory-storage.ts';

let t: TestApp;
let base: string;
const realFetch = globalThis.fetch;
const net = { offline: false, failNext: 0, delayMs: 0, cookie: '' };
const storage = new MemoryStorage();

beforeAll(async () => {
  t = await startApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  Object.assign(globalThis, { localStorage: storage, addEventListener: () => {}, removeEventListener: () => {} });
  // The browser's network, as the client sees it: relative URLs, the session cookie, and faults on demand.
  globalThis.fetch = (async (input: string, init: RequestInit = {}) => {
    if (net.offline) throw new TypeError('Failed to fetch');
    if (net.delayMs) await new Promise((r) => setTimeout(r, net.delayMs));
    if (net.failNext > 0) {
      net.failNext--;
      return new Response(JSON.stringify({ error: 'bad_gateway', message: 'proxy down' }), { status: 502 });
    }
    return realFetch(base + input, { ...init, headers: { ...(init.headers as Record<string, string>), cookie: net.cookie } });
  }) as typeof fetch;
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await t.close();
});
beforeEach(() => Object.assign(net, { offline: false, failNext: 0, delayMs: 0 }));
afterEach(() => { storage.refuse = false; storage.clear(); });

async function openAttempt(mode: 'exam' | 'tutor' = 'exam') {
  const u = await signUp(t);
  net.cookie = u.cookie;
  const a = (await u.call('POST', '/api/attempts', { mode, areas: [7], length: 3 })).json();
  const server = async (slot: number) => (await u.call('GET', `/api/attempts/${a.attempt.id}`)).json().responses.find((r: { slot: number }) => r.slot === slot);
  return { id: a.attempt.id as string, u, server };
}

describe('answers queued on the device', () => {
  it('stay queued while offline and reach the server when it is back', async () => {
    const { id, server } = await openAttempt();
    enqueue(id, { slot: 1, choice: 'B', flagged: false });
    net.offline = true;
    expect(await flushQueue(id)).toBe('network');
    expect(pendingAnswers(id)).toHaveLength(1);
    net.offline = false;
    expect(await flushQueue(id)).toBe('done');
    expect(pendingAnswers(id)).toEqual([]);
    expect(await server(1)).toMatchObject({ choice: 'B' });
  });

  it('stay queued after a 5xx and are retried', async () => {
    const { id, server } = await openAttempt();
    enqueue(id, { slot: 2, choice: 'C', flagged: true });
    net.failNext = 1;
    expect(await flushQueue(id)).toBe('network');
    expect(pendingAnswers(id).map((a) => a.choice)).toEqual(['C']);
    expect(await flushQueue(id)).toBe('done');
    expect(await server(2)).toMatchObject({ choice: 'C', flagged: true });
  });

  it('send only the last write per slot', async () => {
    const { id, server } = await openAttempt();
    enqueue(id, { slot: 3, choice: 'A', flagged: false });
    enqueue(id, { slot: 3, choice: 'D', flagged: false });
    expect(pendingAnswers(id)).toHaveLength(1);
    const sent: string[] = [];
    const before = globalThis.fetch;
    globalThis.fetch = ((input: string, init?: RequestInit) => { sent.push(String(init?.body)); return before(input, init); }) as typeof fetch;
    try {
      expect(await flushQueue(id)).toBe('done');
    } finally {
      globalThis.fetch = before;
    }
    expect(sent).toEqual([JSON.stringify({ choice: 'D', flagged: false, guessed: false })]);
    expect(await server(3)).toMatchObject({ choice: 'D' });
  });

  it('carry "I guessed" with the answer', async () => {
    const { id, server } = await openAttempt();
    enqueue(id, { slot: 1, choice: 'A', flagged: false, guessed: true });
    expect(await flushQueue(id)).toBe('done');
    expect(await server(1)).toMatchObject({ choice: 'A', guessed: true });
  });

  it('never let an acknowledged older write remove a newer one', async () => {
    const { id, server } = await openAttempt();
    const first = enqueue(id, { slot: 1, choice: 'A', flagged: false }).entry;
    net.delayMs = 150;
    const saved: { choice: string | null; current: boolean }[] = [];
    const flushing = flushQueue(id, { saved: (a, _r, current) => saved.push({ choice: a.choice, current }) });
    await new Promise((r) => setTimeout(r, 50));
    enqueue(id, { slot: 1, choice: 'C', flagged: false }); // a newer answer while the older is in flight
    expect(acknowledge(id, 1, first.seq)).toBe(false);
    expect(await flushing).toBe('done');
    expect(saved).toEqual([{ choice: 'A', current: false }, { choice: 'C', current: true }]);
    expect(await server(1)).toMatchObject({ choice: 'C' });
  });

  it('drop a write the server refuses for good, and say so', async () => {
    const { id, u } = await openAttempt('tutor');
    await u.call('PUT', `/api/attempts/${id}/responses/1`, { choice: 'A' });
    enqueue(id, { slot: 1, choice: 'B', flagged: false });
    const refused: string[] = [];
    expect(await flushQueue(id, { refused: (_a, err) => refused.push(err.code) })).toBe('done');
    expect(refused).toEqual(['response_locked']);
    expect(pendingAnswers(id)).toEqual([]);
  });

  it('keep answers when the session has ended (signed out elsewhere), until the candidate signs in', async () => {
    const { id, u } = await openAttempt();
    enqueue(id, { slot: 2, choice: 'A', flagged: false });
    await u.call('POST', '/api/auth/logout');
    expect(await flushQueue(id)).toBe('unauthenticated');
    expect(pendingAnswers(id).map((a) => a.choice)).toEqual(['A']);
  });

  it('keep answers for an attempt that has closed, for the candidate to see', async () => {
    const { id, u } = await openAttempt();
    await u.call('POST', `/api/attempts/${id}/submit`);
    enqueue(id, { slot: 2, choice: 'B', flagged: false });
    expect(await flushQueue(id)).toBe('closed');
    expect(pendingAnswers(id)).toHaveLength(1);
    clearQueue(id);
  });

  it('still queue and send in memory when storage is unavailable, and report it', async () => {
    const { id, server } = await openAttempt();
    storage.refuse = true;
    const { persisted } = enqueue(id, { slot: 3, choice: 'B', flagged: false });
    expect(persisted).toBe(false);
    expect(pendingAnswers(id)).toHaveLength(1);
    expect(await flushQueue(id)).toBe('done');
    expect(await server(3)).toMatchObject({ choice: 'B' });
  });
});
