// Part II over HTTP: writing to a prompt with revisioned saves, the server's clock and grace, the
// size limits, hand-in with the automated reading, self-scores and the exemplar, review links
// with calibration — and who may see what (everyone but the writer and link holders gets 404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishAttempt, frozenAt, handedIn, signUp, startApp, startAttempt, wrongOf, type Caller, type TestApp } from './harness.ts';
import { sweepOverdueEssays } from '../../server/routes/essays/close.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(() => t.close());

const MINUTE = 60_000;
const LEVELS = { understanding: 3, strategy: 3, audience: 3, accuracy: 3, organisation: 3 };

async function startEssay(writer: Caller, body: object = { promptId: 'P01-01' }) {
  const res = await writer.call('POST', '/api/essays', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; deadline: number | null; startedAt: number; prompt: { id: string; area: number } };
}

describe('the prompt catalogue', () => {
  it('lists prompts and shows one without its key points, exemplar or anchors', async () => {
    const writer = await signUp(t);
    const list = await writer.call('GET', '/api/part2/prompts');
    expect(list.statusCode).toBe(200);
    expect(list.json().prompts.length).toBeGreaterThanOrEqual(30);
    const one = await writer.call('GET', '/api/part2/prompts/P01-01');
    expect(one.json()).toMatchObject({ id: 'P01-01', area: 1, audience: 'board', minutes: 30 });
    const source = t.app.part2.promptById.get('P01-01')!;
    for (const body of [list.body, one.body]) {
      expect(body).not.toContain('exemplar');
      expect(body).not.toContain('keyPoints');
      expect(body).not.toContain(source.exemplar.slice(0, 60));
      expect(body).not.toContain(source.anchors[0].text.slice(0, 60));
    }
    expect((await writer.call('GET', '/api/part2/prompts/P99-99')).statusCode).toBe(404);
    expect((await t.app.inject('/api/part2/prompts')).statusCode).toBe(401);
  });

  it('serves the rubric with four levels per criterion and its version', async () => {
    const writer = await signUp(t);
    const rubric = (await writer.call('GET', '/api/part2/rubric')).json();
    expect(rubric.version).toMatch(/^[0-9a-f]{16}$/);
    expect(rubric.levels.map((l: { level: number; name: string }) => `${l.level} ${l.name}`)).toEqual(['4 Highly Effective', '3 Effective', '2 Improvement Necessary', '1 Ineffective']);
    expect(rubric.criteria.length).toBeGreaterThanOrEqual(4);
  });
});

describe('writing', () => {
  it('times a timed essay by the prompt (30 minutes), stretched by the accommodation', async () => {
    const writer = await signUp(t);
    const essay = await startEssay(writer);
    expect(essay.deadline! - essay.startedAt).toBe(30 * MINUTE);
    await writer.call('PATCH', '/api/me', { timeMultiplier: 1.5 });
    const longer = await startEssay(writer);
    expect(longer.deadline! - longer.startedAt).toBe(45 * MINUTE);
    const practice = await startEssay(writer, { promptId: 'P01-01', mode: 'practice' });
    expect(practice.deadline).toBeNull();
  });

  it('keeps the newest revision: an older save changes nothing', async () => {
    const writer = await signUp(t);
    const { id } = await startEssay(writer);
    expect((await writer.call('PUT', `/api/essays/${id}/text`, { text: 'first words', revision: 1 })).json()).toMatchObject({ revision: 1, stale: false, words: 2 });
    expect((await writer.call('PUT', `/api/essays/${id}/text`, { text: 'newer three words', revision: 3 })).json()).toMatchObject({ revision: 3, stale: false });
    const late = await writer.call('PUT', `/api/essays/${id}/text`, { text: 'an older save arriving late', revision: 2 });
    expect(late.statusCode).toBe(200);
    expect(late.json()).toMatchObject({ revision: 3, stale: true, words: 3 });
    const same = await writer.call('PUT', `/api/essays/${id}/text`, { text: 'same revision again', revision: 3 });
    expect(same.json().stale).toBe(true);
    expect((await writer.call('GET', `/api/essays/${id}`)).json()).toMatchObject({ text: 'newer three words', revision: 3, words: 3, status: 'open' });
  });

  it('refuses text over 100 KB (413) or 10,000 words (400) and keeps what was saved', async () => {
    const writer = await signUp(t);
    const { id } = await startEssay(writer);
    await writer.call('PUT', `/api/essays/${id}/text`, { text: 'kept text', revision: 1 });
    const big = await writer.call('PUT', `/api/essays/${id}/text`, { text: 'x'.repeat(100_001), revision: 2 });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ error: 'essay_too_large' });
    expect(big.json().message).toMatch(/100 KB/);
    const long = await writer.call('PUT', `/api/essays/${id}/text`, { text: 'w '.repeat(10_001), revision: 3 });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ error: 'essay_too_long' });
    const huge = await writer.call('PUT', `/api/essays/${id}/text`, { text: 'y'.repeat(600_000), revision: 4 });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toBeTruthy();
    expect((await writer.call('GET', `/api/essays/${id}`)).json()).toMatchObject({ text: 'kept text', revision: 1 });
  });

  it('takes saves until 30 seconds past the deadline, then hands in the last saved text (cause: time)', async () => {
    const writer = await signUp(t);
    const { id } = await startEssay(writer);
    const base = t.clock.offset;
    try {
      await writer.call('PUT', `/api/essays/${id}/text`, { text: 'I recommend a pilot program this fall.', revision: 1 });
      t.clock.offset = base + 30 * MINUTE + 29_000;
      expect((await writer.call('PUT', `/api/essays/${id}/text`, { text: 'I recommend a pilot program this fall. Then we measure.', revision: 2 })).statusCode).toBe(200);
      t.clock.offset = base + 30 * MINUTE + 31_000;
      const refused = await writer.call('PUT', `/api/essays/${id}/text`, { text: 'too late', revision: 3 });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toEqual({ error: 'essay_closed', message: 'This essay has been handed in (or its time ran out); open it to see the reading and scores.' });
      const essay = (await writer.call('GET', `/api/essays/${id}`)).json();
      expect(essay).toMatchObject({ status: 'submitted', closedBy: 'time', text: 'I recommend a pilot program this fall. Then we measure.' });
      expect(essay.reading.words).toBe(10);
    } finally {
      t.clock.offset = base;
    }
  });

  it("names a hand-in's cause by the deadline: the writer's a millisecond before it, time's from it on", async () => {
    const causeAt = async (ms: number) => {
      const writer = await signUp(t);
      const essay = await startEssay(writer);
      return frozenAt(t, essay.deadline! + ms, async () => (await writer.call('POST', `/api/essays/${essay.id}/submit`)).json().closedBy);
    };
    expect(await causeAt(-1)).toBe('candidate');
    expect(await causeAt(0)).toBe('time');
  });

  it('the minute sweep hands in essays past deadline and grace, and only those', async () => {
    const writer = await signUp(t);
    const late = await startEssay(writer);
    const practice = await startEssay(writer, { promptId: 'P01-01', mode: 'practice' });
    await writer.call('PUT', `/api/essays/${late.id}/text`, { text: 'Saved before time ran out.', revision: 1 });
    const status = (id: string) => t.db.$client.prepare('select status, closed_by as closedBy from essays where id = ?').get(id);
    const sweepAt = (ms: number) => sweepOverdueEssays(t.db, t.app.part2, late.deadline! + ms);
    // Other tests' essays share this database, so only this writer's essays are looked at.
    sweepAt(30_000);
    expect(status(late.id)).toEqual({ status: 'open', closedBy: null });
    expect(sweepAt(30_001)).toBeGreaterThanOrEqual(1);
    expect(status(late.id)).toEqual({ status: 'submitted', closedBy: 'time' });
    expect(status(practice.id)).toEqual({ status: 'open', closedBy: null });
    const auto = t.db.$client.prepare("select count(*) from essay_scores where essay_id = ? and source = 'auto'").pluck().get(late.id);
    expect(auto).toBe(1);
  });

  it('hands in an empty essay with a reading that says there is nothing to read', async () => {
    const writer = await signUp(t);
    const { id } = await startEssay(writer);
    const res = await writer.call('POST', `/api/essays/${id}/submit`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', closedBy: 'candidate' });
    expect(res.json().reading.empty).toBe(true);
    expect(res.json().reading.criteria.every((c: { level: number | null }) => c.level === null)).toBe(true);
  });

  it('picks a prompt for "my weakest area", and wants a prompt or a pick but not both', async () => {
    const writer = await signUp(t);
    const picked = await startEssay(writer, { pick: 'weakest' });
    expect(picked.prompt.id).toMatch(/^P\d{2}-\d{2}$/);
    // Handed-in attempts decide: area 4 all wrong, area 1 all right; an open exam answered wrong in area 2 does not count.
    await finishAttempt(t, writer, { areas: [4], length: 2 }, () => false);
    await finishAttempt(t, writer, { areas: [1], length: 2 }, () => true);
    const open = await startAttempt(writer, { mode: 'exam', areas: [2], length: 1 });
    await writer.call('PUT', `/api/attempts/${open.attempt.id}/responses/1`, { choice: wrongOf(t, open.items[0].itemId) });
    expect((await startEssay(writer, { pick: 'weakest' })).prompt.area).toBe(4);
    expect((await writer.call('POST', '/api/essays', { pick: 'weakest', promptId: 'P01-01' })).statusCode).toBe(400);
    expect((await writer.call('POST', '/api/essays', {})).json()).toEqual({ error: 'choose_prompt', message: 'Send either promptId (see GET /api/part2/prompts) or pick: "weakest", not both or neither.' });
    expect((await writer.call('POST', '/api/essays', { promptId: 'P99-01' })).json()).toEqual({ error: 'unknown_prompt', message: 'P99-01 is not a Part II prompt; GET /api/part2/prompts lists them.' });
  });
});

describe('after hand-in', () => {
  it('reads the essay, quoting the writer’s own sentences, and suggests no level for accuracy', async () => {
    const writer = await signUp(t);
    const exemplar = t.app.part2.promptById.get('P01-01')!.exemplar;
    const id = await handedIn(writer, exemplar);
    const essay = (await writer.call('GET', `/api/essays/${id}`)).json();
    expect(essay.reading.empty).toBe(false);
    expect(essay.reading.keyPoints.every((k: { covered: boolean }) => k.covered)).toBe(true);
    const evidence = essay.reading.keyPoints[0].evidence[0];
    expect(exemplar).toContain(essay.text.slice(evidence.start, evidence.end));
    expect(essay.text.slice(evidence.start, evidence.end).length).toBeGreaterThan(20);
    expect(essay.reading.criteria.map((c: { criterion: string }) => c.criterion)).not.toContain('accuracy');
    const auto = essay.scores.find((s: { source: string }) => s.source === 'auto');
    expect(auto.rubricVersion).toBe(t.app.part2.rubric.version);
    expect(auto.levels.accuracy).toBeUndefined();
    // The automated reading suggests levels; it gives no total.
    expect(auto.total).toBeNull();
    // The automated score carries the four levels the reading suggests, as the reading gave them.
    const suggested = essay.reading.criteria.map((c: { criterion: string; level: number }) => [c.criterion, c.level]);
    expect(suggested.map(([c]: [string]) => c).sort()).toEqual(['audience', 'organisation', 'strategy', 'understanding']);
    expect(auto.levels).toEqual(Object.fromEntries(suggested));
    expect(Object.values(auto.levels).every((l) => l === 1 || l === 2 || l === 3 || l === 4)).toBe(true);
  });

  it('records no automated level for an essay handed in empty', async () => {
    const writer = await signUp(t);
    const essay = await startEssay(writer);
    // The rubric is shown with the reading, once the essay is handed in.
    expect((await writer.call('GET', `/api/essays/${essay.id}`)).json().rubric).toBeNull();
    const handed = (await writer.call('POST', `/api/essays/${essay.id}/submit`)).json();
    expect(handed.closedBy).toBe('candidate');
    expect(handed.rubric.criteria).toHaveLength(5);
    expect(handed.reading.empty).toBe(true);
    expect(handed.scores.find((s: { source: string }) => s.source === 'auto').levels).toEqual({});
  });

  it('shows the exemplar only after the writer scores themselves; a revised score follows, then no more', async () => {
    const writer = await signUp(t);
    const id = await handedIn(writer, 'I recommend a pilot.');
    const before = (await writer.call('GET', `/api/essays/${id}`)).json();
    const source = t.app.part2.promptById.get('P01-01')!;
    expect(before.exemplar).toBeNull();
    expect(JSON.stringify(before)).not.toContain(source.exemplar.slice(0, 60));
    // The reading counts key points but does not say what they are until the self-score.
    expect(before.reading.keyPoints.map((k: { point: string }) => k.point)).toEqual(source.keyPoints.map((_, i) => `Key point ${i + 1}`));
    for (const k of source.keyPoints) expect(JSON.stringify(before)).not.toContain(k.point);
    const first = await writer.call('POST', `/api/essays/${id}/scores`, { levels: LEVELS });
    expect(first.statusCode).toBe(201);
    expect(first.json().exemplar.text).toBe(source.exemplar);
    expect(first.json().reading.keyPoints.map((k: { point: string }) => k.point)).toEqual(source.keyPoints.map((k) => k.point));
    const revised = await writer.call('POST', `/api/essays/${id}/scores`, { levels: { ...LEVELS, strategy: 2 }, comments: { strategy: 'no owners' } });
    expect(revised.statusCode).toBe(201);
    expect(revised.json().scores.filter((s: { source: string }) => s.source !== 'auto').map((s: { source: string; total: number }) => [s.source, s.total])).toEqual([['self', 15], ['self_revised', 14]]);
    expect((await writer.call('POST', `/api/essays/${id}/scores`, { levels: LEVELS })).json()).toEqual({ error: 'already_scored', message: 'You have given your score and your revised score for this essay; both are kept.' });
  });

  it('refuses a score that names a criterion or level the rubric lacks, or misses one', async () => {
    const writer = await signUp(t);
    const id = await handedIn(writer, 'Text.');
    for (const levels of [{ ...LEVELS, accuracy: 5 }, { ...LEVELS, tone: 2 }, { understanding: 3 }]) {
      const res = await writer.call('POST', `/api/essays/${id}/scores`, { levels });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('invalid_score');
    }
  });

  it('keeps scoring and sharing for handed-in essays', async () => {
    const writer = await signUp(t);
    const { id } = await startEssay(writer);
    expect((await writer.call('POST', `/api/essays/${id}/scores`, { levels: LEVELS })).json()).toEqual({ error: 'essay_open', message: 'Hand the essay in first; then score it against the rubric.' });
    expect((await writer.call('POST', `/api/essays/${id}/shares`)).json()).toEqual({ error: 'essay_open', message: 'Hand the essay in before asking others to review it.' });
  });

  it('lists the writer’s essays with the levels each kind of reader gave', async () => {
    const writer = await signUp(t);
    const id = await handedIn(writer, 'I recommend a pilot.');
    await writer.call('POST', `/api/essays/${id}/scores`, { levels: LEVELS });
    const list = (await writer.call('GET', '/api/essays')).json().essays;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id, promptId: 'P01-01', status: 'submitted', words: 4, levels: { self: LEVELS } });
  });
});

describe('review links and calibration', () => {
  it('a reader scores an anchor blind, sees the gap, then scores the essay once; the writer sees it with the gap', async () => {
    const writer = await signUp(t, { name: 'Wren Writer' });
    const reader = await signUp(t, { name: 'Rey Reader' });
    const id = await handedIn(writer, 'I recommend a pilot program in two schools.');
    const share = (await writer.call('POST', `/api/essays/${id}/shares`)).json();
    expect(share.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(share.path).toBe(`/review/${share.token}`);

    const first = (await reader.call('GET', `/api/essays/shared/${share.token}`)).json();
    expect(first.calibration.needed).toBe(true);
    expect(first.essay).toBeNull();
    expect(first.writer).toBe('Wren Writer');
    const anchors = t.app.part2.promptById.get('P01-01')!.anchors;
    const anchor = anchors.find((a) => a.text === first.calibration.anchorText)!;
    expect(anchor).toBeDefined();
    // The reference is withheld until the reader has scored blind.
    expect(JSON.stringify(first)).not.toContain(anchor.why.strategy);

    expect((await reader.call('POST', `/api/essays/shared/${share.token}/scores`, { levels: LEVELS })).json()).toEqual({ error: 'calibrate_first', message: 'Score the anchor answer first (POST …/calibration); then score this essay.' });
    const calibrated = await reader.call('POST', `/api/essays/shared/${share.token}/calibration`, { levels: LEVELS });
    expect(calibrated.statusCode).toBe(201);
    const expectedGap = Object.keys(LEVELS).reduce((s, c) => s + Math.abs(3 - anchor.scores[c]), 0) / 5;
    expect(calibrated.json().calibration).toMatchObject({ needed: false, gap: expectedGap, given: LEVELS, reference: anchor.scores });
    expect(calibrated.json().essay.text).toBe('I recommend a pilot program in two schools.');
    expect((await reader.call('POST', `/api/essays/shared/${share.token}/calibration`, { levels: LEVELS })).json()).toEqual({ error: 'already_calibrated', message: 'You have calibrated on this prompt already; your first calibration stands.' });

    const scored = await reader.call('POST', `/api/essays/shared/${share.token}/scores`, { levels: { ...LEVELS, audience: 4 }, comments: { audience: 'clear' } });
    expect(scored.statusCode).toBe(201);
    expect(scored.json().myScore).toMatchObject({ source: 'peer', total: 16 });
    expect((await reader.call('POST', `/api/essays/shared/${share.token}/scores`, { levels: LEVELS })).json()).toEqual({ error: 'already_scored', message: 'You have scored this essay already; one score per reader.' });

    // A second reader's own score is theirs alone: none yet, though Rey's is there.
    const second = await signUp(t);
    expect((await second.call('GET', `/api/essays/shared/${share.token}`)).json().myScore).toBeNull();
    const peer = (await writer.call('GET', `/api/essays/${id}`)).json().scores.find((s: { source: string }) => s.source === 'peer');
    expect(peer).toMatchObject({ reader: 'Rey Reader', total: 16, calibrationGap: expectedGap, comments: { audience: 'clear' } });
  });

  it('a prompt without anchor answers needs no calibration: the reader scores at once, and calibrating is refused', async () => {
    const writer = await signUp(t);
    const reader = await signUp(t);
    const bare = t.app.part2.prompts.find((p) => p.anchors.length === 0)!;
    const id = await handedIn(writer, 'A plan in brief.', { promptId: bare.id });
    const { token } = (await writer.call('POST', `/api/essays/${id}/shares`)).json();
    const view = (await reader.call('GET', `/api/essays/shared/${token}`)).json();
    expect(view.calibration).toEqual({ needed: false, anchorText: null, gap: null, given: null, reference: null, why: null });
    expect(view.essay.text).toBe('A plan in brief.');
    expect(view.myScore).toBeNull();
    expect((await reader.call('POST', `/api/essays/shared/${token}/calibration`, { levels: { ...LEVELS, accuracy: 5 } })).json()).toMatchObject({ error: 'invalid_score' });
    expect((await reader.call('POST', `/api/essays/shared/${token}/calibration`, { levels: LEVELS })).json()).toEqual({ error: 'no_anchor', message: 'This prompt has no anchor answers to calibrate on; score the essay directly.' });
    expect((await reader.call('POST', `/api/essays/shared/${token}/scores`, { levels: { understanding: 3 } })).json()).toMatchObject({ error: 'invalid_score' });
    const scored = await reader.call('POST', `/api/essays/shared/${token}/scores`, { levels: LEVELS });
    expect(scored.statusCode).toBe(201);
    expect(scored.json().myScore).toMatchObject({ source: 'peer', total: 15 });
  });

  it('a revoked or unknown link is 404; the writer cannot review their own essay; signed-out readers get 401', async () => {
    const writer = await signUp(t);
    const reader = await signUp(t);
    const id = await handedIn(writer, 'Text to share.');
    const share = (await writer.call('POST', `/api/essays/${id}/shares`)).json();
    expect((await writer.call('GET', `/api/essays/shared/${share.token}`)).json()).toEqual({ error: 'own_essay', message: 'This is your own essay; share the link with someone else to get a review.' });
    expect((await t.app.inject(`/api/essays/shared/${share.token}`)).statusCode).toBe(401);
    expect((await writer.call('DELETE', `/api/essays/${id}/shares/${share.id}`)).statusCode).toBe(204);
    const gone = { error: 'not_found', message: 'This review link was not found.' };
    expect((await reader.call('GET', `/api/essays/shared/${share.token}`)).json()).toEqual(gone);
    expect((await writer.call('DELETE', `/api/essays/${id}/shares/${share.id}`)).json()).toEqual(gone);
    expect((await reader.call('GET', `/api/essays/shared/${'A'.repeat(32)}`)).statusCode).toBe(404);
    const shares = (await writer.call('GET', `/api/essays/${id}`)).json().shares;
    expect(shares).toEqual([{ id: share.id, createdAt: expect.any(Number), revokedAt: expect.any(Number) }]);
  });
});

describe('access', () => {
  it('everyone but the writer gets 404 on every essay route; signed out gets 401', async () => {
    const writer = await signUp(t);
    const other = await signUp(t);
    const id = await handedIn(writer, 'Private words.');
    const share = (await writer.call('POST', `/api/essays/${id}/shares`)).json();
    const calls: [Parameters<Caller['call']>[0], string, object?][] = [
      ['GET', `/api/essays/${id}`],
      ['PUT', `/api/essays/${id}/text`, { text: 'overwrite', revision: 99 }],
      ['POST', `/api/essays/${id}/submit`],
      ['POST', `/api/essays/${id}/scores`, { levels: LEVELS }],
      ['POST', `/api/essays/${id}/shares`],
      ['DELETE', `/api/essays/${id}/shares/${share.id}`],
    ];
    for (const [method, url, body] of calls) {
      const res = await other.call(method, url, body);
      expect(res.json(), `${method} ${url}`).toEqual({ error: 'not_found', message: 'This essay was not found.' });
      const anonymous = await t.app.inject({ method, url, payload: body ?? {} });
      expect(anonymous.statusCode, `${method} ${url} signed out`).toBe(401);
    }
    expect((await other.call('GET', '/api/essays')).json().essays).toEqual([]);
    expect((await writer.call('GET', `/api/essays/${id}`)).json()).toMatchObject({ text: 'Private words.', scores: [{ source: 'auto' }] });
  });
});
