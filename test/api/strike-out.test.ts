// Striking out options (saved with the response, independent of the choice) and the exam intro's
// clock (an attempt created with startClock 'on_begin' starts timing only at POST …/begin).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startApp, startAttempt, type Caller, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(async () => { await t.close(); });

const stored = (attemptId: string, slot: number) =>
  t.db.$client.prepare('select choice, flagged, guessed, struck from slots where attempt_id = ? and slot = ?').get(attemptId, slot) as {
    choice: string | null; flagged: number; guessed: number; struck: string;
  };
const put = (u: Caller, id: string, slot: number, body: object) => u.call('PUT', `/api/attempts/${id}/responses/${slot}`, body);
const responseOf = async (u: Caller, id: string, slot: number) =>
  (await u.call('GET', `/api/attempts/${id}`)).json().responses.find((r: { slot: number }) => r.slot === slot);

describe('striking out options', () => {
  it('strikes without choosing, keeps the strikes through later saves, and returns them in the attempt view', async () => {
    const u = await signUp(t);
    const { attempt } = await startAttempt(u, { mode: 'exam', length: 5 });
    const struck = await put(u, attempt.id, 2, { struck: 'AC' });
    expect(struck.statusCode).toBe(200);
    expect(struck.json()).toMatchObject({ slot: 2, choice: null, flagged: false, struck: 'AC' });
    expect(struck.body).not.toMatch(/"answer"|"rationale"|"correct"/);
    expect(stored(attempt.id, 2)).toEqual({ choice: null, flagged: 0, guessed: 0, struck: 'AC' });
    expect(await responseOf(u, attempt.id, 2)).toMatchObject({ slot: 2, choice: null, struck: 'AC' });

    // A choice (even of a struck option) and a flag leave the strikes as they were.
    expect((await put(u, attempt.id, 2, { choice: 'C', flagged: true })).json()).toMatchObject({ choice: 'C', flagged: true, struck: 'AC' });
    expect(stored(attempt.id, 2)).toEqual({ choice: 'C', flagged: 1, guessed: 0, struck: 'AC' });
    // Sending struck alone keeps the choice and the flag.
    expect((await put(u, attempt.id, 2, { struck: 'ABD' })).json()).toMatchObject({ choice: 'C', flagged: true, struck: 'ABD' });
    // An empty string strikes none; the view then leaves the field out.
    expect((await put(u, attempt.id, 2, { struck: '' })).json()).toMatchObject({ choice: 'C', struck: '' });
    expect(stored(attempt.id, 2).struck).toBe('');
    expect(await responseOf(u, attempt.id, 2)).not.toHaveProperty('struck');
    // Slots never struck have no field either.
    expect(await responseOf(u, attempt.id, 1)).not.toHaveProperty('struck');
  });

  it('refuses anything but letters of the item’s options, in order, each once, and changes nothing', async () => {
    const u = await signUp(t);
    const { attempt } = await startAttempt(u, { mode: 'exam', length: 3 });
    await put(u, attempt.id, 1, { struck: 'B' });
    for (const bad of ['CA', 'AA', 'E', 'a', 'ABCDE', 'A C', 'AB,', 3, { A: true }]) {
      const res = await put(u, attempt.id, 1, { struck: bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json()).toEqual({ error: expect.any(String), message: expect.any(String) });
    }
    expect(stored(attempt.id, 1)).toEqual({ choice: null, flagged: 0, guessed: 0, struck: 'B' });
    expect((await put(u, attempt.id, 1, { struck: 'ABCD' })).json().struck).toBe('ABCD');
  });

  it('works in tutor mode before and after the answer is checked, without unlocking it', async () => {
    const u = await signUp(t);
    const { attempt } = await startAttempt(u, { mode: 'tutor', length: 2 });
    expect((await put(u, attempt.id, 1, { struck: 'D' })).json()).toMatchObject({ choice: null, struck: 'D' });
    expect((await responseOf(u, attempt.id, 1)).answer).toBeUndefined();
    const checked = (await put(u, attempt.id, 1, { choice: 'A' })).json();
    expect(checked).toMatchObject({ choice: 'A', struck: 'D', answer: expect.stringMatching(/^[ABCD]$/) });
    expect((await put(u, attempt.id, 1, { struck: 'BD' })).json()).toMatchObject({ choice: 'A', struck: 'BD' });
    expect((await put(u, attempt.id, 1, { choice: 'B', struck: 'D' })).statusCode).toBe(409);
    expect(stored(attempt.id, 1)).toMatchObject({ choice: 'A', struck: 'BD' });
  });

  it('is refused once the attempt is closed, and to anyone but the owner', async () => {
    const u = await signUp(t);
    const stranger = await signUp(t);
    const { attempt } = await startAttempt(u, { mode: 'exam', length: 2 });
    expect((await put(stranger, attempt.id, 1, { struck: 'A' })).statusCode).toBe(404);
    await u.call('POST', `/api/attempts/${attempt.id}/submit`);
    const late = await put(u, attempt.id, 1, { struck: 'A' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toBe('attempt_closed');
    expect(stored(attempt.id, 1).struck).toBe('');
  });
});

describe('an exam that begins after its intro screen', () => {
  it('waits with no deadline, refuses answers, and starts the full time at Begin', async () => {
    const u = await signUp(t);
    t.db.$client.prepare('update users set time_multiplier = 1.5 where id = ?').run((u.user as { id: number }).id);
    const created = await startAttempt(u, { mode: 'exam', length: 10, startClock: 'on_begin' });
    expect(created.attempt).toMatchObject({ status: 'open', begun: false, deadline: null, remainingMs: null, minutes: 12, timeMultiplier: 1.5 });
    const id = created.attempt.id;
    const refused = await put(u, id, 1, { choice: 'A' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('attempt_not_begun');
    expect(stored(id, 1).choice).toBeNull();

    // Reading the intro for half an hour costs nothing: no sweep closes it, no time is lost.
    const base = t.clock.offset;
    try {
      t.clock.offset = base + 30 * 60_000;
      expect((await u.call('GET', `/api/attempts/${id}`)).json().attempt).toMatchObject({ status: 'open', begun: false, remainingMs: null });
      const begun = await u.call('POST', `/api/attempts/${id}/begin`);
      expect(begun.statusCode).toBe(200);
      const { attempt } = begun.json();
      expect(attempt).toMatchObject({ begun: true, status: 'open', remainingMs: 18 * 60_000 });
      expect(attempt.deadline - attempt.startedAt).toBe(18 * 60_000); // 12 minutes × 1.5
      expect(Math.abs(attempt.startedAt - t.clock.now())).toBeLessThan(1_000);
      expect(begun.json().responses).toHaveLength(10);
      expect(begun.body).not.toMatch(/"answer"|"rationale"/);

      // A second Begin (another tab, a retry) keeps the first start.
      t.clock.offset += 60_000;
      const again = (await u.call('POST', `/api/attempts/${id}/begin`)).json().attempt;
      expect(again.deadline).toBe(attempt.deadline);
      expect(17 * 60_000 - again.remainingMs).toBeGreaterThanOrEqual(0);
      expect(17 * 60_000 - again.remainingMs).toBeLessThan(2_000);
      expect((await put(u, id, 1, { choice: 'A', struck: 'B' })).statusCode).toBe(200);
    } finally {
      t.clock.offset = base;
    }
  });

  it('keeps the questions on the server until Begin, and drops an exam left on its intro when another starts', async () => {
    const u = await signUp(t);
    const left = await startAttempt(u, { mode: 'exam', length: 5, startClock: 'on_begin' });
    expect(left.items).toEqual([]);
    expect((await u.call('GET', `/api/attempts/${left.attempt.id}`)).json().items).toEqual([]);
    const seated = (t.db.$client.prepare('select item_id from slots where attempt_id = ?').pluck().all(left.attempt.id)) as string[];
    expect(seated).toHaveLength(5);
    const seen = t.db.$client.prepare('select coalesce(sum(seen), 0) from exposures where user_id = ?').pluck();
    const userId = (u.user as { id: number }).id;
    expect(seen.get(userId)).toBe(5);

    // Any new attempt: the intro left behind is gone and no longer holds its items back.
    const drill = await startAttempt(u, { mode: 'tutor', length: 2 });
    expect(drill.items).toHaveLength(2);
    expect((await u.call('GET', `/api/attempts/${left.attempt.id}`)).statusCode).toBe(404);
    expect(t.db.$client.prepare('select count(*) from slots where attempt_id = ?').pluck().get(left.attempt.id)).toBe(0);
    expect(t.db.$client.prepare("select count(*) from attempts where user_id = ? and status = 'open' and mode = 'exam'").pluck().get(userId)).toBe(0);
    // Only the drill's 2 items count as seen: the exam that never began showed nothing.
    expect(seen.get(userId)).toBe(2);
  });

  it('starts at once by default, has nothing to begin when untimed, and may be handed in unbegun', async () => {
    const u = await signUp(t);
    const now = await startAttempt(u, { mode: 'exam', length: 4 });
    expect(now.attempt).toMatchObject({ begun: true, minutes: 5 });
    expect(now.attempt.remainingMs).toBeGreaterThan(4 * 60_000);
    const before = now.attempt.deadline;
    expect((await u.call('POST', `/api/attempts/${now.attempt.id}/begin`)).json().attempt.deadline).toBe(before);

    const tutor = await startAttempt(u, { mode: 'tutor', length: 2, startClock: 'on_begin' });
    expect(tutor.attempt).toMatchObject({ begun: true, deadline: null, minutes: null });

    const waiting = await startAttempt(u, { mode: 'exam', length: 3, startClock: 'on_begin' });
    const report = await u.call('POST', `/api/attempts/${waiting.attempt.id}/submit`);
    expect(report.statusCode).toBe(200);
    expect(report.json()).toMatchObject({ status: 'submitted', closedBy: 'candidate' });
    // Closed: Begin changes nothing and says so through the status.
    const closed = (await u.call('POST', `/api/attempts/${waiting.attempt.id}/begin`)).json().attempt;
    expect(closed).toMatchObject({ status: 'submitted', deadline: null });
  });

  it('refuses an unknown startClock and someone else’s attempt', async () => {
    const u = await signUp(t);
    const stranger = await signUp(t);
    expect((await u.call('POST', '/api/attempts', { mode: 'exam', length: 2, startClock: 'later' })).statusCode).toBe(400);
    const { attempt } = await startAttempt(u, { mode: 'exam', length: 2, startClock: 'on_begin' });
    expect((await stranger.call('POST', `/api/attempts/${attempt.id}/begin`)).statusCode).toBe(404);
    expect((await u.call('GET', `/api/attempts/${attempt.id}`)).json().attempt.begun).toBe(false);
  });
});
