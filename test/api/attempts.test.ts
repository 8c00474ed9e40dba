import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { later, signUp, startApp, startAttempt, type TestApp } from './harness.ts';
import { attemptStore } from '../../server/routes/attempts/store.ts';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(async () => { await t.close(); });

/** The key of a slot, read straight from the database (the API must not give it away). */
const keyOf = (attemptId: string, slot: number) =>
  (t.db.$client
    .prepare(`select json_extract(v.content, '$.answer') as answer from slots s join item_versions v on v.item_id = s.item_id and v.version = s.version where s.attempt_id = ? and s.slot = ?`)
    .get(attemptId, slot) as { answer: string }).answer;
const wrongFor = (key: string) => (key === 'A' ? 'B' : 'A');

describe('assembling an attempt', () => {
  it('draws a 100-item exam as 15,15,6,18,15,7,2,10,5,7 with no item twice and a 120-minute clock', async () => {
    const u = await signUp(t);
    const body = await startAttempt(u, { mode: 'exam', seed: 11 });
    expect(body.blueprint.map((b: { count: number }) => b.count)).toEqual([15, 15, 6, 18, 15, 7, 2, 10, 5, 7]);
    expect(body.items).toHaveLength(100);
    expect(new Set(body.items.map((i: { itemId: string }) => i.itemId)).size).toBe(100);
    for (const area of body.blueprint) {
      expect(body.items.filter((i: { area: number }) => i.area === area.area)).toHaveLength(area.count);
    }
    expect(body.items.map((i: { slot: number }) => i.slot)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(body.attempt).toMatchObject({ mode: 'exam', status: 'open', length: 100 });
    expect(body.attempt.deadline - body.attempt.startedAt).toBe(120 * 60_000);
    expect(body.attempt.remainingMs).toBeGreaterThan(119 * 60_000);
  });

  it('never sends a key or rationale in exam mode before submission', async () => {
    const u = await signUp(t);
    const body = await startAttempt(u, { mode: 'exam', length: 20 });
    const read = await u.call('GET', `/api/attempts/${body.attempt.id}`);
    const saved = await u.call('PUT', `/api/attempts/${body.attempt.id}/responses/1`, { choice: 'A' });
    for (const text of [JSON.stringify(body), read.body, saved.body]) {
      expect(text).not.toMatch(/"answer"|"rationale"|"correct"/);
    }
    expect((await u.call('GET', `/api/attempts/${body.attempt.id}/report`)).statusCode).toBe(409);
  });

  it('is reproducible from its seed', async () => {
    const u = await signUp(t);
    const v = await signUp(t);
    const a = await startAttempt(u, { mode: 'exam', length: 30, seed: 99 });
    const b = await startAttempt(v, { mode: 'exam', length: 30, seed: 99 });
    expect(a.items.map((i: { itemId: string }) => i.itemId)).toEqual(b.items.map((i: { itemId: string }) => i.itemId));
  });

  it('puts the items a candidate has seen least first', async () => {
    const u = await signUp(t);
    const first = await startAttempt(u, { mode: 'tutor', areas: [7], length: 4 });
    const second = await startAttempt(u, { mode: 'tutor', areas: [7], length: 4 });
    const ids = (x: { items: { itemId: string }[] }) => x.items.map((i) => i.itemId);
    expect(ids(second).filter((id) => ids(first).includes(id))).toEqual([]);
  });

  it('limits the draw to chosen areas or codes, renormalising weights', async () => {
    const u = await signUp(t);
    const byArea = await startAttempt(u, { mode: 'tutor', areas: [1, 7], length: 17 });
    expect(byArea.blueprint).toEqual([{ area: 1, count: 15 }, { area: 7, count: 2 }]);
    const byCode = await startAttempt(u, { mode: 'tutor', codes: ['4A', '10B'], length: 5 });
    expect(new Set(byCode.items.map((i: { code: string }) => i.code))).toEqual(new Set(['4A', '10B']));
    expect(byCode.blueprint).toEqual([{ area: 4, count: 4 }, { area: 10, count: 1 }]);
  });

  it('answers 422 bank_shortfall naming the area when the bank cannot fill a quota', async () => {
    const u = await signUp(t);
    const res = await u.call('POST', '/api/attempts', { mode: 'exam', areas: [7], length: 50 });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: 'bank_shortfall', message: expect.stringContaining('area 7'), shortfalls: [{ area: 7, needed: 50 }] });
  });

  it('answers bad bodies with 400 JSON', async () => {
    const u = await signUp(t);
    for (const body of [{ mode: 'quiz' }, { length: 0 }, { areas: [42] }, { codes: ['11Z'] }, { extra: true }]) {
      const res = await u.call('POST', '/api/attempts', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json()).toEqual({ error: expect.any(String), message: expect.any(String) });
    }
    const a = await startAttempt(u, { mode: 'exam', length: 5 });
    const bad = await u.call('PUT', `/api/attempts/${a.attempt.id}/responses/1`, { choice: 'E' });
    expect(bad.statusCode).toBe(400);
    expect((await u.call('PUT', `/api/attempts/${a.attempt.id}/responses/6`, { choice: 'A' })).statusCode).toBe(404);
  });

  it('needs a signed-in caller', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/attempts', payload: { mode: 'exam' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('unauthenticated');
  });
});

describe('owning an attempt', () => {
  it('hides an attempt from everyone but its owner with 404', async () => {
    const owner = await signUp(t);
    const other = await signUp(t);
    const a = await startAttempt(owner, { mode: 'exam', length: 5 });
    const id = a.attempt.id;
    for (const [method, url, body] of [
      ['GET', `/api/attempts/${id}`],
      ['PUT', `/api/attempts/${id}/responses/1`, { choice: 'A' }],
      ['POST', `/api/attempts/${id}/submit`],
      ['GET', `/api/attempts/${id}/report`],
    ] as const) {
      const res = await other.call(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json()).toEqual({ error: 'not_found', message: `Attempt ${id} was not found.` });
    }
    expect((await other.call('GET', '/api/attempts')).json().attempts).toEqual([]);
    expect((await owner.call('GET', `/api/attempts/${id}`)).json().responses[0]).toEqual({ slot: 1, choice: null, flagged: false, guessed: false, savedAt: null });
  });
});

describe('responding and scoring', () => {
  it('saves responses and flags, then reports by category, area and code with every rationale', async () => {
    const u = await signUp(t);
    const a = await startAttempt(u, { mode: 'exam', length: 10, seed: 5 });
    const id = a.attempt.id;
    const right = [1, 2, 3, 4];
    for (const slot of right) expect((await u.call('PUT', `/api/attempts/${id}/responses/${slot}`, { choice: keyOf(id, slot) })).statusCode).toBe(200);
    const wrong = await u.call('PUT', `/api/attempts/${id}/responses/5`, { choice: wrongFor(keyOf(id, 5)), flagged: true });
    expect(wrong.json()).toMatchObject({ slot: 5, flagged: true, savedAt: expect.any(Number), remainingMs: expect.any(Number) });
    const flagOnly = await u.call('PUT', `/api/attempts/${id}/responses/3`, { flagged: true });
    expect(flagOnly.json()).toMatchObject({ slot: 3, choice: keyOf(id, 3), flagged: true });
    expect((await u.call('PUT', `/api/attempts/${id}/responses/3`, {})).statusCode).toBe(400);
    const cleared = await u.call('PUT', `/api/attempts/${id}/responses/4`, { choice: null });
    expect(cleared.json()).toMatchObject({ slot: 4, choice: null });

    const read = (await u.call('GET', `/api/attempts/${id}`)).json();
    expect(read.responses.filter((r: { choice: string | null }) => r.choice !== null)).toHaveLength(4);
    expect(read.responses[4]).toMatchObject({ flagged: true });

    const report = (await u.call('POST', `/api/attempts/${id}/submit`)).json();
    expect(report.score).toEqual({ correct: 3, total: 10, percent: 30 });
    expect(report.notice).toMatch(/not an official CETL score/);
    expect(report).toMatchObject({ length: 10, startedAt: a.attempt.startedAt, deadline: a.attempt.deadline, timeMultiplier: 1, submittedAt: expect.any(Number) });
    expect(report.areas.reduce((s: number, x: { total: number }) => s + x.total, 0)).toBe(10);
    expect(report.categories.reduce((s: number, x: { correct: number }) => s + x.correct, 0)).toBe(3);
    expect(report.codes.reduce((s: number, x: { total: number }) => s + x.total, 0)).toBe(10);
    expect(report.items).toHaveLength(10);
    for (const item of report.items) {
      expect(Object.keys(item.rationale)).toEqual(['A', 'B', 'C', 'D']);
      expect(item.answer).toBe(keyOf(id, item.slot));
    }
    expect(report.items[4]).toMatchObject({ slot: 5, correct: false, flagged: true });

    const again = await u.call('GET', `/api/attempts/${id}/report`);
    expect(again.json()).toEqual(report);
    const late = await u.call('PUT', `/api/attempts/${id}/responses/6`, { choice: 'A' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toBe('attempt_closed');
    const listed = (await u.call('GET', '/api/attempts')).json().attempts.find((x: { id: string }) => x.id === id);
    expect(listed).toMatchObject({ status: 'submitted', closedBy: 'candidate', score: { correct: 3, total: 10, percent: 30 }, answered: 4 });
  });

  it('in tutor mode returns the key and rationale for a slot once it is answered, and locks that answer', async () => {
    const u = await signUp(t);
    const a = await startAttempt(u, { mode: 'tutor', length: 5 });
    const id = a.attempt.id;
    expect(a.attempt.deadline).toBeNull();
    const flagOnly = await u.call('PUT', `/api/attempts/${id}/responses/2`, { choice: null, flagged: true });
    expect(flagOnly.json()).not.toHaveProperty('answer');
    const key = keyOf(id, 1);
    const res = (await u.call('PUT', `/api/attempts/${id}/responses/1`, { choice: wrongFor(key) })).json();
    expect(res).toMatchObject({ answer: key, correct: false, rationale: { A: expect.any(String), D: expect.any(String) } });
    const change = await u.call('PUT', `/api/attempts/${id}/responses/1`, { choice: key });
    expect(change.statusCode).toBe(409);
    expect(change.json().error).toBe('response_locked');
    expect((await u.call('PUT', `/api/attempts/${id}/responses/1`, { choice: wrongFor(key) })).statusCode).toBe(200);
    const partial = (await u.call('GET', `/api/attempts/${id}/report`)).json();
    expect(partial.items.map((i: { slot: number }) => i.slot)).toEqual([1]);
  });
});

describe('answers, counts and hand-ins, word for word', () => {
  it('marks a right tutor answer correct, counts answered slots in the view and the list, and hands in once', async () => {
    const u = await signUp(t);
    const a = await startAttempt(u, { mode: 'tutor', length: 3 });
    const id = a.attempt.id;
    const right = (await u.call('PUT', `/api/attempts/${id}/responses/1`, { choice: keyOf(id, 1) })).json();
    expect(right).toMatchObject({ answer: keyOf(id, 1), correct: true });
    await u.call('PUT', `/api/attempts/${id}/responses/2`, { choice: wrongFor(keyOf(id, 2)) });
    await u.call('PUT', `/api/attempts/${id}/responses/3`, { flagged: true });
    const view = (await u.call('GET', `/api/attempts/${id}`)).json();
    expect(view.attempt.answered).toBe(2);
    expect(view.responses.map((r: { correct?: boolean }) => r.correct)).toEqual([true, false, undefined]);
    const listed = (await u.call('GET', '/api/attempts')).json().attempts.find((x: { id: string }) => x.id === id);
    expect(listed.answered).toBe(2);

    const first = (await u.call('POST', `/api/attempts/${id}/submit`)).json();
    expect(first).toMatchObject({ status: 'submitted', closedBy: 'candidate', score: { correct: 1, total: 3 } });
    const cards = () => t.db.$client.prepare('select item_id, card, due from review_cards where user_id = ? order by item_id').all(u.user.id);
    const scheduled = cards();
    expect(scheduled).toHaveLength(2); // the wrong and the unanswered slot
    await later(t, 60_000, async () => {
      const again = (await u.call('POST', `/api/attempts/${id}/submit`)).json();
      expect(again.submittedAt).toBe(first.submittedAt);
      expect(again).toMatchObject({ status: 'submitted', closedBy: 'candidate', score: { correct: 1, total: 3 } });
      // A second hand-in is an answer, not a second review of the missed items.
      expect(cards()).toEqual(scheduled);
    });
  });

  it('shows the items and keys of an exam handed in before its Begin, like any handed-in attempt', async () => {
    const u = await signUp(t);
    const exam = await startAttempt(u, { mode: 'exam', length: 2, startClock: 'on_begin' });
    expect(exam.items).toEqual([]);
    await u.call('POST', `/api/attempts/${exam.attempt.id}/submit`);
    const view = (await u.call('GET', `/api/attempts/${exam.attempt.id}`)).json();
    expect(view.attempt.status).toBe('submitted');
    expect(view.items).toHaveLength(2);
    expect(view.responses.map((r: { answer?: string }) => r.answer)).toEqual([keyOf(exam.attempt.id, 1), keyOf(exam.attempt.id, 2)]);
  });

  it('names an unknown skill code, and says what is wrong with a closed, unbegun, locked or open attempt', async () => {
    const u = await signUp(t);
    const unknown = await u.call('POST', '/api/attempts', { mode: 'tutor', codes: ['4Z'] });
    expect(unknown.json()).toEqual({ error: 'unknown_code', message: '4Z is not a skill code; use 1A–10C as listed by GET /api/framework.' });
    const area = await u.call('POST', '/api/attempts', { mode: 'tutor', areas: [11] });
    expect(area.json()).toEqual({ error: 'unknown_area', message: 'Area 11 does not exist; areas are numbered 1–10.' });
    const exam = await startAttempt(u, { mode: 'exam', length: 2, startClock: 'on_begin' });
    const early = await u.call('PUT', `/api/attempts/${exam.attempt.id}/responses/1`, { choice: 'A' });
    expect(early.json()).toEqual({ error: 'attempt_not_begun', message: 'This exam has not begun: its clock starts with POST /api/attempts/:id/begin (the Begin button).' });
    await u.call('POST', `/api/attempts/${exam.attempt.id}/begin`);
    const open = await u.call('GET', `/api/attempts/${exam.attempt.id}/report`);
    expect(open.json()).toEqual({ error: 'attempt_open', message: 'The report is ready once the attempt is submitted or its time runs out.' });
    const missing = await u.call('PUT', `/api/attempts/${exam.attempt.id}/responses/3`, { choice: 'A' });
    expect(missing.json()).toEqual({ error: 'not_found', message: 'Slot 3 does not exist; this attempt has slots 1–2.' });
    await u.call('POST', `/api/attempts/${exam.attempt.id}/submit`);
    const late = await u.call('PUT', `/api/attempts/${exam.attempt.id}/responses/1`, { choice: 'A' });
    expect(late.json()).toEqual({ error: 'attempt_closed', message: 'This attempt is closed (submitted or out of time); open its report instead.' });
    const tutor = await startAttempt(u, { mode: 'tutor', length: 1 });
    await u.call('PUT', `/api/attempts/${tutor.attempt.id}/responses/1`, { choice: 'A' });
    const locked = await u.call('PUT', `/api/attempts/${tutor.attempt.id}/responses/1`, { choice: 'B' });
    expect(locked.json()).toEqual({ error: 'response_locked', message: 'This tutor-mode answer was already checked and its key shown; it cannot be changed.' });
  });
});

describe('the server owns time', () => {
  it('applies the time multiplier to every timed attempt', async () => {
    const u = await signUp(t);
    await u.call('PATCH', '/api/me', { timeMultiplier: 1.5 });
    const a = await startAttempt(u, { mode: 'exam', length: 10, minutes: 20 });
    expect(a.attempt.deadline - a.attempt.startedAt).toBe(30 * 60_000);
    expect(a.attempt.timeMultiplier).toBe(1.5);
  });

  it('accepts a response in the grace after the deadline, refuses it after, and closes the attempt when touched', async () => {
    const u = await signUp(t);
    const a = await startAttempt(u, { mode: 'exam', length: 5, minutes: 1 });
    const id = a.attempt.id;
    const base = t.clock.offset;
    try {
      t.clock.offset = base + 60_000 + 30_000 - 1_000;
      const inGrace = await u.call('PUT', `/api/attempts/${id}/responses/1`, { choice: keyOf(id, 1) });
      expect(inGrace.statusCode).toBe(200);
      expect(inGrace.json().remainingMs).toBe(0);
      t.clock.offset = base + 60_000 + 30_000 + 1_000;
      const late = await u.call('PUT', `/api/attempts/${id}/responses/2`, { choice: 'A' });
      expect(late.statusCode).toBe(409);
      expect(late.json().error).toBe('attempt_closed');
      const read = (await u.call('GET', `/api/attempts/${id}`)).json();
      expect(read.attempt).toMatchObject({ status: 'submitted', closedBy: 'time', remainingMs: 0, score: { correct: 1, total: 5 } });
      const report = (await u.call('GET', `/api/attempts/${id}/report`)).json();
      expect(report.score.correct).toBe(1);
      expect(report.closedBy).toBe('time');
    } finally {
      t.clock.offset = base;
    }
  });

  it('records a hand-in after the clock reached zero (inside the grace) as closed by time', async () => {
    const u = await signUp(t);
    const a = await startAttempt(u, { mode: 'exam', length: 3, minutes: 1 });
    const base = t.clock.offset;
    try {
      t.clock.offset = base + 60_000 + 5_000;
      const report = (await u.call('POST', `/api/attempts/${a.attempt.id}/submit`)).json();
      expect(report).toMatchObject({ status: 'submitted', closedBy: 'time' });
    } finally {
      t.clock.offset = base;
    }
  });

  it('closes overdue attempts in the periodic sweep without anyone touching them', async () => {
    const u = await signUp(t);
    const a = await startAttempt(u, { mode: 'exam', length: 3, minutes: 2 });
    const status = () => (t.db.$client.prepare('select status, closed_by from attempts where id = ?').get(a.attempt.id) as { status: string; closed_by: string | null });
    expect(attemptStore(t.db).sweepOverdue(t.app.framework, Date.now() + 60_000)).toBe(0);
    expect(status()).toEqual({ status: 'open', closed_by: null });
    expect(attemptStore(t.db).sweepOverdue(t.app.framework, Date.now() + 2 * 60_000 + 30_000 + 1_000)).toBeGreaterThanOrEqual(1);
    expect(status()).toEqual({ status: 'submitted', closed_by: 'time' });
  });
});

describe('progress across attempts', () => {
  it('lists recent finished attempts, newest first, with results by area, and only the caller’s', async () => {
    const u = await signUp(t);
    const other = await signUp(t);
    const first = await startAttempt(u, { mode: 'exam', length: 4, areas: [1, 2], seed: 1 });
    for (let slot = 1; slot <= 4; slot++) await u.call('PUT', `/api/attempts/${first.attempt.id}/responses/${slot}`, { choice: keyOf(first.attempt.id, slot) });
    await u.call('POST', `/api/attempts/${first.attempt.id}/submit`);
    const second = await startAttempt(u, { mode: 'exam', length: 3, areas: [4], seed: 2 });
    await u.call('POST', `/api/attempts/${second.attempt.id}/submit`);
    await startAttempt(u, { mode: 'exam', length: 2 }); // still open: not in progress
    const body = (await u.call('GET', '/api/progress')).json();
    expect(body.attempts.map((x: { id: string }) => x.id)).toEqual([second.attempt.id, first.attempt.id]);
    expect(body.attempts[0].areas).toEqual([{ area: 4, correct: 0, total: 3, percent: 0 }]);
    expect(body.attempts[1].areas).toEqual([{ area: 1, correct: 2, total: 2, percent: 100 }, { area: 2, correct: 2, total: 2, percent: 100 }]);
    expect((await other.call('GET', '/api/progress')).json()).toEqual({ attempts: [] });
  });
});

describe('what a start asks for, word for word', () => {
  it('gives a tutor drill 20 items unless told, and keeps the areas and codes asked for', async () => {
    const u = await signUp(t);
    const drill = await startAttempt(u, { mode: 'tutor' });
    expect(drill.attempt.length).toBe(20);
    expect(drill.items).toHaveLength(20);
    await startAttempt(u, { mode: 'tutor', length: 2, areas: [1, 7] });
    await startAttempt(u, { mode: 'tutor', length: 2, codes: ['4A'] });
    const filters = (await u.call('GET', '/api/me/export')).json().attempts.map((a: { filter: unknown }) => a.filter);
    expect(filters).toEqual([{}, { areas: [1, 7] }, { codes: ['4A'] }]);
  });

  it('refuses codes that lie outside the chosen areas', async () => {
    const u = await signUp(t);
    const res = await u.call('POST', '/api/attempts', { mode: 'tutor', areas: [2], codes: ['1A'] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'empty_selection', message: 'None of the chosen codes lies in the chosen areas; widen the selection.' });
  });

  it('names only the short area’s codes, with their counts, when chosen codes cannot fill it', async () => {
    const u = await signUp(t);
    // Area 7 (2%) holds 9 items, 2 each in 7A and 7B; with area 10 (7%) it gets 22 of 100 seats.
    const res = await u.call('POST', '/api/attempts', { mode: 'tutor', codes: ['7A', '7B', '10A'], length: 100 });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toBe('The bank has 4 items available for codes 7A (2) and 7B (2) and this attempt needs 22. Choose fewer questions or more codes.');
  });

  it('seats exactly the given items in their order, counted by area in area order, and says when none can be seated', async () => {
    const u = await signUp(t);
    // Seed 7 seats the area-7 item first: the retry's blueprint must still run 3, 7.
    const first = await startAttempt(u, { mode: 'tutor', areas: [3, 7], length: 4, seed: 7 });
    expect(first.items.map((i: { area: number }) => i.area)).toEqual([7, 3, 3, 3]);
    await u.call('POST', `/api/attempts/${first.attempt.id}/submit`);
    const retry = (await u.call('POST', `/api/attempts/${first.attempt.id}/retry`)).json();
    expect(retry.items.map((i: { itemId: string }) => i.itemId)).toEqual(first.items.map((i: { itemId: string }) => i.itemId));
    expect(retry.blueprint).toEqual([{ area: 3, count: 3 }, { area: 7, count: 1 }]);
    // A drill over all 9 items of area 7, then an exam that holds every one of them: nothing is left to retry.
    const v = await signUp(t);
    const whole = await startAttempt(v, { mode: 'tutor', areas: [7], length: 9 });
    await v.call('POST', `/api/attempts/${whole.attempt.id}/submit`);
    await startAttempt(v, { mode: 'exam', areas: [7], length: 9 });
    const none = await v.call('POST', `/api/attempts/${whole.attempt.id}/retry`);
    expect(none.statusCode).toBe(422);
    expect(none.json()).toEqual({ error: 'bank_shortfall', message: 'None of these items can be seated now (retired, or in an exam you have open).' });
  });
});
