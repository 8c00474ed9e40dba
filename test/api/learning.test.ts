// The learning engine over HTTP: cards from missed and guessed answers, the review queue, retrying
// exactly the missed items, practising the weakest codes, mastery and readiness, self-ratings,
// history — all of it the caller's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishAttempt, framework, frozenAt, keyOf, later, signIn, signUp, startApp, startAttempt, wrongOf, type TestApp } from './harness.ts';
import { fixtureBank } from '../fixtures/bank.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(() => t.close());

const DAY = 86_400_000;

/** A 6-item tutor drill in area 1: items 1–3 right (the third marked "I guessed"), 4–6 wrong. */
async function drilled() {
  const user = await signUp(t);
  const created = (await user.call('POST', '/api/attempts', { mode: 'tutor', areas: [1], length: 6, seed: 3 })).json();
  const items = created.items as { slot: number; itemId: string; code: string }[];
  for (const [i, item] of items.entries()) {
    const body = i < 3 ? { choice: keyOf(t, item.itemId), ...(i === 2 && { guessed: true }) } : { choice: wrongOf(t, item.itemId) };
    const saved = await user.call('PUT', `/api/attempts/${created.attempt.id}/responses/${item.slot}`, body);
    expect(saved.json().guessed).toBe(i === 2);
  }
  await user.call('POST', `/api/attempts/${created.attempt.id}/submit`);
  return { user, attemptId: created.attempt.id as string, items, missed: items.slice(3).map((i) => i.itemId), guessed: items[2].itemId };
}

describe('spaced review', () => {
  it('makes cards of the missed answers (due tomorrow) and the right guess (in 2 days), and starts a review of them', async () => {
    const first = await drilled();
    const { missed, guessed } = first;
    const status = (await first.user.call('GET', '/api/learning/reviews')).json();
    expect(status).toMatchObject({ cards: 4, dueToday: 0, examDate: null, daysToExam: null });
    expect((await first.user.call('POST', '/api/learning/reviews/start')).json()).toEqual({ error: 'nothing_due', message: 'No review is due today; come back tomorrow, or take a drill.' });
    t.clock.offset += 2 * DAY;
    const user = await signIn(t, first.user.credentials);
    expect((await user.call('GET', '/api/learning/reviews')).json().dueToday).toBe(4);
    const review = await user.call('POST', '/api/learning/reviews/start');
    expect(review.statusCode).toBe(201);
    expect(review.json().attempt.mode).toBe('tutor');
    expect(review.json().items.map((i: { itemId: string }) => i.itemId).sort()).toEqual([...missed, guessed].sort());
  });

  it('reschedules a card answered right in review to a later day, and says nothing is due', async () => {
    const first = await drilled();
    t.clock.offset += 2 * DAY;
    const user = await signIn(t, first.user.credentials);
    const review = (await user.call('POST', '/api/learning/reviews/start')).json();
    for (const item of review.items as { slot: number; itemId: string }[]) {
      await user.call('PUT', `/api/attempts/${review.attempt.id}/responses/${item.slot}`, { choice: keyOf(t, item.itemId) });
    }
    await user.call('POST', `/api/attempts/${review.attempt.id}/submit`);
    const status = (await user.call('GET', '/api/learning/reviews')).json();
    expect(status.dueToday).toBe(0);
    expect(status.nextDue).toBeGreaterThan(t.clock.now());
    expect((await user.call('POST', '/api/learning/reviews/start')).json()).toEqual({ error: 'nothing_due', message: 'No review is due today; come back tomorrow, or take a drill.' });
  });

  it('counts the days to the exam date', async () => {
    const user = await signUp(t);
    const examDate = Math.floor(t.clock.now() / DAY) * DAY + 10 * DAY;
    expect((await user.call('PATCH', '/api/me', { examDate })).json().user.examDate).toBe(examDate);
    expect((await user.call('GET', '/api/learning/reviews')).json()).toMatchObject({ examDate, daysToExam: 10 });
  });
});

describe('from a report', () => {
  it('retries exactly the missed items, in tutor mode', async () => {
    const { user, attemptId, missed } = await drilled();
    const retry = await user.call('POST', `/api/attempts/${attemptId}/retry`);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().attempt.mode).toBe('tutor');
    expect(retry.json().items.map((i: { itemId: string }) => i.itemId).sort()).toEqual([...missed].sort());
  });

  it('leaves out of a retry the missed items an open exam now holds, and counts the rest by area', async () => {
    // Area 7 has 9 items in the fixture bank: a drill misses all 9, then an exam seats 3 of them.
    const user = await signUp(t);
    const drillId = await finishAttempt(t, user, { areas: [7], length: 9 }, () => false);
    const exam = await startAttempt(user, { mode: 'exam', areas: [7], length: 3 });
    const held = new Set(exam.items.map((i: { itemId: string }) => i.itemId));
    const retry = (await user.call('POST', `/api/attempts/${drillId}/retry`)).json();
    const retried = retry.items.map((i: { itemId: string }) => i.itemId);
    expect(retried).toHaveLength(6);
    expect(retried.filter((id: string) => held.has(id))).toEqual([]);
    expect(retry.blueprint).toEqual([{ area: 7, count: 6 }]);
  });

  it('practises the weakest codes of the attempt', async () => {
    const { user, attemptId, items } = await drilled();
    const missedCodes = new Set(items.slice(3).map((i) => i.code));
    const practice = (await user.call('POST', `/api/attempts/${attemptId}/practice`)).json();
    expect(practice.items.length).toBeGreaterThan(0);
    expect(practice.items.every((i: { code: string }) => missedCodes.has(i.code))).toBe(true);
  });

  it('practises the three weakest codes, lowest share right first and ties in code order, 10 items', async () => {
    const user = await signUp(t);
    // 4D: both wrong; 4A, 4B, 4C: one right (the first seated), one wrong. The three weakest are 4D, then 4A and 4B.
    const seen = new Set<string>();
    const drillId = await finishAttempt(t, user, { codes: ['4A', '4B', '4C', '4D'], length: 8 }, (_, { code }) => {
      const first = !seen.has(code);
      seen.add(code);
      return first && code !== '4D';
    });
    const practice = (await user.call('POST', `/api/attempts/${drillId}/practice`)).json();
    expect(practice.items).toHaveLength(10);
    expect([...new Set(practice.items.map((i: { code: string }) => i.code))].sort()).toEqual(['4A', '4B', '4D']);
  });

  it('has nothing to retry or practise from an attempt answered all right', async () => {
    const user = await signUp(t);
    const drillId = await finishAttempt(t, user, { areas: [2], length: 2 }, () => true);
    expect((await user.call('POST', `/api/attempts/${drillId}/retry`)).json()).toEqual({ error: 'nothing_missed', message: 'Every item of this attempt was answered correctly; there is nothing to retry.' });
    expect((await user.call('POST', `/api/attempts/${drillId}/practice`)).json()).toEqual({ error: 'nothing_missed', message: 'Every item of this attempt was answered correctly; there is nothing to practise from it.' });
  });

  it('refuses an open attempt, and someone else’s attempt is not found', async () => {
    const { attemptId } = await drilled();
    const other = await signUp(t);
    expect((await other.call('POST', `/api/attempts/${attemptId}/retry`)).statusCode).toBe(404);
    const open = (await other.call('POST', '/api/attempts', { mode: 'tutor', length: 2 })).json();
    expect((await other.call('POST', `/api/attempts/${open.attempt.id}/retry`)).json()).toEqual({ error: 'attempt_open', message: 'Finish the attempt first; then practise what it showed.' });
  });
});

describe('mastery, readiness, self-ratings and history', () => {
  it('estimates area 1 from its 6 answers and leaves the others at the prior with a wide interval', async () => {
    const { user } = await drilled();
    const m = (await user.call('GET', '/api/learning/mastery')).json();
    const one = m.areas.find((a: { area: number }) => a.area === 1);
    expect(one).toMatchObject({ answered: 6, weight: 15 });
    expect(one.mean).toBeCloseTo(4 / 8, 2);
    const two = m.areas.find((a: { area: number }) => a.area === 2);
    expect(two).toMatchObject({ answered: 0, mean: 0.5 });
    expect(two.high - two.low).toBeGreaterThan(one.high - one.low);
    expect(m.readiness.answered).toBe(6);
    expect(m.readiness.low).toBeLessThan(m.readiness.expected);
    expect(m.readiness.high).toBeGreaterThan(m.readiness.expected);
  });

  it('keeps self-ratings and shows where they disagree with the measurement', async () => {
    const { user } = await drilled();
    const saved = await user.call('PUT', '/api/learning/self-ratings', { ratings: [{ area: 1, rating: 5 }, { area: 1, code: '1A', rating: 4 }] });
    expect(saved.statusCode).toBe(200);
    const one = saved.json().areas.find((a: { area: number }) => a.area === 1);
    expect(one.selfRating).toBe(5);
    expect(one.codes.find((c: { code: string }) => c.code === '1A').selfRating).toBe(4);
    // About half right (later answers weigh a touch more): measured 1 or 2 against a self-rating of 5.
    const [gap] = saved.json().disagreements;
    expect(gap).toEqual({ area: 1, selfRating: 5, measuredRating: gap.measuredRating, gap: 5 - gap.measuredRating });
    expect([1, 2]).toContain(gap.measuredRating);
    expect((await user.call('PUT', '/api/learning/self-ratings', { ratings: [{ area: 1, code: '2A', rating: 3 }] })).json().error).toBe('unknown_code');
    expect((await user.call('PUT', '/api/learning/self-ratings', { ratings: [{ area: 1, rating: 6 }] })).statusCode).toBe(400);
  });

  it('builds a weak-area drill', async () => {
    const { user } = await drilled();
    const drill = await user.call('POST', '/api/learning/weak-drill', { length: 12 });
    expect(drill.statusCode, drill.body).toBe(201);
    expect(drill.json().attempt).toMatchObject({ mode: 'tutor', length: 12 });
  });

  it('drills the weaker half of each area’s codes: 1F–1K of area 1 once 1A–1E are answered right; 4A–4C of untried area 4', async () => {
    const user = await signUp(t);
    const strong = ['1A', '1B', '1C', '1D', '1E'];
    await finishAttempt(t, user, { mode: 'tutor', areas: [1], length: 33 }, (_, item) => strong.includes(item.code));
    const drill = (await user.call('POST', '/api/learning/weak-drill', { length: 40 })).json();
    const codesOf = (area: number) => new Set((drill.items as { code: string }[]).map((i) => i.code).filter((c) => parseInt(c, 10) === area));
    expect(codesOf(1).size).toBeGreaterThan(0);
    expect([...codesOf(1)].every((c) => ['1F', '1G', '1H', '1I', '1J', '1K'].includes(c))).toBe(true);
    // Never answered: every code at the prior, so the first half in code order.
    expect(codesOf(4).size).toBeGreaterThan(0);
    expect([...codesOf(4)].every((c) => ['4A', '4B', '4C'].includes(c))).toBe(true);
  });

  it('draws from the whole area when its weaker codes hold too few items', async () => {
    // Area 4 with 2 items per code: its weaker half (4A–4C) holds 6, fewer than a 40-item drill gives it.
    const own = await startApp(fixtureBank(framework, (a) => (a === 4 ? 12 : 2 * framework.area.get(a)!.weight + 5)));
    try {
      const user = await signUp(own);
      const drill = await user.call('POST', '/api/learning/weak-drill', { length: 40 });
      expect(drill.statusCode, drill.body).toBe(201);
      const codes = (drill.json().items as { code: string }[]).map((i) => i.code);
      expect(codes).toHaveLength(40);
      expect(codes.filter((c) => c.startsWith('4')).length).toBeGreaterThan(6);
      expect(codes.some((c) => ['4D', '4E', '4F'].includes(c))).toBe(true);
    } finally {
      await own.close();
    }
  });

  it('counts only the area’s own answers in readiness: 6 right in area 1 lift its 15 seats, not the rest', async () => {
    const user = await signUp(t);
    await finishAttempt(t, user, { mode: 'tutor', areas: [1], length: 6 }, () => true);
    const { readiness } = (await user.call('GET', '/api/learning/mastery')).json();
    // Area 1 at 7/8 on 15 seats, the other 85 at the prior 1/2: 13.1 + 42.5.
    expect(readiness.expected).toBeGreaterThan(55);
    expect(readiness.expected).toBeLessThan(56);
  });

  it('dates the history: each point of the trend from the answers before it, the week’s minutes from the last 7 days', async () => {
    const user = await signUp(t);
    // Eight days ago: an exam of 4 answered wrong, over 20 minutes.
    await later(t, -8 * DAY, () => finishAttempt(t, user, { mode: 'exam', areas: [1], length: 4 }, () => false, 20 * 60_000));
    // Today: a drill of 4 answered right, over 12 minutes.
    await finishAttempt(t, user, { mode: 'tutor', areas: [1], length: 4 }, () => true, 12 * 60_000);
    const h = (await user.call('GET', '/api/learning/history')).json();
    expect(h.exams.map((e: { length: number; percent: number }) => [e.length, e.percent])).toEqual([[4, 0]]);
    expect(h.drills.map((e: { length: number; percent: number }) => [e.length, e.percent])).toEqual([[4, 100]]);
    expect(h.week).toEqual({ answered: 4, minutes: 12 });
    const areaOne = h.trend.map((p: { areas: { area: number; mean: number }[] }) => p.areas.find((a) => a.area === 1)!.mean);
    expect(areaOne).toHaveLength(2);
    expect(areaOne[0]).toBeLessThan(0.5);
    expect(areaOne[1]).toBeGreaterThan(areaOne[0]);
  });

  it('counts in each trend point the answers given up to its hand-in, that millisecond included', async () => {
    const user = await signUp(t);
    const at = t.clock.now();
    // Answers and hand-in in one millisecond.
    await frozenAt(t, at, () => finishAttempt(t, user, { mode: 'tutor', areas: [1], length: 4 }, () => true));
    const [point] = (await user.call('GET', '/api/learning/history')).json().trend;
    expect(point.at).toBe(at);
    expect(point.areas.find((a: { area: number }) => a.area === 1).mean).toBeGreaterThan(0.5);
  });

  it('keeps exams and drills apart in the history, with the week’s practice', async () => {
    const { user } = await drilled();
    const h = (await user.call('GET', '/api/learning/history')).json();
    expect(h.exams).toEqual([]);
    expect(h.drills).toEqual([expect.objectContaining({ length: 6, percent: 50 })]);
    expect(h.trend).toHaveLength(1);
    expect(h.week.answered).toBe(6);
    const other = await signUp(t);
    expect((await other.call('GET', '/api/learning/history')).json()).toMatchObject({ exams: [], drills: [], trend: [] });
  });
});
