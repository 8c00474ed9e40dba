// @vitest-environment happy-dom
// The attempt model in the runner, driven by a scripted server (fetch is the boundary), fake timers
// and a Storage stand-in: loading, saving answers (queued first, acknowledged later), retrying
// every 5 seconds while the server is away, the countdown, handing in, another tab, and the one
// shared model kept alive while answers wait.
import { describe, expect, it, vi } from 'vitest';
import { ctx, fresh, opened, puts, refusal, requests, serve, settle, summary, useAttemptServer, type Reply } from '../fixtures/client-attempt-server.ts';

useAttemptServer();

describe('loading', () => {
  it('is loading, then ready with the items, the saved answers and the time left', async () => {
    ctx.server.responses.set(2, { slot: 2, choice: 'C', flagged: true, guessed: true, savedAt: 1 });
    const f = await fresh();
    const m = f.createAttemptModel('a1');
    expect(m.id).toBe('a1');
    expect(m.phase.value).toBe('loading');
    expect(m.remainingMs.value).toBeNull();
    await settle();
    expect(m.phase.value).toBe('ready');
    expect(m.error.value).toBeNull();
    expect(m.attempt.value).toMatchObject({ id: 'a1', status: 'open' });
    expect(m.items.value.map((i) => i.slot)).toEqual([1, 2, 3]);
    expect(m.slots.value).toEqual([
      { slot: 1, choice: null, flagged: false, guessed: false, pending: false, answer: undefined, correct: undefined, rationale: undefined },
      { slot: 2, choice: 'C', flagged: true, guessed: true, pending: false, answer: undefined, correct: undefined, rationale: undefined },
      { slot: 3, choice: null, flagged: false, guessed: false, pending: false, answer: undefined, correct: undefined, rationale: undefined },
    ]);
    expect(m.timed.value).toBe(true);
    expect(m.timeUp.value).toBe(false);
    expect(m.remainingMs.value).toBe(600_000);
    expect(m.saveState.value).toBe('saved');
    expect(m.waiting.value).toBe(0);
    expect(requests()).toEqual(['GET /api/attempts/a1']);
    m.dispose();
  });

  it('is not timed, nor out of time, before the attempt has loaded; nothing is refused to be kept', async () => {
    const f = await fresh();
    const m = f.createAttemptModel('a1');
    expect(m.timed.value).toBe(false);
    expect(m.timeUp.value).toBe(false);
    expect(m.persisted.value).toBe(true);
    await settle();
    expect(m.timed.value).toBe(true);
  });

  it('starts offline when the browser says so', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { m } = await opened();
    expect(m.connection.value).toBe('offline');
    let release!: () => void;
    ctx.once = [(s) => new Promise<Reply>((r) => (release = () => r(serve(s))))];
    m.choose(1, 'A');
    expect(m.saveState.value).toBe('offline');
    release();
    await settle();
  });

  it('assumes online where there is no navigator', async () => {
    vi.stubGlobal('navigator', undefined);
    const { m } = await opened();
    expect(m.connection.value).toBe('online');
  });

  it('an untimed attempt has no countdown', async () => {
    ctx.server.attempt = summary({ mode: 'tutor', deadline: null });
    ctx.server.remainingMs = null;
    const { m } = await opened();
    expect(m.timed.value).toBe(false);
    expect(m.remainingMs.value).toBeNull();
    expect(m.timeUp.value).toBe(false);
    m.dispose();
  });

  it('an attempt already handed in is closed', async () => {
    ctx.server.attempt = summary({ status: 'submitted' });
    const { m } = await opened();
    expect(m.phase.value).toBe('closed');
    m.dispose();
  });

  it('an attempt that cannot be opened shows the server’s reason', async () => {
    ctx.once = [() => refusal(404, 'not_found', 'This attempt does not exist.')];
    const { m } = await opened();
    expect(m.phase.value).toBe('error');
    expect(m.error.value).toBe('This attempt does not exist.');
    m.dispose();
  });

  it('no network at the start: an error saying so, and loading again recovers', async () => {
    ctx.once = [() => 'offline'];
    const { m } = await opened();
    expect(m.phase.value).toBe('error');
    expect(m.error.value).toBe('The server cannot be reached. Check your connection; nothing you chose is lost.');
    await m.load();
    expect(m.phase.value).toBe('ready');
    expect(m.error.value).toBeNull();
    m.dispose();
  });

  it('an unreadable answer gives a plain message', async () => {
    ctx.once = [() => 'malformed'];
    const { m } = await opened();
    expect(m.phase.value).toBe('error');
    expect(m.error.value).toBe('The attempt could not be loaded.');
    m.dispose();
  });

  it('a session that has ended signs the candidate out, without an error', async () => {
    const f = await fresh();
    f.currentUser.value = { id: 1 } as never;
    ctx.once = [() => refusal(401, 'unauthenticated', 'Sign in.')];
    const m = f.createAttemptModel('a1');
    await settle();
    expect(f.currentUser.value).toBeNull();
    expect(m.phase.value).toBe('loading');
    expect(m.error.value).toBeNull();
    m.dispose();
  });

  it('a second failed load shows the newer reason', async () => {
    ctx.once = [() => refusal(404, 'not_found', 'First reason.'), () => refusal(403, 'forbidden', 'Second reason.')];
    const { m } = await opened();
    expect(m.error.value).toBe('First reason.');
    await m.load();
    expect(m.phase.value).toBe('error');
    expect(m.error.value).toBe('Second reason.');
  });

  it('a failed reload keeps a ready runner as it is', async () => {
    const { m } = await opened();
    ctx.once = [() => refusal(500, 'internal', 'Oops.')];
    await m.load();
    expect(m.phase.value).toBe('ready');
    expect(m.error.value).toBeNull();
    m.dispose();
  });

  it('sends answers an earlier visit left queued as soon as it is ready', async () => {
    const f = await fresh();
    f.enqueue('a1', { slot: 3, choice: 'D', flagged: false });
    const m = f.createAttemptModel('a1');
    expect(m.slots.value).toEqual([]); // no items yet
    expect(m.waiting.value).toBe(1);
    await settle();
    expect(requests()).toEqual(['GET /api/attempts/a1', 'PUT /api/attempts/a1/responses/3']);
    expect(m.waiting.value).toBe(0);
    expect(m.slots.value[2]).toMatchObject({ choice: 'D', pending: false });
    m.dispose();
  });
});

describe('answering', () => {
  it('shows the choice at once as pending, then saved once the server has it', async () => {
    const { m, readQueue } = await opened();
    let release!: () => void;
    ctx.once = [(s) => new Promise<Reply>((r) => (release = () => r(serve(s))))];
    m.choose(2, 'B');
    expect(m.slots.value[1]).toMatchObject({ slot: 2, choice: 'B', pending: true });
    expect(m.waiting.value).toBe(1);
    expect(m.saveState.value).toBe('saving');
    expect(readQueue('a1')[2]).toMatchObject({ slot: 2, choice: 'B', flagged: false, guessed: false });
    await settle();
    expect(puts()).toHaveLength(1);
    expect(puts()[0].body).toMatchObject({ choice: 'B', flagged: false, guessed: false });
    release();
    await settle();
    expect(m.slots.value[1]).toMatchObject({ slot: 2, choice: 'B', pending: false });
    expect(m.waiting.value).toBe(0);
    expect(m.saveState.value).toBe('saved');
    expect(m.persisted.value).toBe(true);
    m.dispose();
  });

  it('"saving" while a write is out even when nothing is queued any more', async () => {
    const { m } = await opened();
    m.choose(1, 'A');
    await settle();
    expect(m.saveState.value).toBe('saved');
    // A newer queue read empty while sending: the flush is still running.
    let release!: () => void;
    ctx.once = [(s) => new Promise<Reply>((r) => (release = () => r(serve(s))))];
    m.choose(1, 'C');
    await settle();
    m.discardUnsaved();
    expect(m.waiting.value).toBe(0);
    expect(m.saveState.value).toBe('saving');
    release();
    await settle();
    expect(m.saveState.value).toBe('saved');
    m.dispose();
  });

  it('sends the whole response: choice, flag, "I guessed" and strikes (none)', async () => {
    const { m } = await opened();
    m.choose(1, 'A');
    m.toggleFlag(2);
    await settle();
    expect(puts().map((p) => p.body)).toEqual([
      { choice: 'A', flagged: false, guessed: false, struck: '' },
      { choice: null, flagged: true, guessed: false, struck: '' },
    ]);
  });

  it('a save that went through keeps the candidate signed in', async () => {
    const { m, currentUser } = await opened();
    currentUser.value = { id: 1 } as never;
    m.choose(1, 'A');
    await settle();
    ctx.server.down = true; // and a save that could not reach the server
    m.choose(2, 'B');
    await settle();
    ctx.server.down = false;
    expect(currentUser.value).toEqual({ id: 1 });
  });

  it('flushing with nothing queued never shows "saving" and asks nothing', async () => {
    const { m } = await opened();
    const p = m.flush();
    expect(m.saveState.value).toBe('saved');
    await p;
    expect(requests()).toEqual(['GET /api/attempts/a1']);
  });

  it('flushing sends answers on the device this model has not seen yet', async () => {
    const { m, queueKey } = await opened();
    // Written by another tab; its storage event has not arrived.
    ctx.storage.setItem(queueKey('a1'), JSON.stringify({ 3: { slot: 3, choice: 'C', flagged: false, seq: 1, at: 1 } }));
    await m.flush();
    expect(requests()).toEqual(['GET /api/attempts/a1', 'PUT /api/attempts/a1/responses/3']);
  });

  it('back online as soon as the first queued answer is through', async () => {
    const { m } = await opened();
    ctx.server.down = true;
    m.choose(1, 'A');
    m.choose(2, 'B');
    await settle();
    expect(m.connection.value).toBe('unreachable');
    ctx.server.down = false;
    let release!: () => void;
    ctx.once = [() => undefined, (s) => new Promise<Reply>((r) => (release = () => r(serve(s))))];
    const flushing = m.flush();
    await settle();
    expect(m.connection.value).toBe('online'); // slot 1 saved, slot 2 still out
    expect(m.saveState.value).toBe('saving');
    release();
    await flushing;
    expect(m.saveState.value).toBe('saved');
  });

  it('takes the server’s time left from each saved answer', async () => {
    const { m } = await opened();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(m.remainingMs.value).toBe(590_000);
    ctx.server.remainingMs = 500_000; // the server knows better (e.g. a sleep of this device)
    m.choose(1, 'A');
    await settle();
    expect(m.remainingMs.value).toBe(500_000);
    m.dispose();
  });

  it('choosing the same answer again sends nothing; changing it sends the new one', async () => {
    const { m } = await opened();
    m.choose(1, 'A');
    await settle();
    m.choose(1, 'A');
    await settle();
    expect(puts()).toHaveLength(1);
    m.choose(1, 'D');
    await settle();
    expect(puts().map((p) => p.body!.choice)).toEqual(['A', 'D']);
    m.choose(1, null);
    await settle();
    expect(puts().map((p) => p.body!.choice)).toEqual(['A', 'D', null]);
    expect(m.slots.value[0].choice).toBeNull();
    m.dispose();
  });

  it('ignores a slot that is not in the attempt', async () => {
    const { m } = await opened();
    m.choose(9, 'A');
    m.toggleFlag(9);
    m.toggleGuessed(9);
    await settle();
    expect(puts()).toEqual([]);
    expect(m.waiting.value).toBe(0);
    m.dispose();
  });

  it('tutor mode: the first choice is checked and then locked', async () => {
    ctx.server.attempt = summary({ mode: 'tutor', deadline: null });
    ctx.server.remainingMs = null;
    const { m } = await opened();
    m.choose(1, 'A');
    await settle();
    expect(m.slots.value[0]).toMatchObject({ choice: 'A', answer: 'B', correct: false, rationale: { A: 'a', B: 'b', C: 'c', D: 'd' } });
    m.choose(1, 'B');
    await settle();
    expect(puts()).toHaveLength(1);
    expect(m.slots.value[0].choice).toBe('A');
    m.toggleFlag(1); // flagging stays possible
    await settle();
    expect(puts()).toHaveLength(2);
    expect(m.slots.value[0]).toMatchObject({ choice: 'A', flagged: true, answer: 'B' });
    m.dispose();
  });

  it('flag and "I guessed" toggle, keeping the choice and each other', async () => {
    const { m } = await opened();
    m.choose(2, 'C');
    m.toggleFlag(2);
    expect(m.slots.value[1]).toMatchObject({ choice: 'C', flagged: true, guessed: false, pending: true });
    m.toggleGuessed(2);
    expect(m.slots.value[1]).toMatchObject({ choice: 'C', flagged: true, guessed: true, pending: true });
    await settle();
    expect(m.slots.value[1]).toMatchObject({ choice: 'C', flagged: true, guessed: true, pending: false });
    m.toggleFlag(2);
    await settle();
    expect(m.slots.value[1]).toMatchObject({ choice: 'C', flagged: false, guessed: true });
    m.toggleGuessed(2);
    await settle();
    expect(m.slots.value[1]).toMatchObject({ choice: 'C', flagged: false, guessed: false });
    expect(ctx.server.responses.get(2)).toMatchObject({ choice: 'C', flagged: false, guessed: false });
    m.dispose();
  });

  it('takes no answers before the attempt has loaded', async () => {
    const f = await fresh();
    let release!: () => void;
    ctx.once = [(s) => new Promise<Reply>((r) => (release = () => r(serve(s))))];
    const m = f.createAttemptModel('a1');
    m.choose(1, 'A');
    m.toggleFlag(1);
    expect(f.readQueue('a1')).toEqual({});
    release();
    await settle();
    m.dispose();
  });

  it('still takes answers in memory when storage is refused, and says it could not keep them', async () => {
    const { m } = await opened();
    ctx.storage.refuse = true;
    ctx.server.down = true;
    m.choose(1, 'B');
    expect(m.persisted.value).toBe(false);
    expect(m.slots.value[0]).toMatchObject({ choice: 'B', pending: true });
    ctx.storage.refuse = false;
    ctx.server.down = false;
    m.choose(2, 'C');
    expect(m.persisted.value).toBe(true);
    m.dispose();
  });
});

describe('when the server is away', () => {
  it('keeps answers queued, shows offline, and retries every 5 seconds', async () => {
    const { m, readQueue } = await opened();
    ctx.server.down = true;
    m.choose(1, 'A');
    m.choose(2, 'B');
    await settle();
    expect(m.saveState.value).toBe('offline');
    expect(m.waiting.value).toBe(2);
    expect(Object.keys(readQueue('a1'))).toEqual(['1', '2']);
    const tries = ctx.sent.length;
    ctx.server.down = false;
    await vi.advanceTimersByTimeAsync(4_999);
    expect(ctx.sent.length).toBe(tries);
    await vi.advanceTimersByTimeAsync(1);
    expect(puts().slice(-2).map((p) => p.url)).toEqual(['/api/attempts/a1/responses/1', '/api/attempts/a1/responses/2']);
    expect(m.saveState.value).toBe('saved');
    expect(m.waiting.value).toBe(0);
    m.dispose();
  });

  it('does not retry when nothing is queued', async () => {
    const { m } = await opened();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(requests()).toEqual(['GET /api/attempts/a1']);
    m.dispose();
  });

  it('follows the browser’s offline and online events, sending at once when back', async () => {
    const { m } = await opened();
    dispatchEvent(new Event('offline'));
    expect(m.saveState.value).toBe('saved'); // nothing waiting
    let release!: () => void;
    ctx.once = [(s) => new Promise<Reply>((r) => (release = () => r(serve(s))))];
    m.choose(1, 'A');
    expect(m.saveState.value).toBe('offline');
    release();
    await settle();
    ctx.server.down = true;
    m.choose(2, 'B');
    await settle();
    ctx.server.down = false;
    dispatchEvent(new Event('online'));
    await settle();
    expect(m.saveState.value).toBe('saved');
    expect(ctx.server.responses.get(2)).toMatchObject({ choice: 'B' });
    m.dispose();
  });

  it('a newer answer made while an older one is in flight is the one that stays', async () => {
    const { m } = await opened();
    let release!: () => void;
    ctx.once = [(s) => new Promise<Reply>((r) => (release = () => r(serve(s))))];
    m.choose(1, 'A');
    await settle();
    m.choose(1, 'C');
    expect(m.slots.value[0]).toMatchObject({ choice: 'C', pending: true });
    release();
    await settle();
    expect(puts().map((p) => p.body!.choice)).toEqual(['A', 'C']);
    expect(m.slots.value[0]).toMatchObject({ choice: 'C', pending: false });
    expect(ctx.server.responses.get(1)!.choice).toBe('C');
    m.dispose();
  });

  it('an answer refused for good is dropped, named in a notice, and the attempt reloaded', async () => {
    const { m } = await opened();
    ctx.once = [() => refusal(409, 'response_locked', 'This answer was already checked.')];
    m.choose(3, 'A');
    await settle();
    expect(m.notice.value).toBe('Question 3: This answer was already checked.');
    expect(m.waiting.value).toBe(0);
    expect(requests()).toEqual(['GET /api/attempts/a1', 'PUT /api/attempts/a1/responses/3', 'GET /api/attempts/a1']);
    expect(m.slots.value[2]).toMatchObject({ choice: null, pending: false });
    m.dispose();
  });

  it('an attempt closed on the server: the runner closes, the unsent answer stays on the device', async () => {
    const { m, readQueue } = await opened();
    ctx.server.attempt = { ...ctx.server.attempt, status: 'submitted', closedBy: 'time' };
    m.choose(1, 'A');
    await settle();
    expect(m.phase.value).toBe('closed');
    expect(readQueue('a1')[1]).toMatchObject({ choice: 'A' });
    // Closed: the answer is not retried, the tab's return does not reload, nothing new is taken.
    const before = ctx.sent.length;
    document.dispatchEvent(new Event('visibilitychange'));
    m.choose(2, 'B');
    m.toggleFlag(2);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(ctx.sent.length).toBe(before);
    expect(readQueue('a1')[2]).toBeUndefined();
    m.discardUnsaved();
    expect(readQueue('a1')).toEqual({});
    expect(m.waiting.value).toBe(0);
    m.dispose();
  });

  it('a save refused as closed while a fresh read shows the attempt open leaves the runner open', async () => {
    const { m } = await opened();
    ctx.once = [() => refusal(409, 'attempt_closed', 'Closed.')];
    m.choose(1, 'A');
    await settle();
    expect(m.phase.value).toBe('ready');
    expect(m.attempt.value!.status).toBe('open');
  });

  it('a write refused during the hand-in reloads the attempt without leaving the hand-in', async () => {
    const { m } = await opened();
    ctx.server.down = true;
    m.choose(1, 'A');
    await settle();
    ctx.server.down = false;
    let release!: () => void;
    ctx.once = [
      () => refusal(409, 'response_locked', 'Locked.'), // the queued answer
      () => undefined, // the reload
      (s) => new Promise<Reply>((r) => (release = () => r(serve(s)))), // the submit, held
    ];
    const handing = m.handIn();
    await settle();
    expect(requests().slice(-3)).toEqual(['PUT /api/attempts/a1/responses/1', 'GET /api/attempts/a1', 'POST /api/attempts/a1/submit']);
    expect(m.phase.value).toBe('handing-in');
    release();
    await handing;
    expect(m.phase.value).toBe('closed');
  });

  it('a session that ended while saving signs the candidate out and keeps the answer', async () => {
    const { m, currentUser, readQueue } = await opened();
    currentUser.value = { id: 1 } as never;
    ctx.once = [() => refusal(401, 'unauthenticated', 'Sign in.')];
    m.choose(1, 'A');
    await settle();
    expect(currentUser.value).toBeNull();
    expect(readQueue('a1')[1]).toMatchObject({ choice: 'A' });
    m.dispose();
  });
});

describe('the countdown', () => {
  it('counts down every quarter second from the server’s time', async () => {
    ctx.server.remainingMs = 10_000;
    const { m } = await opened();
    expect(m.remainingMs.value).toBe(10_000);
    await vi.advanceTimersByTimeAsync(250);
    expect(m.remainingMs.value).toBe(9_750);
    await vi.advanceTimersByTimeAsync(249);
    expect(m.remainingMs.value).toBe(9_750);
    await vi.advanceTimersByTimeAsync(1);
    expect(m.remainingMs.value).toBe(9_500);
    m.dispose();
  });

  it('at zero the time is up, answers are refused, and the attempt is handed in', async () => {
    ctx.server.remainingMs = 1_000;
    const { m } = await opened();
    m.choose(1, 'A');
    await vi.advanceTimersByTimeAsync(750);
    expect(m.timeUp.value).toBe(false);
    await vi.advanceTimersByTimeAsync(250);
    expect(m.remainingMs.value).toBe(0);
    expect(m.timeUp.value).toBe(true);
    await settle();
    expect(requests()).toEqual(['GET /api/attempts/a1', 'PUT /api/attempts/a1/responses/1', 'POST /api/attempts/a1/submit']);
    expect(m.phase.value).toBe('closed');
    expect(m.attempt.value).toMatchObject({ status: 'submitted', closedBy: 'candidate' });
    m.dispose();
  });

  it('never goes below zero', async () => {
    ctx.server.remainingMs = 500;
    ctx.server.down = false;
    const { m } = await opened();
    ctx.once = [() => 'offline'];
    await vi.advanceTimersByTimeAsync(2_000);
    expect(m.remainingMs.value).toBe(0);
    m.dispose();
  });

  it('an attempt opened after its time ran out is handed in at once', async () => {
    ctx.server.remainingMs = 0;
    const { m } = await opened();
    expect(requests()).toEqual(['GET /api/attempts/a1', 'POST /api/attempts/a1/submit']);
    expect(m.phase.value).toBe('closed');
    m.choose(1, 'A');
    expect(m.waiting.value).toBe(0);
    m.dispose();
  });

  it('time up: no new answers are taken even before the hand-in is through', async () => {
    ctx.server.remainingMs = 250;
    const { m, readQueue } = await opened();
    ctx.once = [() => 'offline']; // the automatic hand-in fails
    await vi.advanceTimersByTimeAsync(250);
    expect(m.timeUp.value).toBe(true);
    expect(m.phase.value).toBe('ready');
    m.choose(1, 'A');
    m.toggleFlag(2);
    expect(readQueue('a1')).toEqual({});
    m.dispose();
  });
});

describe('handing in', () => {
  it('sends what is queued, then submits', async () => {
    const { m } = await opened();
    ctx.server.down = true;
    m.choose(1, 'B');
    await settle();
    ctx.server.down = false;
    const done = m.handIn();
    expect(m.phase.value).toBe('handing-in');
    await done;
    expect(requests().slice(-2)).toEqual(['PUT /api/attempts/a1/responses/1', 'POST /api/attempts/a1/submit']);
    expect(m.phase.value).toBe('closed');
    expect(m.attempt.value).toMatchObject({ status: 'submitted', closedBy: 'candidate' });
    expect(m.notice.value).toBeNull();
    m.dispose();
  });

  it('twice at once submits once; once closed it does nothing', async () => {
    const { m } = await opened();
    const a = m.handIn();
    const b = m.handIn();
    expect(b).toBe(a);
    await a;
    await m.handIn();
    expect(requests().filter((r) => r.startsWith('POST'))).toEqual(['POST /api/attempts/a1/submit']);
    m.dispose();
  });

  it('without a network: back to ready, a notice, and tried again every 5 seconds', async () => {
    const { m } = await opened();
    ctx.once = [() => 'offline'];
    await m.handIn();
    expect(m.phase.value).toBe('ready');
    expect(m.notice.value).toBe('Handing in is waiting for the connection; it will go through when the network returns. Keep this page open.');
    // The retry interval runs from the model's start (t = 0): its first beat is at 5 s.
    await vi.advanceTimersByTimeAsync(4_999);
    expect(requests().filter((r) => r.startsWith('POST'))).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests().filter((r) => r.startsWith('POST'))).toHaveLength(2);
    expect(m.phase.value).toBe('closed');
    expect(m.notice.value).toBeNull();
    m.dispose();
  });

  it('without a network: the browser coming back online hands in at once', async () => {
    const { m } = await opened();
    ctx.once = [() => refusal(503, 'unavailable', 'Down.')];
    await m.handIn();
    expect(m.phase.value).toBe('ready');
    dispatchEvent(new Event('online'));
    await settle();
    expect(m.phase.value).toBe('closed');
    m.dispose();
  });

  it('going online without a failed hand-in only sends answers', async () => {
    const { m } = await opened();
    dispatchEvent(new Event('online'));
    await settle();
    expect(requests()).toEqual(['GET /api/attempts/a1']);
    expect(m.phase.value).toBe('ready');
    m.dispose();
  });

  it('refused: the server’s reason, back to ready', async () => {
    const { m, currentUser } = await opened();
    currentUser.value = { id: 1 } as never;
    ctx.once = [() => refusal(409, 'attempt_closed', 'Already handed in elsewhere.')];
    await m.handIn();
    expect(currentUser.value).toEqual({ id: 1 });
    expect(m.phase.value).toBe('ready');
    expect(m.notice.value).toBe('Already handed in elsewhere.');
    m.dispose();
  });

  it('an unreadable answer: a plain message', async () => {
    const { m } = await opened();
    ctx.once = [() => 'malformed'];
    await m.handIn();
    expect(m.phase.value).toBe('ready');
    expect(m.notice.value).toBe('Handing in failed; try again.');
    m.dispose();
  });

  it('signed out meanwhile: the candidate is signed out', async () => {
    const { m, currentUser } = await opened();
    currentUser.value = { id: 1 } as never;
    ctx.once = [() => refusal(401, 'unauthenticated', 'Sign in again.')];
    await m.handIn();
    expect(currentUser.value).toBeNull();
    expect(m.notice.value).toBe('Sign in again.');
    m.dispose();
  });

  it('an attempt found closed while sending the last answers is not submitted again', async () => {
    const { m } = await opened();
    ctx.server.down = true;
    m.choose(1, 'A');
    await settle();
    ctx.server.down = false;
    ctx.server.attempt = { ...ctx.server.attempt, status: 'submitted', closedBy: 'time' };
    await m.handIn();
    expect(m.phase.value).toBe('closed');
    expect(requests().filter((r) => r.startsWith('POST'))).toEqual([]);
    m.dispose();
  });
});

describe('the page around the model', () => {
  it('reloads when the tab becomes visible again', async () => {
    const { m } = await opened();
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(requests()).toEqual(['GET /api/attempts/a1', 'GET /api/attempts/a1']);
    m.dispose();
  });

  it('does not reload a hidden tab', async () => {
    const { m } = await opened();
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(requests()).toEqual(['GET /api/attempts/a1']);
    m.dispose();
  });

  it('another tab’s change to this attempt’s queue shows at once and reloads 300 ms later', async () => {
    const { m, queueKey } = await opened();
    ctx.storage.setItem(queueKey('a1'), JSON.stringify({ 2: { slot: 2, choice: 'D', flagged: false, seq: 1, at: 1 } }));
    dispatchEvent(Object.assign(new Event('storage'), { key: queueKey('a1') }));
    dispatchEvent(Object.assign(new Event('storage'), { key: queueKey('a1') }));
    expect(m.slots.value[1]).toMatchObject({ choice: 'D', pending: true });
    await vi.advanceTimersByTimeAsync(299);
    expect(requests()).toEqual(['GET /api/attempts/a1']);
    await vi.advanceTimersByTimeAsync(1);
    // Once for both events; then, ready, this tab sends what the other queued.
    expect(requests()).toEqual(['GET /api/attempts/a1', 'GET /api/attempts/a1', 'PUT /api/attempts/a1/responses/2']);
    m.dispose();
  });

  it('asks before the tab closes only while answers wait', async () => {
    const { m } = await opened();
    const leave = () => {
      const e = new Event('beforeunload', { cancelable: true });
      dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(leave()).toBe(false);
    ctx.server.down = true;
    m.choose(1, 'A');
    await settle();
    expect(leave()).toBe(true);
    m.dispose();
    expect(leave()).toBe(false);
  });

  it('once disposed, the browser’s offline event changes nothing', async () => {
    const { m } = await opened();
    m.dispose();
    dispatchEvent(new Event('offline'));
    expect(m.connection.value).toBe('online');
  });

  it('once disposed, no clock, retry, event or other tab reaches the server', async () => {
    const { m, queueKey } = await opened();
    ctx.server.down = true;
    m.choose(1, 'A');
    await settle();
    ctx.server.down = false;
    dispatchEvent(Object.assign(new Event('storage'), { key: queueKey('a1') }));
    m.dispose();
    const before = ctx.sent.length;
    const remaining = m.remainingMs.value;
    dispatchEvent(new Event('online'));
    dispatchEvent(new Event('offline'));
    document.dispatchEvent(new Event('visibilitychange'));
    dispatchEvent(Object.assign(new Event('storage'), { key: queueKey('a1') }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ctx.sent.length).toBe(before);
    expect(m.remainingMs.value).toBe(remaining);
    expect(m.saveState.value).toBe('offline');
  });
});

describe('the shared model', () => {
  it('is one model per attempt, shared while in use', async () => {
    const f = await fresh();
    const a = f.acquireAttempt('a1');
    const b = f.acquireAttempt('a1');
    expect(b).toBe(a);
    await settle();
    f.releaseAttempt(a);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(f.acquireAttempt('a1')).toBe(a); // one user left: still alive
  });

  it('opening another attempt stops the previous model', async () => {
    const f = await fresh();
    const a = f.acquireAttempt('a1');
    await settle();
    const b = f.acquireAttempt('a2');
    expect(b).not.toBe(a);
    expect(b.id).toBe('a2');
    const before = ctx.sent.length;
    dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(ctx.sent.slice(before).every((s) => s.url.includes('/a2'))).toBe(true);
  });

  it('a released model’s idle timer never drops the model of the attempt opened since', async () => {
    const f = await fresh();
    const a = f.acquireAttempt('a1');
    await settle();
    f.releaseAttempt(a);
    const b = f.acquireAttempt('a2');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(f.acquireAttempt('a2')).toBe(b);
  });

  it('released and idle for a second, it stops; acquired again it is a new model', async () => {
    const f = await fresh();
    const a = f.acquireAttempt('a1');
    await settle();
    f.releaseAttempt(a);
    await vi.advanceTimersByTimeAsync(999);
    expect(f.acquireAttempt('a1')).toBe(a); // back within the second: the same model
    f.releaseAttempt(a);
    await vi.advanceTimersByTimeAsync(1_000);
    const c = f.acquireAttempt('a1');
    expect(c).not.toBe(a);
  });

  it('released with answers waiting, it keeps sending every 5 seconds until all are saved', async () => {
    const f = await fresh();
    const a = f.acquireAttempt('a1');
    await settle();
    ctx.server.down = true;
    a.choose(1, 'A');
    await settle();
    f.releaseAttempt(a);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(f.acquireAttempt('a1')).toBe(a);
    f.releaseAttempt(a);
    ctx.server.down = false;
    await vi.advanceTimersByTimeAsync(5_000); // the retry saves it
    expect(a.waiting.value).toBe(0);
    expect(ctx.server.responses.get(1)!.choice).toBe('A');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(f.acquireAttempt('a1')).not.toBe(a);
  });

  it('releasing a model that is not the live one changes nothing', async () => {
    const f = await fresh();
    const a = f.acquireAttempt('a1');
    await settle();
    const stray = f.createAttemptModel('a9');
    f.releaseAttempt(stray);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(f.acquireAttempt('a1')).toBe(a);
    stray.dispose();
  });
});
