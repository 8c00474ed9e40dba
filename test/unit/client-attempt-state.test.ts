// @vitest-environment happy-dom
// The attempt model's strike-out, intro Begin, connection and hand-in state, driven by a scripted
// server (fetch is the boundary) and fake timers. The documented rules are pinned as numbers: a
// failed hand-in is tried again after 5 s, then 10, 20, 40, 60, 60… seconds.
import { describe, expect, it, vi } from 'vitest';
import { ctx, fresh, opened, puts, refusal, requests, settle, summary, useAttemptServer } from '../fixtures/client-attempt-server.ts';

useAttemptServer();
const posts = () => requests().filter((r) => r.startsWith('POST'));

describe('rules', () => {
  it('a failed hand-in waits 5, 10, 20, 40 and then 60 seconds between tries', async () => {
    const { handInRetryDelay } = await fresh();
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(handInRetryDelay)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000, 60_000]);
    expect(handInRetryDelay(0)).toBe(5_000);
  });

  it('striking a letter adds or removes it, keeping letters in order without repeats', async () => {
    const { toggleLetter } = await fresh();
    expect(toggleLetter('', 'B')).toBe('B');
    expect(toggleLetter('AC', 'B')).toBe('ABC');
    expect(toggleLetter('ABC', 'B')).toBe('AC');
    expect(toggleLetter('CA', 'D')).toBe('ACD');
    expect(toggleLetter('A', 'A')).toBe('');
  });

  it('names why writes are not getting through', async () => {
    const { connectionProblem } = await fresh();
    expect(connectionProblem('offline')).toBe('You are offline');
    expect(connectionProblem('unreachable')).toBe('The server cannot be reached');
  });
});

describe('connection', () => {
  it('online, offline as the browser says, unreachable while the server does not answer', async () => {
    const { m } = await opened();
    expect(m.connection.value).toBe('online');
    ctx.server.down = true;
    m.choose(1, 'A');
    await settle();
    expect(m.connection.value).toBe('unreachable');
    dispatchEvent(new Event('offline'));
    expect(m.connection.value).toBe('offline');
    ctx.server.down = false;
    dispatchEvent(new Event('online'));
    await settle();
    expect(m.connection.value).toBe('online');
    expect(m.saveState.value).toBe('saved');
  });
});

describe('striking options out', () => {
  it('is saved like a flag, without choosing', async () => {
    const { m } = await opened();
    m.toggleStrike(1, 'C');
    expect(m.slots.value[0]).toMatchObject({ choice: null, struck: 'C', pending: true });
    m.toggleStrike(1, 'A');
    expect(m.slots.value[0]).toMatchObject({ struck: 'AC', pending: true });
    await settle();
    expect(puts().at(-1)!.body).toMatchObject({ choice: null, flagged: false, guessed: false, struck: 'AC' });
    expect(m.slots.value[0]).toMatchObject({ choice: null, struck: 'AC', pending: false });
  });

  it('striking the last one back in leaves none struck', async () => {
    const { m } = await opened();
    m.toggleStrike(2, 'B');
    await settle();
    m.toggleStrike(2, 'B');
    expect(m.slots.value[1].struck).toBeUndefined();
    await settle();
    expect(puts().at(-1)!.body).toMatchObject({ struck: '' });
    expect(m.slots.value[1]).toMatchObject({ struck: undefined, pending: false });
  });

  it('choosing a struck option brings it back; the other strikes stay', async () => {
    const { m } = await opened();
    m.toggleStrike(1, 'A');
    m.toggleStrike(1, 'C');
    m.choose(1, 'C');
    expect(m.slots.value[0]).toMatchObject({ choice: 'C', struck: 'A' });
    await settle();
    expect(puts().at(-1)!.body).toMatchObject({ choice: 'C', struck: 'A' });
    m.choose(1, null);
    expect(m.slots.value[0]).toMatchObject({ choice: null, struck: 'A' });
  });

  it('flag and "I guessed" keep the strikes', async () => {
    const { m } = await opened();
    m.toggleStrike(3, 'D');
    m.toggleFlag(3);
    m.toggleGuessed(3);
    expect(m.slots.value[2]).toMatchObject({ flagged: true, guessed: true, struck: 'D' });
    await settle();
    expect(ctx.server.responses.get(3)).toMatchObject({ flagged: true, guessed: true, struck: 'D' });
  });

  it('shows the strikes the server holds', async () => {
    ctx.server.responses.set(2, { slot: 2, choice: null, flagged: false, guessed: false, savedAt: 1, struck: 'BD' });
    const { m } = await opened();
    expect(m.slots.value[1].struck).toBe('BD');
    expect(m.slots.value[0].struck).toBeUndefined();
  });

  it('an answer queued before strike-out existed keeps the server’s strikes', async () => {
    ctx.server.responses.set(2, { slot: 2, choice: null, flagged: false, guessed: false, savedAt: 1, struck: 'BD' });
    const f = await fresh();
    ctx.storage.setItem(f.queueKey('a1'), JSON.stringify({ 2: { slot: 2, choice: 'A', flagged: false, seq: 1, at: 1 } }));
    ctx.once = [() => undefined, () => 'offline']; // the attempt loads; the queued answer cannot be sent yet
    const m = f.createAttemptModel('a1');
    await settle();
    expect(puts()[0].body).toEqual({ choice: 'A', flagged: false, guessed: false });
    expect(m.slots.value[1]).toMatchObject({ choice: 'A', guessed: false, struck: 'BD', pending: true });
  });

  it('tutor mode: no strikes once the answer is checked', async () => {
    ctx.server.attempt = summary({ mode: 'tutor', deadline: null });
    ctx.server.remainingMs = null;
    const { m } = await opened();
    m.toggleStrike(1, 'D');
    await settle();
    m.choose(1, 'A');
    await settle();
    m.toggleStrike(1, 'C');
    await settle();
    expect(puts()).toHaveLength(2);
    expect(m.slots.value[0]).toMatchObject({ choice: 'A', struck: 'D' });
  });

  it('ignores a slot that is not in the attempt', async () => {
    const { m } = await opened();
    m.toggleStrike(9, 'A');
    await settle();
    expect(puts()).toEqual([]);
  });
});

describe('the intro’s Begin', () => {
  const waiting = () => (ctx.server.attempt = summary({ begun: false, deadline: null }));

  it('takes no answers until the candidate begins; then the clock runs', async () => {
    waiting();
    ctx.server.remainingMs = null;
    const { m } = await opened();
    expect(m.awaitingBegin.value).toBe(true);
    expect(m.timed.value).toBe(false);
    m.choose(1, 'A');
    m.toggleStrike(1, 'B');
    expect(m.waiting.value).toBe(0);
    ctx.server.remainingMs = 600_000;
    const begun = m.begin();
    expect(m.beginning.value).toBe(true);
    await begun;
    expect(m.beginning.value).toBe(false);
    expect(requests()).toEqual(['GET /api/attempts/a1', 'POST /api/attempts/a1/begin']);
    expect(m.awaitingBegin.value).toBe(false);
    expect(m.timed.value).toBe(true);
    expect(m.remainingMs.value).toBe(600_000);
    m.choose(1, 'A');
    expect(m.waiting.value).toBe(1);
  });

  it('is asked once however often it is pressed, and not at all once begun', async () => {
    waiting();
    const { m } = await opened();
    await Promise.all([m.begin(), m.begin()]);
    await m.begin();
    expect(posts()).toEqual(['POST /api/attempts/a1/begin']);
  });

  it('an attempt that does not wait for Begin is not begun again', async () => {
    const { m } = await opened();
    expect(m.awaitingBegin.value).toBe(false);
    await m.begin();
    expect(posts()).toEqual([]);
  });

  it('a failure says why and lets the candidate try again', async () => {
    waiting();
    const { m } = await opened();
    ctx.once = [() => 'offline'];
    await m.begin();
    expect(m.notice.value).toBe('The server cannot be reached. Check your connection; nothing you chose is lost.');
    expect(m.beginning.value).toBe(false);
    expect(m.awaitingBegin.value).toBe(true);
    await m.begin();
    expect(m.awaitingBegin.value).toBe(false);
    expect(m.notice.value).toBeNull();
  });

  it('an unreadable answer gives a plain message; an ended session signs out', async () => {
    waiting();
    const { m, currentUser } = await opened();
    ctx.once = [() => 'malformed'];
    await m.begin();
    expect(m.notice.value).toBe('The exam could not be started; try again.');
    currentUser.value = { id: 1 } as never;
    ctx.once = [() => refusal(401, 'unauthenticated', 'Sign in again.')];
    await m.begin();
    expect(currentUser.value).toBeNull();
    expect(m.notice.value).toBe('Sign in again.');
  });

  it('a closed attempt does not wait for Begin', async () => {
    ctx.server.attempt = summary({ begun: false, status: 'submitted' });
    const { m } = await opened();
    expect(m.awaitingBegin.value).toBe(false);
  });
});

describe('hand-in state', () => {
  it('idle, sending, done', async () => {
    const { m } = await opened();
    expect(m.handInState.value).toBe('idle');
    const done = m.handIn();
    expect(m.handInState.value).toBe('sending');
    await done;
    expect(m.handInState.value).toBe('done');
    expect(m.handInProblem.value).toBeNull();
  });

  it('without a network: waiting, tried again after 5, 10 and 20 seconds', async () => {
    const { m } = await opened();
    ctx.once = [() => 'offline', () => 'offline', () => refusal(502, 'bad_gateway', 'Proxy down.')];
    await m.handIn();
    expect(m.handInState.value).toBe('waiting');
    expect(m.handInProblem.value).toBeNull();
    expect(m.phase.value).toBe('ready');
    expect(m.connection.value).toBe('unreachable');
    expect(m.notice.value).toBe('Handing in is waiting for the connection; it will go through when the network returns. Keep this page open.');
    const at = (ms: number) => vi.advanceTimersByTimeAsync(ms).then(() => posts().length);
    expect(await at(4_999)).toBe(1);
    expect(await at(1)).toBe(2);
    expect(await at(9_999)).toBe(2);
    expect(await at(1)).toBe(3);
    expect(await at(19_999)).toBe(3);
    expect(await at(1)).toBe(4);
    expect(m.handInState.value).toBe('done');
    expect(m.phase.value).toBe('closed');
    expect(m.notice.value).toBeNull();
  });

  it('a fault in the page: waiting, with a plain message', async () => {
    const { m } = await opened();
    ctx.once = [() => 'malformed'];
    await m.handIn();
    expect(m.handInState.value).toBe('waiting');
    expect(m.notice.value).toBe('Handing in failed; try again.');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(m.handInState.value).toBe('done');
  });

  it('answers that cannot reach the server hold the hand-in back', async () => {
    const { m } = await opened();
    ctx.server.down = true;
    m.choose(1, 'A');
    await settle();
    await m.handIn();
    expect(posts()).toEqual([]);
    expect(m.handInState.value).toBe('waiting');
    expect(m.notice.value).toBe('Handing in is waiting for the connection; your last answers are not saved yet. Keep this page open.');
    ctx.server.down = false;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(requests().slice(-2)).toEqual(['PUT /api/attempts/a1/responses/1', 'POST /api/attempts/a1/submit']);
    expect(m.handInState.value).toBe('done');
  });

  it('the browser coming back online hands in at once', async () => {
    const { m } = await opened();
    ctx.once = [() => 'offline'];
    await m.handIn();
    dispatchEvent(new Event('online'));
    await settle();
    expect(posts()).toHaveLength(2);
    expect(m.handInState.value).toBe('done');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(posts()).toHaveLength(2); // the scheduled retry was called off
  });

  it('refused: failed, with the server’s reason, and not tried again by itself', async () => {
    const { m } = await opened();
    ctx.once = [() => refusal(409, 'not_allowed', 'This attempt cannot be handed in.')];
    await m.handIn();
    expect(m.handInState.value).toBe('failed');
    expect(m.handInProblem.value).toBe('This attempt cannot be handed in.');
    expect(m.notice.value).toBe('This attempt cannot be handed in.');
    expect(m.phase.value).toBe('ready');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(posts()).toHaveLength(1);
    // Pressed again: sending, the old reason gone.
    const again = m.handIn();
    expect(m.handInState.value).toBe('sending');
    expect(m.handInProblem.value).toBeNull();
    await again;
    expect(m.handInState.value).toBe('done');
  });

  it('time up with the hand-in waiting: the clock does not start another', async () => {
    ctx.server.remainingMs = 1_000;
    const { m } = await opened();
    ctx.once = [() => 'offline'];
    await vi.advanceTimersByTimeAsync(1_000);
    expect(m.timeUp.value).toBe(true);
    expect(m.handInState.value).toBe('waiting');
    await vi.advanceTimersByTimeAsync(4_000);
    expect(posts()).toHaveLength(1);
  });

  it('closed while sending the last answers: done, without submitting', async () => {
    const { m } = await opened();
    ctx.server.down = true;
    m.choose(1, 'A');
    await settle();
    ctx.server.down = false;
    ctx.server.attempt = { ...ctx.server.attempt, status: 'submitted', closedBy: 'time' };
    await m.handIn();
    expect(m.handInState.value).toBe('done');
    expect(posts()).toEqual([]);
  });
});

describe('closed by the clock', () => {
  it('is told as such when this page saw the attempt open', async () => {
    const { m } = await opened();
    expect(m.expired.value).toBe(false);
    ctx.server.attempt = { ...ctx.server.attempt, status: 'submitted', closedBy: 'time' };
    await m.load();
    expect(m.phase.value).toBe('closed');
    expect(m.expired.value).toBe(true);
  });

  it('is not, when the attempt was already closed on arrival', async () => {
    ctx.server.attempt = summary({ status: 'submitted', closedBy: 'time' });
    const { m } = await opened();
    expect(m.expired.value).toBe(false);
  });

  it('is not, when the candidate handed in', async () => {
    const { m } = await opened();
    await m.handIn();
    expect(m.expired.value).toBe(false);
  });
});

describe('the shared model', () => {
  it('stays alive while a hand-in waits for the network', async () => {
    const f = await fresh();
    const a = f.acquireAttempt('a1');
    await settle();
    ctx.once = [() => 'offline'];
    await a.handIn();
    f.releaseAttempt(a);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(f.acquireAttempt('a1')).toBe(a);
  });
});
