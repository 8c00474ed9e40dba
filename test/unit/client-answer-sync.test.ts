// Sending queued answers, with fetch replaced by a scripted server (the network is the boundary):
// order, one at a time, what each kind of refusal does to the queue, and one flush per attempt.
// test/unit/client-save.test.ts runs the same code against the real API.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../fixtures/memory-storage.ts';

type Answer = { status: number; body?: unknown } | 'offline' | 'malformed';
interface Put { url: string; body: Record<string, unknown> }
let puts: Put[];
let script: ((put: Put) => Answer | Promise<Answer>)[];
const realFetch = globalThis.fetch;

const saved = (slot: number, choice: string | null, extra: Record<string, unknown> = {}) => ({
  status: 200,
  body: { slot, choice, flagged: false, guessed: false, savedAt: 1, remainingMs: 60_000, ...extra },
});
const refusal = (status: number, error: string, message = `refused: ${error}`) => ({ status, body: { error, message } });

beforeEach(() => {
  puts = [];
  script = [];
  Object.assign(globalThis, { localStorage: new MemoryStorage(), addEventListener: () => {}, removeEventListener: () => {} });
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    const put = { url, body: JSON.parse(String(init.body)) };
    puts.push(put);
    const next = script.shift();
    const a = next ? await next(put) : saved(Number(url.split('/').at(-1)), put.body.choice as string);
    if (a === 'offline') throw new TypeError('Failed to fetch');
    if (a === 'malformed') return { status: 200, ok: true } as Response;
    return Response.json(a.body, { status: a.status });
  }) as typeof fetch;
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

const fresh = async () => {
  vi.resetModules();
  const [sync, queue, api] = await Promise.all([
    import('../../client/models/answer-sync.ts'),
    import('../../client/lib/offline-queue.ts'),
    import('../../client/lib/api.ts'),
  ]);
  return { ...sync, ...queue, ApiError: api.ApiError };
};
const slotsOf = (list: { slot: number }[]) => list.map((a) => a.slot);

describe('flushing an attempt’s queue', () => {
  it('with nothing queued is done at once, without a request', async () => {
    const s = await fresh();
    expect(await s.flushQueue('a1')).toBe('done');
    expect(puts).toEqual([]);
  });

  it('sends every queued answer, oldest first, then the queue is empty', async () => {
    const s = await fresh();
    s.enqueue('a1', { slot: 9, choice: 'A', flagged: false });
    s.enqueue('a1', { slot: 2, choice: 'B', flagged: true, guessed: true });
    s.enqueue('a1', { slot: 5, choice: null, flagged: true });
    const hooked: [number, string | null, boolean][] = [];
    expect(await s.flushQueue('a1', { saved: (a, reply, current) => hooked.push([a.slot, reply.choice, current]) })).toBe('done');
    expect(puts.map((p) => p.url)).toEqual(['/api/attempts/a1/responses/9', '/api/attempts/a1/responses/2', '/api/attempts/a1/responses/5']);
    expect(puts[0].body).toMatchObject({ choice: 'A', flagged: false, guessed: false });
    expect(puts[1].body).toMatchObject({ choice: 'B', flagged: true, guessed: true });
    expect(puts[2].body).toMatchObject({ choice: null, flagged: true, guessed: false });
    expect(hooked).toEqual([[9, 'A', true], [2, 'B', true], [5, null, true]]);
    expect(s.pendingAnswers('a1')).toEqual([]);
  });

  it('works without hooks', async () => {
    const s = await fresh();
    s.enqueue('a1', { slot: 1, choice: 'C', flagged: false });
    expect(await s.flushQueue('a1')).toBe('done');
    expect(s.pendingAnswers('a1')).toEqual([]);
  });

  it('sends "not guessed" for an entry queued before the toggle existed', async () => {
    const s = await fresh();
    localStorage.setItem('cetl.queue.a1', JSON.stringify({ 3: { slot: 3, choice: 'D', flagged: false, seq: 1, at: 1 } }));
    expect(await s.flushQueue('a1')).toBe('done');
    expect(puts[0].body).toMatchObject({ choice: 'D', flagged: false, guessed: false });
  });

  it('sends strikes only when the entry carries them (the server keeps its own otherwise)', async () => {
    const s = await fresh();
    expect(s.bodyOf({ slot: 1, choice: 'A', flagged: true, seq: 1, at: 1 })).toEqual({ choice: 'A', flagged: true, guessed: false });
    expect(s.bodyOf({ slot: 1, choice: null, flagged: false, guessed: true, struck: '', seq: 1, at: 1 })).toEqual({ choice: null, flagged: false, guessed: true, struck: '' });
    expect(s.bodyOf({ slot: 1, choice: 'B', flagged: false, struck: 'AD', seq: 1, at: 1 })).toEqual({ choice: 'B', flagged: false, guessed: false, struck: 'AD' });
    s.enqueue('a1', { slot: 2, choice: 'C', flagged: false, struck: 'B' });
    expect(await s.flushQueue('a1')).toBe('done');
    expect(puts[0].body).toEqual({ choice: 'C', flagged: false, guessed: false, struck: 'B' });
  });

  it('stops at the first network failure and keeps everything from there on', async () => {
    const s = await fresh();
    s.enqueue('a1', { slot: 1, choice: 'A', flagged: false });
    s.enqueue('a1', { slot: 2, choice: 'B', flagged: false });
    s.enqueue('a1', { slot: 3, choice: 'C', flagged: false });
    script = [() => saved(1, 'A'), () => 'offline'];
    expect(await s.flushQueue('a1')).toBe('network');
    expect(puts).toHaveLength(2);
    expect(slotsOf(s.pendingAnswers('a1'))).toEqual([2, 3]);
    expect(await s.flushQueue('a1')).toBe('done');
    expect(puts.slice(2).map((p) => p.url)).toEqual(['/api/attempts/a1/responses/2', '/api/attempts/a1/responses/3']);
  });

  it('treats a 5xx like no network: kept, to be tried again', async () => {
    const s = await fresh();
    s.enqueue('a1', { slot: 4, choice: 'A', flagged: false });
    script = [() => refusal(502, 'bad_gateway'), () => refusal(500, 'internal')];
    expect(await s.flushQueue('a1')).toBe('network');
    expect(await s.flushQueue('a1')).toBe('network');
    expect(slotsOf(s.pendingAnswers('a1'))).toEqual([4]);
    expect(await s.flushQueue('a1')).toBe('done');
    expect(puts).toHaveLength(3);
  });

  it('treats an unreadable response as no network', async () => {
    const s = await fresh();
    s.enqueue('a1', { slot: 4, choice: 'A', flagged: false });
    script = [() => 'malformed'];
    expect(await s.flushQueue('a1')).toBe('network');
    expect(slotsOf(s.pendingAnswers('a1'))).toEqual([4]);
  });

  it('keeps answers when the session has ended', async () => {
    const s = await fresh();
    s.enqueue('a1', { slot: 1, choice: 'A', flagged: false });
    s.enqueue('a1', { slot: 2, choice: 'B', flagged: false });
    script = [() => refusal(401, 'unauthenticated')];
    const refused = vi.fn();
    expect(await s.flushQueue('a1', { refused })).toBe('unauthenticated');
    expect(puts).toHaveLength(1);
    expect(slotsOf(s.pendingAnswers('a1'))).toEqual([1, 2]);
    expect(refused).not.toHaveBeenCalled();
  });

  it('keeps answers when the attempt has closed (409 attempt_closed) or is gone (404)', async () => {
    const s = await fresh();
    s.enqueue('a1', { slot: 1, choice: 'A', flagged: false });
    script = [() => refusal(409, 'attempt_closed'), () => refusal(404, 'not_found')];
    const refused = vi.fn();
    expect(await s.flushQueue('a1', { refused })).toBe('closed');
    expect(await s.flushQueue('a1', { refused })).toBe('closed');
    expect(slotsOf(s.pendingAnswers('a1'))).toEqual([1]);
    expect(refused).not.toHaveBeenCalled();
  });

  it('drops a write refused for good, says so, and goes on with the rest', async () => {
    const s = await fresh();
    s.enqueue('a1', { slot: 1, choice: 'A', flagged: false });
    s.enqueue('a1', { slot: 2, choice: 'B', flagged: false });
    script = [() => refusal(409, 'response_locked', 'Already checked.')];
    const refused: [number, number, string, string][] = [];
    const savedSlots: number[] = [];
    const outcome = await s.flushQueue('a1', {
      refused: (a, err) => refused.push([a.slot, err.status, err.code, err.message]),
      saved: (a) => savedSlots.push(a.slot),
    });
    expect(outcome).toBe('done');
    expect(refused).toEqual([[1, 409, 'response_locked', 'Already checked.']]);
    expect(savedSlots).toEqual([2]);
    expect(s.pendingAnswers('a1')).toEqual([]);
  });

  it('drops a 400 (an invalid slot) without a hook to tell', async () => {
    const s = await fresh();
    s.enqueue('a1', { slot: 999, choice: 'A', flagged: false });
    script = [() => refusal(400, 'invalid_slot')];
    expect(await s.flushQueue('a1')).toBe('done');
    expect(s.pendingAnswers('a1')).toEqual([]);
  });

  it('a newer choice made while the older is in flight is sent too, and the older is not current', async () => {
    const s = await fresh();
    s.enqueue('a1', { slot: 1, choice: 'A', flagged: false });
    let release!: () => void;
    script = [() => new Promise<Answer>((r) => (release = () => r(saved(1, 'A'))))];
    const hooked: [string | null, boolean][] = [];
    const run = s.flushQueue('a1', { saved: (a, _r, current) => hooked.push([a.choice, current]) });
    await vi.waitFor(() => expect(puts).toHaveLength(1));
    s.enqueue('a1', { slot: 1, choice: 'C', flagged: false });
    release();
    expect(await run).toBe('done');
    expect(hooked).toEqual([['A', false], ['C', true]]);
    expect(puts.map((p) => p.body.choice)).toEqual(['A', 'C']);
    expect(s.pendingAnswers('a1')).toEqual([]);
  });

  it('runs one flush per attempt at a time: a second call joins the first', async () => {
    const s = await fresh();
    s.enqueue('a1', { slot: 1, choice: 'A', flagged: false });
    let release!: () => void;
    script = [() => new Promise<Answer>((r) => (release = () => r(saved(1, 'A'))))];
    const first = s.flushQueue('a1');
    const second = s.flushQueue('a1');
    expect(second).toBe(first);
    await vi.waitFor(() => expect(puts).toHaveLength(1));
    release();
    expect(await second).toBe('done');
    expect(puts).toHaveLength(1);
    // Finished: the next call is a new flush.
    s.enqueue('a1', { slot: 2, choice: 'B', flagged: false });
    const third = s.flushQueue('a1');
    expect(third).not.toBe(first);
    expect(await third).toBe('done');
    expect(puts).toHaveLength(2);
  });

  it('a finished flush that failed lets the next call start afresh', async () => {
    const s = await fresh();
    s.enqueue('a1', { slot: 1, choice: 'A', flagged: false });
    script = [() => 'offline'];
    const first = s.flushQueue('a1');
    expect(await first).toBe('network');
    const second = s.flushQueue('a1');
    expect(second).not.toBe(first);
    expect(await second).toBe('done');
  });

  it('flushes different attempts independently', async () => {
    const s = await fresh();
    s.enqueue('a1', { slot: 1, choice: 'A', flagged: false });
    s.enqueue('a2', { slot: 1, choice: 'B', flagged: false });
    const [x, y] = [s.flushQueue('a1'), s.flushQueue('a2')];
    expect(x).not.toBe(y);
    expect(await Promise.all([x, y])).toEqual(['done', 'done']);
    expect(puts.map((p) => p.url).sort()).toEqual(['/api/attempts/a1/responses/1', '/api/attempts/a2/responses/1']);
  });
});

describe('flushing what earlier visits left', () => {
  it('sends the queues of the candidate’s open attempts only', async () => {
    const s = await fresh();
    s.enqueue('open-1', { slot: 1, choice: 'A', flagged: false });
    s.enqueue('closed-9', { slot: 2, choice: 'B', flagged: false });
    s.enqueue('open-2', { slot: 3, choice: 'C', flagged: false });
    s.flushQueuesFor(['open-1', 'open-2', 'open-3']);
    await vi.waitFor(() => expect(s.queuedAttemptIds()).toEqual(['closed-9']));
    expect(puts.map((p) => p.url).sort()).toEqual(['/api/attempts/open-1/responses/1', '/api/attempts/open-2/responses/3']);
  });

  it('sends nothing when no open attempt has a queue', async () => {
    const s = await fresh();
    s.enqueue('closed-9', { slot: 2, choice: 'B', flagged: false });
    s.flushQueuesFor([]);
    await new Promise((r) => setTimeout(r, 10));
    expect(puts).toEqual([]);
  });
});
