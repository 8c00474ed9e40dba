// The essay model, driven by a scripted server (fetch is the boundary), fake timers and a
// Storage stand-in: autosave 3 s after typing, retry every 5 s while the server is away, what each
// refusal shows, resuming a draft the server never got, another tab's text, and the hand-in.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Essay } from '../../client/lib/api.ts';
import { MemoryStorage } from '../fixtures/memory-storage.ts';

type Answer = { status: number; body?: unknown } | 'offline' | 'malformed';
interface Sent { method: string; url: string; body: Record<string, unknown> | undefined }
let sent: Sent[];
let script: ((s: Sent) => Answer | Promise<Answer>)[];
let storage: MemoryStorage;
let events: EventTarget;
const realFetch = globalThis.fetch;

const essay = (over: Partial<Essay> = {}): Essay =>
  ({
    id: 'e1', mode: 'practice', status: 'open', startedAt: 0, deadline: null, remainingMs: null, timeMultiplier: 1,
    text: 'Server text', revision: 2, words: 2, savedAt: 100, submittedAt: null, closedBy: null, rubric: null, reading: null,
    scores: [], exemplar: null, shares: [], prompt: { id: 'P01-01' },
    ...over,
  }) as unknown as Essay;
const savedText = (revision: number, extra: Record<string, unknown> = {}) => ({ status: 200, body: { revision, savedAt: 5_000 + revision, words: 10 + revision, remainingMs: null, stale: false, ...extra } });
const refusal = (status: number, error: string, message = `refused: ${error}`) => ({ status, body: { error, message } });

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  sent = [];
  script = [];
  storage = new MemoryStorage();
  events = new EventTarget();
  Object.assign(globalThis, {
    localStorage: storage,
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
  });
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    const s = { method: String(init.method), url, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) };
    sent.push(s);
    const next = script.shift();
    if (!next) throw new Error(`unscripted request ${s.method} ${url}`);
    const a = await next(s);
    if (a === 'offline') throw new TypeError('Failed to fetch');
    if (a === 'malformed') return { status: 200, ok: true } as Response;
    return Response.json(a.body, { status: a.status });
  }) as typeof fetch;
});
afterEach(() => {
  globalThis.fetch = realFetch;
  vi.useRealTimers();
});

const fresh = async () => {
  vi.resetModules();
  const [m, d] = await Promise.all([import('../../client/models/essay-sync.ts'), import('../../client/lib/essay-draft.ts')]);
  return { ...m, ...d };
};
const settle = () => vi.advanceTimersByTimeAsync(0);
const storageEvent = (key: string | null, newValue: string | null) => Object.assign(new Event('storage'), { key, newValue });

describe('opening an essay', () => {
  it('shows the server’s text as saved and keeps it as this device’s draft', async () => {
    const { createEssayModel, readDraft } = await fresh();
    const m = createEssayModel(essay());
    expect(m.text.value).toBe('Server text');
    expect(m.saveState.value).toBe('saved');
    expect(m.handIn.value).toBe('idle');
    expect(m.problem.value).toBeNull();
    expect(readDraft('e1')).toEqual({ text: 'Server text', revision: 2, savedRevision: 2 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toEqual([]);
    m.dispose();
  });

  it('resumes a draft the server never got, and sends it at once', async () => {
    const { createEssayModel, writeDraft, readDraft } = await fresh();
    writeDraft('e1', { text: 'Written offline', revision: 5, savedRevision: 2 });
    script = [() => savedText(5)];
    const m = createEssayModel(essay());
    expect(m.text.value).toBe('Written offline');
    expect(m.saveState.value).toBe('saving');
    await settle();
    expect(sent).toEqual([{ method: 'PUT', url: '/api/essays/e1/text', body: { text: 'Written offline', revision: 5 } }]);
    expect(m.saveState.value).toBe('saved');
    expect(readDraft('e1')).toEqual({ text: 'Written offline', revision: 5, savedRevision: 5 });
    m.dispose();
  });

  it('resumed draft waiting, shown as unsaved while the server is away', async () => {
    const { createEssayModel, writeDraft } = await fresh();
    writeDraft('e1', { text: 'Written offline', revision: 3, savedRevision: 2 });
    script = [() => 'offline'];
    const m = createEssayModel(essay());
    await settle();
    expect(m.saveState.value).toBe('offline');
    expect(m.text.value).toBe('Written offline');
    m.dispose();
  });

  it('does not resume a draft no newer than the server’s text', async () => {
    const { createEssayModel, writeDraft, readDraft } = await fresh();
    writeDraft('e1', { text: 'Old', revision: 2, savedRevision: 1 });
    const m = createEssayModel(essay());
    expect(m.text.value).toBe('Server text');
    expect(m.saveState.value).toBe('saved');
    expect(readDraft('e1')).toEqual({ text: 'Server text', revision: 2, savedRevision: 2 });
    await settle();
    expect(sent).toEqual([]);
    m.dispose();
  });

  it('does not resume a draft of an essay already handed in', async () => {
    const { createEssayModel, writeDraft } = await fresh();
    writeDraft('e1', { text: 'Too late', revision: 9, savedRevision: 2 });
    const m = createEssayModel(essay({ status: 'submitted', text: 'Final' }));
    expect(m.text.value).toBe('Final');
    expect(m.saveState.value).toBe('saved');
    await settle();
    expect(sent).toEqual([]);
    m.dispose();
  });
});

describe('typing and autosave', () => {
  it('marks the text unsaved and saves it 3 seconds after the first unsaved keystroke', async () => {
    const { createEssayModel, readDraft } = await fresh();
    const m = createEssayModel(essay());
    m.edit('One');
    expect(m.text.value).toBe('One');
    expect(m.saveState.value).toBe('unsaved');
    expect(readDraft('e1')).toEqual({ text: 'One', revision: 3, savedRevision: 2 });
    await vi.advanceTimersByTimeAsync(2_000);
    m.edit('One two');
    expect(readDraft('e1')!.revision).toBe(4);
    script = [() => savedText(4)];
    await vi.advanceTimersByTimeAsync(999);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([{ method: 'PUT', url: '/api/essays/e1/text', body: { text: 'One two', revision: 4 } }]);
    expect(m.saveState.value).toBe('saved');
    expect(m.essay.value).toMatchObject({ revision: 4, savedAt: 5_004, words: 14 });
    expect(readDraft('e1')).toEqual({ text: 'One two', revision: 4, savedRevision: 4 });
    m.dispose();
  });

  it('keeps the higher revision when the server reports an older one', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay({ revision: 6 }));
    m.edit('x');
    script = [() => savedText(1, { stale: true })];
    await m.save();
    expect(m.essay.value.revision).toBe(6);
    m.dispose();
  });

  it('takes the server’s revision when another tab saved a newer one (stale)', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay());
    m.edit('x');
    script = [() => savedText(11, { stale: true })];
    await m.save();
    expect(m.essay.value.revision).toBe(11);
    expect(m.saveState.value).toBe('saved');
    m.dispose();
  });

  it('ignores typing once the essay is closed', async () => {
    const { createEssayModel, readDraft } = await fresh();
    const m = createEssayModel(essay({ status: 'submitted', text: 'Final' }));
    m.edit('More');
    expect(m.text.value).toBe('Final');
    expect(m.saveState.value).toBe('saved');
    expect(readDraft('e1')!.text).toBe('Final');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toEqual([]);
    m.dispose();
  });

  it('sends text typed during a save right after it, one save at a time', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay());
    m.edit('A');
    let release!: () => void;
    script = [() => new Promise<Answer>((r) => (release = () => r(savedText(3)))), () => savedText(4)];
    const first = m.save();
    expect(m.save()).toBe(first);
    await settle();
    m.edit('AB');
    expect(m.saveState.value).toBe('saving'); // not "unsaved" while a save is running
    release();
    await first;
    expect(sent.map((s) => s.body)).toEqual([{ text: 'A', revision: 3 }, { text: 'AB', revision: 4 }]);
    expect(m.saveState.value).toBe('saved');
    m.dispose();
  });

  it('saving with nothing unsent asks nothing of the server', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay());
    await m.flush();
    expect(sent).toEqual([]);
    expect(m.saveState.value).toBe('saved');
    m.dispose();
  });
});

describe('when saving fails', () => {
  it('no network: offline, kept, tried again every 5 seconds until it goes through', async () => {
    const { createEssayModel, readDraft } = await fresh();
    const m = createEssayModel(essay());
    m.edit('Kept');
    script = [() => 'offline'];
    await vi.advanceTimersByTimeAsync(3_000);
    expect(m.saveState.value).toBe('offline');
    expect(m.problem.value).toBeNull();
    m.edit('Kept still');
    expect(m.saveState.value).toBe('offline'); // typing does not hide that the server is away
    script = [() => refusal(503, 'unavailable')];
    await vi.advanceTimersByTimeAsync(4_999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    expect(m.saveState.value).toBe('offline');
    script = [() => savedText(4)];
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toHaveLength(3);
    expect(sent[2].body).toEqual({ text: 'Kept still', revision: 4 });
    expect(m.saveState.value).toBe('saved');
    expect(readDraft('e1')!.savedRevision).toBe(4);
    m.dispose();
  });

  it('an unreadable response counts as no network', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay());
    m.edit('x');
    script = [() => 'malformed'];
    await m.save();
    expect(m.saveState.value).toBe('offline');
    m.dispose();
  });

  it('coming back online saves at once', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay());
    m.edit('x');
    script = [() => 'offline'];
    await m.save();
    script = [() => savedText(3)];
    events.dispatchEvent(new Event('online'));
    await settle();
    expect(sent).toHaveLength(2);
    expect(m.saveState.value).toBe('saved');
    m.dispose();
  });

  it('signed out: says so and stops trying', async () => {
    const { createEssayModel, readDraft } = await fresh();
    const m = createEssayModel(essay());
    m.edit('x');
    script = [() => refusal(401, 'unauthenticated', 'Sign in again.')];
    await vi.advanceTimersByTimeAsync(3_000);
    expect(m.saveState.value).toBe('signed-out');
    expect(m.problem.value).toBe('Sign in again.');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sent).toHaveLength(1);
    expect(readDraft('e1')!.text).toBe('x');
    m.dispose();
  });

  it('refused for good: says why and stops trying; the draft stays', async () => {
    const { createEssayModel, isUnsaved, readDraft } = await fresh();
    const m = createEssayModel(essay());
    m.edit('x');
    script = [() => refusal(413, 'too_long', 'The text is too long.')];
    await vi.advanceTimersByTimeAsync(3_000);
    expect(m.saveState.value).toBe('refused');
    expect(m.problem.value).toBe('The text is too long.');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sent).toHaveLength(1);
    expect(isUnsaved(readDraft('e1'))).toBe(true);
    m.dispose();
  });

  it('a later successful save clears the problem', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay());
    m.edit('x');
    script = [() => refusal(400, 'invalid', 'Bad text.')];
    await m.save();
    m.edit('y');
    script = [() => savedText(4)];
    await m.save();
    expect(m.problem.value).toBeNull();
    expect(m.saveState.value).toBe('saved');
    m.dispose();
  });

  it('closed meanwhile (time ran out on the server): shows the handed-in text', async () => {
    const { createEssayModel, readDraft } = await fresh();
    const m = createEssayModel(essay());
    m.edit('late words');
    script = [() => refusal(409, 'essay_closed', 'Time is up.'), () => ({ status: 200, body: essay({ status: 'submitted', text: 'What was handed in', revision: 7 }) })];
    await m.save();
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual(['PUT /api/essays/e1/text', 'GET /api/essays/e1']);
    expect(m.essay.value.status).toBe('submitted');
    expect(m.text.value).toBe('What was handed in');
    expect(m.saveState.value).toBe('saved');
    expect(m.problem.value).toBe('Time is up.');
    expect(readDraft('e1')).toBeNull();
    m.dispose();
  });

  it('closed but still open on a fresh read: the essay is refreshed, the text kept', async () => {
    const { createEssayModel, readDraft } = await fresh();
    const m = createEssayModel(essay());
    m.edit('mine');
    script = [() => refusal(409, 'essay_closed', 'Closed.'), () => ({ status: 200, body: essay({ words: 99 }) })];
    await m.save();
    expect(m.essay.value.words).toBe(99);
    expect(m.text.value).toBe('mine');
    expect(readDraft('e1')!.text).toBe('mine');
    m.dispose();
  });
});

describe('after the hand-in', () => {
  it('a draft another tab left unsent is not sent for a closed essay', async () => {
    const { createEssayModel, writeDraft } = await fresh();
    const m = createEssayModel(essay({ status: 'submitted', text: 'Final' }));
    writeDraft('e1', { text: 'Other tab, too late', revision: 9, savedRevision: 2 });
    events.dispatchEvent(new Event('online'));
    await m.save();
    expect(sent).toEqual([]);
    expect(m.saveState.value).toBe('saved');
  });

  it('another tab’s event for a draft already dropped changes nothing', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay());
    script = [() => ({ status: 200, body: essay({ status: 'submitted' }) })];
    await m.submit();
    expect(storage.getItem('cetl.essay.e1')).toBeNull();
    events.dispatchEvent(storageEvent('cetl.essay.e1', '{"text":"gone"}'));
    expect(m.text.value).toBe('Server text');
    m.dispose();
  });

  it('once disposed, coming back online sends nothing', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay());
    m.edit('x');
    m.dispose();
    events.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toEqual([]);
  });
});

describe('another tab', () => {
  it('shows the newer text another tab wrote to this essay’s draft', async () => {
    const { createEssayModel, writeDraft } = await fresh();
    const m = createEssayModel(essay());
    writeDraft('e1', { text: 'From the other tab', revision: 4, savedRevision: 2 });
    events.dispatchEvent(storageEvent('cetl.essay.other', '{}'));
    expect(m.text.value).toBe('Server text');
    events.dispatchEvent(storageEvent('cetl.essay.e1', null));
    expect(m.text.value).toBe('Server text');
    events.dispatchEvent(storageEvent('cetl.essay.e1', '{}'));
    expect(m.text.value).toBe('From the other tab');
    m.dispose();
    writeDraft('e1', { text: 'After dispose', revision: 5, savedRevision: 2 });
    events.dispatchEvent(storageEvent('cetl.essay.e1', '{}'));
    expect(m.text.value).toBe('From the other tab');
  });
});

describe('the countdown', () => {
  it('is null for an untimed essay', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay());
    expect(m.remaining.value).toBeNull();
    m.dispose();
  });

  it('counts down each second from the server’s remaining time, never below zero', async () => {
    const { createEssayModel } = await fresh();
    let clock = 1_000;
    const m = createEssayModel(essay({ remainingMs: 10_000 }), () => clock);
    expect(m.remaining.value).toBe(10_000);
    clock = 4_000;
    expect(m.remaining.value).toBe(10_000); // until the next tick
    await vi.advanceTimersByTimeAsync(1_000);
    expect(m.remaining.value).toBe(7_000);
    m.dispose();
  });

  it('uses performance.now by default', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay({ remainingMs: 10_000 }));
    await vi.advanceTimersByTimeAsync(3_000);
    expect(m.remaining.value).toBe(7_000);
    m.dispose();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(m.remaining.value).toBe(7_000); // stopped
  });

  it('at zero, a failed hand-in is retried every 5 seconds, not at every tick', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay({ remainingMs: 1_000 }));
    script = [() => refusal(502, 'bad_gateway', 'Proxy down.')];
    await vi.advanceTimersByTimeAsync(1_000);
    expect(m.handIn.value).toBe('failed');
    await vi.advanceTimersByTimeAsync(4_000);
    expect(sent).toHaveLength(1);
    script = [() => ({ status: 200, body: essay({ status: 'submitted', remainingMs: 0 }) })];
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toHaveLength(2);
    expect(m.handIn.value).toBe('done');
    m.dispose();
  });

  it('at zero saves the last text and hands in, once', async () => {
    const { createEssayModel, readDraft } = await fresh();
    const m = createEssayModel(essay({ remainingMs: 2_000 }));
    m.edit('Last words');
    script = [() => savedText(3), () => ({ status: 200, body: essay({ status: 'submitted', text: 'Last words', revision: 3, remainingMs: 0 }) })];
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(m.remaining.value).toBe(0);
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual(['PUT /api/essays/e1/text', 'POST /api/essays/e1/submit']);
    expect(m.handIn.value).toBe('done');
    expect(m.essay.value.status).toBe('submitted');
    expect(readDraft('e1')).toBeNull();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toHaveLength(2);
    m.dispose();
  });
});

describe('handing in', () => {
  it('saves what is unsent, then hands in', async () => {
    const { createEssayModel, readDraft } = await fresh();
    const m = createEssayModel(essay());
    m.edit('Final text');
    script = [() => savedText(3), () => ({ status: 200, body: essay({ status: 'submitted', text: 'Final text', revision: 3 }) })];
    const done = m.submit();
    expect(m.handIn.value).toBe('sending');
    await done;
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual(['PUT /api/essays/e1/text', 'POST /api/essays/e1/submit']);
    expect(m.handIn.value).toBe('done');
    expect(m.essay.value.status).toBe('submitted');
    expect(readDraft('e1')).toBeNull();
    m.dispose();
  });

  it('is ignored while sending or once closed', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay());
    let release!: () => void;
    script = [() => new Promise<Answer>((r) => (release = () => r({ status: 200, body: essay({ status: 'submitted' }) })))];
    const first = m.submit();
    await settle();
    await m.submit(); // while sending
    expect(sent).toHaveLength(1);
    release();
    await first;
    await m.submit(); // closed
    expect(sent).toHaveLength(1);
    m.dispose();
  });

  it('waits for the network when the text cannot be saved, and tries again in 5 seconds', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay());
    m.edit('Unsent');
    script = [() => 'offline', () => 'offline'];
    await vi.advanceTimersByTimeAsync(3_000); // the autosave fails
    await m.submit();
    expect(m.handIn.value).toBe('failed');
    expect(sent.map((s) => s.method)).toEqual(['PUT', 'PUT']);
    script = [() => savedText(3), () => ({ status: 200, body: essay({ status: 'submitted', text: 'Unsent', revision: 3 }) })];
    await vi.advanceTimersByTimeAsync(4_999);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual(['PUT /api/essays/e1/text', 'PUT /api/essays/e1/text', 'PUT /api/essays/e1/text', 'POST /api/essays/e1/submit']);
    expect(m.handIn.value).toBe('done');
    m.dispose();
  });

  it('hands in what the server has when the text was refused for good', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay());
    m.edit('x'.repeat(10));
    script = [() => refusal(413, 'too_long', 'Too long.'), () => ({ status: 200, body: essay({ status: 'submitted' }) })];
    await m.submit();
    expect(sent.map((s) => s.method)).toEqual(['PUT', 'POST']);
    expect(m.handIn.value).toBe('done');
    m.dispose();
  });

  it('a server failure on hand-in: failed, shown, tried again in 5 seconds', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay());
    script = [() => refusal(502, 'bad_gateway', 'Proxy down.')];
    await m.submit();
    expect(m.handIn.value).toBe('failed');
    expect(m.problem.value).toBe('Proxy down.');
    script = [() => ({ status: 200, body: essay({ status: 'submitted' }) })];
    await vi.advanceTimersByTimeAsync(4_999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    expect(m.handIn.value).toBe('done');
    m.dispose();
  });

  it('an unreadable answer on hand-in is retried too', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay());
    script = [() => 'malformed'];
    await m.submit();
    expect(m.handIn.value).toBe('failed');
    expect(m.problem.value).toMatch(/TypeError/);
    script = [() => ({ status: 200, body: essay({ status: 'submitted' }) })];
    await vi.advanceTimersByTimeAsync(5_000);
    expect(m.handIn.value).toBe('done');
    m.dispose();
  });

  it('a refusal on hand-in: failed, shown, not retried', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay());
    script = [() => refusal(409, 'essay_closed', 'Already handed in.')];
    await m.submit();
    expect(m.handIn.value).toBe('failed');
    expect(m.problem.value).toBe('Already handed in.');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sent).toHaveLength(1);
    m.dispose();
  });
});

describe('refresh', () => {
  it('takes the server’s essay; an open one keeps this device’s text', async () => {
    const { createEssayModel } = await fresh();
    const m = createEssayModel(essay());
    m.edit('Mine');
    script = [() => ({ status: 200, body: essay({ words: 42, text: 'Server older' }) })];
    await m.refresh();
    expect(m.essay.value.words).toBe(42);
    expect(m.text.value).toBe('Mine');
    expect(m.saveState.value).toBe('unsaved');
    m.dispose();
  });
});
