// Study groups over HTTP: roles and invites, what members and coaches see, drills, essay review,
// the CSV export — each rule with the refusal that guards it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishAttempt, handedIn, keyOf, signUp, startApp, wrongOf, type Caller, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(() => t.close());

const LEVELS = { understanding: 3, strategy: 3, audience: 3, accuracy: 3, organisation: 3 };

async function newGroup(owner: Caller, name = 'Cohort') {
  const res = await owner.call('POST', '/api/groups', { name });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; inviteCode: string };
}

/** Joins by code; the reply is the joiner's view of the group. */
async function join(user: Caller, code: string) {
  const res = await user.call('POST', '/api/groups/join', { code });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('groups and roles', () => {
  it('trims a group’s name when it is created and renamed', async () => {
    const owner = await signUp(t);
    const group = await newGroup(owner, '  Spring cohort  ');
    expect((await owner.call('GET', `/api/groups/${group.id}`)).json().name).toBe('Spring cohort');
    expect((await owner.call('PATCH', `/api/groups/${group.id}`, { name: '  Summer cohort ' })).json().name).toBe('Summer cohort');
  });

  it('the creator owns the group; others join by code after a preview that says what coaches see', async () => {
    const owner = await signUp(t, { name: 'Olive Owner' });
    const member = await signUp(t, { name: 'Mo Member' });
    const group = await newGroup(owner);
    expect(group.inviteCode).toMatch(/^[A-Z2-9]{10}$/);
    const preview = (await member.call('GET', `/api/groups/invites/${group.inviteCode}`)).json();
    expect((await member.call('GET', '/api/groups/invites/NOSUCHCODE')).json()).toEqual({ error: 'not_found', message: 'No group uses this invite code (it may have been changed or switched off); ask the owner for a new one.' });
    expect(preview).toMatchObject({ name: 'Cohort', owner: 'Olive Owner', members: 1 });
    expect(preview.sharingNotice).toMatch(/coaches will see your individual results/);
    // The join's reply is a member's view: their own role, and no invite code (only the owner's view has it).
    const joined = await join(member, group.inviteCode);
    expect([joined.role, joined.inviteCode]).toEqual(['member', null]);
    const seen = (await member.call('GET', `/api/groups/${group.id}`)).json();
    expect(seen.role).toBe('member');
    expect(seen.inviteCode).toBeNull();
    expect(seen.members.map((m: { name: string; role: string }) => `${m.name}:${m.role}`)).toEqual(['Olive Owner:owner', 'Mo Member:member']);
    expect((await member.call('GET', '/api/groups')).json().groups).toEqual([{ id: group.id, name: 'Cohort', role: 'member', members: 2 }]);
  });

  it('a new code stops the old one; a switched-off code joins nobody', async () => {
    const owner = await signUp(t);
    const late = await signUp(t);
    const group = await newGroup(owner);
    const rotated = (await owner.call('POST', `/api/groups/${group.id}/invite`, { enabled: true })).json();
    expect(rotated.inviteCode).not.toBe(group.inviteCode);
    expect((await late.call('POST', '/api/groups/join', { code: group.inviteCode })).statusCode).toBe(404);
    await owner.call('POST', `/api/groups/${group.id}/invite`, { enabled: false });
    expect((await late.call('POST', '/api/groups/join', { code: rotated.inviteCode })).statusCode).toBe(404);
    expect((await late.call('GET', `/api/groups/${group.id}`)).statusCode).toBe(404);
  });

  it('only the owner manages members; a member cannot act as a coach; anyone but the owner can leave', async () => {
    const owner = await signUp(t);
    const member = await signUp(t);
    const other = await signUp(t);
    const group = await newGroup(owner);
    await join(member, group.inviteCode);
    await join(other, group.inviteCode);
    const refused = await member.call('PATCH', `/api/groups/${group.id}/members/${other.user.id}`, { role: 'coach' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('owner_only');
    expect((await member.call('POST', `/api/groups/${group.id}/drills`, { title: 'x', length: 5, mode: 'tutor', areas: [1] })).json().error).toBe('coach_only');
    expect((await owner.call('PATCH', `/api/groups/${group.id}/members/${member.user.id}`, { role: 'coach' })).json().members[1].role).toBe('coach');
    expect((await owner.call('DELETE', `/api/groups/${group.id}/members/${other.user.id}`)).statusCode).toBe(204);
    expect((await other.call('GET', `/api/groups/${group.id}`)).statusCode).toBe(404);
    // The owner's own row is neither demoted nor removed.
    const noSuchMember = { error: 'not_found', message: 'This member (other than the owner) was not found.' };
    expect((await owner.call('DELETE', `/api/groups/${group.id}/members/${owner.user.id}`)).json()).toEqual(noSuchMember);
    expect((await owner.call('PATCH', `/api/groups/${group.id}/members/${owner.user.id}`, { role: 'member' })).json()).toEqual(noSuchMember);
    expect((await owner.call('POST', `/api/groups/${group.id}/leave`)).json()).toEqual({ error: 'owner_stays', message: 'The owner cannot leave their group; remove the other members or keep it.' });
    expect((await member.call('POST', `/api/groups/${group.id}/leave`)).statusCode).toBe(204);
    expect((await member.call('GET', `/api/groups/${group.id}`)).statusCode).toBe(404);
  });
});

describe('results', () => {
  it('members see group figures only from 3 contributors; coaches see the heatmap and a member’s codes, until the member leaves', async () => {
    const coach = await signUp(t, { name: 'Coach' });
    const a = await signUp(t, { name: 'Ann' });
    const b = await signUp(t, { name: 'Ben' });
    const c = await signUp(t, { name: 'Cy' });
    const group = await newGroup(coach);
    for (const u of [a, b, c]) await join(u, group.inviteCode);
    await finishAttempt(t, a, { areas: [1], length: 4 }, () => true);
    await finishAttempt(t, b, { areas: [1], length: 4 }, (i) => i < 2);

    const early = (await a.call('GET', `/api/groups/${group.id}/results`)).json();
    expect(early).toMatchObject({ contributors: 2, visible: false, areas: [], weakest: [], heatmap: null });
    expect(JSON.stringify(early)).not.toContain('Ben');

    await finishAttempt(t, c, { areas: [2], length: 4 }, () => false);
    const member = (await a.call('GET', `/api/groups/${group.id}/results`)).json();
    expect(member.visible).toBe(true);
    expect(member.heatmap).toBeNull();
    expect(member.areas.find((x: { area: number }) => x.area === 1)).toMatchObject({ correct: 6, total: 8, percent: 75, weight: 15 });
    expect(member.areas.find((x: { area: number }) => x.area === 2)).toMatchObject({ correct: 0, total: 4, percent: 0 });
    expect(member.weakest).toEqual([2, 1]);
    // Codes are listed only where someone answered: areas 1 and 2, 12 answers in all.
    expect(member.codes.every((x: { area: number; total: number }) => (x.area === 1 || x.area === 2) && x.total > 0)).toBe(true);
    expect(member.codes.reduce((n: number, x: { total: number }) => n + x.total, 0)).toBe(12);

    const coachView = (await coach.call('GET', `/api/groups/${group.id}/results`)).json();
    const row = (name: string) => coachView.heatmap.find((r: { name: string }) => r.name === name);
    expect(row('Ben').areas.find((x: { area: number }) => x.area === 1)).toMatchObject({ correct: 2, total: 4, percent: 50 });
    expect(row('Coach').areas.every((x: { total: number }) => x.total === 0)).toBe(true);
    const ben = (await coach.call('GET', `/api/groups/${group.id}/members/${b.user.id}/results?area=1`)).json();
    expect(ben.codes.reduce((n: number, x: { total: number }) => n + x.total, 0)).toBe(4);
    expect(ben.codes.reduce((n: number, x: { correct: number }) => n + x.correct, 0)).toBe(2);

    await b.call('POST', `/api/groups/${group.id}/leave`);
    expect((await coach.call('GET', `/api/groups/${group.id}/members/${b.user.id}/results?area=1`)).json()).toEqual({ error: 'not_found', message: 'This member was not found.' });
    const after = (await coach.call('GET', `/api/groups/${group.id}/results`)).json();
    expect(after.heatmap.map((r: { name: string }) => r.name)).not.toContain('Ben');
    expect(after.areas.find((x: { area: number }) => x.area === 1)).toMatchObject({ correct: 4, total: 4 });
  });

  it('the misconception view counts choices, names the tempting wrong option, and shows only items the viewer has seen closed', async () => {
    const coach = await signUp(t);
    const a = await signUp(t);
    const b = await signUp(t);
    const c = await signUp(t);
    const group = await newGroup(coach);
    for (const u of [a, b, c]) await join(u, group.inviteCode);
    await finishAttempt(t, a, { areas: [3], length: 3, seed: 11 }, () => false);
    await finishAttempt(t, b, { areas: [9], length: 1 }, () => true);
    // Two contributors: a member could read the other's answers off the counts, so none are shown.
    expect((await a.call('GET', `/api/groups/${group.id}/misconceptions`)).json()).toEqual({ days: 120, contributors: 2, visible: false, items: [] });
    await finishAttempt(t, c, { areas: [9], length: 1 }, () => true);
    // The coach has seen nothing yet: no item (and no key) is shown to them.
    expect((await coach.call('GET', `/api/groups/${group.id}/misconceptions`)).json().items).toEqual([]);
    const view = (await a.call('GET', `/api/groups/${group.id}/misconceptions`)).json();
    expect(view.items).toHaveLength(3);
    const item = view.items[0];
    expect(item.percentWrong).toBe(100);
    expect(item.tempting).toBe(wrongOf(t, item.itemId));
    expect(item.options.find((o: { key: string }) => o.key === item.tempting).chosen).toBe(1);
    expect(item.answer).toBe(keyOf(t, item.itemId));
    // b has not seen these items: nothing of them reaches b.
    expect((await b.call('GET', `/api/groups/${group.id}/misconceptions`)).json().items).toEqual([]);
  });

  it('exports CSV with formulas neutralised', async () => {
    const coach = await signUp(t, { name: '=HYPERLINK("http://x")' });
    const a = await signUp(t, { name: '+Ann, "the first"' });
    const group = await newGroup(coach);
    await join(a, group.inviteCode);
    await finishAttempt(t, a, { areas: [1], length: 2 }, () => true);
    const areas = await coach.call('GET', `/api/groups/${group.id}/export.csv?kind=areas`);
    expect(areas.statusCode).toBe(200);
    expect(areas.headers['content-type']).toMatch(/^text\/csv/);
    const lines = areas.body.trim().split('\r\n');
    expect(lines[0]).toBe('member,area,area name,correct,answered,percent');
    expect(lines).toHaveLength(1 + 2 * 10);
    expect(areas.body).toContain(`"'=HYPERLINK(""http://x"")",1,`);
    expect(areas.body).toContain(`"'+Ann, ""the first""",1,Leadership & Vision,2,2,100`);
    const responses = await coach.call('GET', `/api/groups/${group.id}/export.csv?kind=responses`);
    expect(responses.headers['content-disposition']).toBe('attachment; filename="group-responses.csv"');
    const [header, ...answered] = responses.body.trim().split('\r\n');
    expect(header).toBe('member,attempt,mode,handed in,slot,area,code,item,choice,key,correct');
    expect(answered).toHaveLength(2);
    // Both answered right: the choice is the key and `correct` is 1, slot by slot.
    const fields = answered.map((line) => line.match(/,(exam|tutor),\d{4}-\d\d-\d\dT[\d:.]+Z,(\d),1,(1[A-Z]),[^,]+,([A-D]),([A-D]),([01])$/)!.slice(1));
    expect(fields.map(([mode, slot, , choice, key, correct]) => [mode, slot, choice === key, correct]).sort()).toEqual([['tutor', '1', true, '1'], ['tutor', '2', true, '1']]);
    expect((await a.call('GET', `/api/groups/${group.id}/export.csv?kind=areas`)).statusCode).toBe(403);
  });
});

describe('drills', () => {
  it('a coach assigns a drill; assignees see it and start it once with their accommodation; the coach sees who did what', async () => {
    const coach = await signUp(t);
    const a = await signUp(t, { name: 'Ada' });
    const b = await signUp(t, { name: 'Bo' });
    const group = await newGroup(coach);
    await join(a, group.inviteCode);
    await join(b, group.inviteCode);
    await a.call('PATCH', '/api/me', { timeMultiplier: 1.5 });
    const due = t.clock.now() + 86_400_000;
    const created = await coach.call('POST', `/api/groups/${group.id}/drills`, { title: 'Areas 4 and 5', areas: [4, 5], length: 10, mode: 'exam', minutes: 20, dueAt: due, assignees: [a.user.id] });
    expect(created.statusCode, created.body).toBe(201);
    const drill = created.json();
    expect(drill.progress.map((p: { name: string; state: string }) => `${p.name}:${p.state}`)).toEqual(['Ada:not_started']);

    // Bo is not assigned: the drill is not in his lists, and starting it finds nothing; the coach sees it.
    expect((await b.call('GET', '/api/drills')).json().drills).toEqual([]);
    expect((await b.call('GET', `/api/groups/${group.id}/drills`)).json().drills).toEqual([]);
    expect((await coach.call('GET', `/api/groups/${group.id}/drills`)).json().drills.map((d: { id: string }) => d.id)).toEqual([drill.id]);
    expect((await b.call('POST', `/api/groups/${group.id}/drills/${drill.id}/start`)).json()).toEqual({ error: 'not_found', message: 'This drill was not found.' });
    const mine = (await a.call('GET', '/api/drills')).json().drills;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ title: 'Areas 4 and 5', mine: { state: 'not_started', overdue: false }, progress: null });

    const started = await a.call('POST', `/api/groups/${group.id}/drills/${drill.id}/start`);
    expect(started.statusCode).toBe(201);
    const attempt = started.json().attempt;
    expect(attempt).toMatchObject({ mode: 'exam', length: 10, timeMultiplier: 1.5 });
    expect(attempt.deadline - attempt.startedAt).toBe(30 * 60_000);
    const areas = new Set(started.json().items.map((i: { area: number }) => i.area));
    expect([...areas].sort()).toEqual([4, 5]);
    const again = await a.call('POST', `/api/groups/${group.id}/drills/${drill.id}/start`);
    expect(again.statusCode).toBe(200);
    expect(again.json().attempt.id).toBe(attempt.id);

    let progress = (await coach.call('GET', `/api/groups/${group.id}/drills`)).json().drills[0].progress;
    expect(progress[0]).toMatchObject({ state: 'started', score: null });
    await a.call('POST', `/api/attempts/${attempt.id}/submit`);
    progress = (await coach.call('GET', `/api/groups/${group.id}/drills`)).json().drills[0].progress;
    expect(progress[0]).toMatchObject({ state: 'finished', overdue: false, score: { correct: 0, total: 10, percent: 0 } });
    // A title is trimmed; a drill by codes keeps them.
    const byCode = (await coach.call('POST', `/api/groups/${group.id}/drills`, { title: '  Code 1A  ', codes: ['1A'], length: 2, mode: 'tutor' })).json();
    expect(byCode).toMatchObject({ title: 'Code 1A', areas: [], codes: ['1A'], items: 0 });
  });

  it('assigns a whole-group drill to its members as of now, and marks it overdue after its due date', async () => {
    const coach = await signUp(t);
    const a = await signUp(t);
    const late = await signUp(t);
    const group = await newGroup(coach);
    await join(a, group.inviteCode);
    expect((await coach.call('POST', `/api/groups/${group.id}/drills`, { title: 'Past', areas: [1], length: 3, mode: 'tutor', dueAt: t.clock.now() - 1 })).json()).toEqual({ error: 'due_in_past', message: 'The due date has passed; choose a later one, or none.' });
    await coach.call('POST', `/api/groups/${group.id}/drills`, { title: 'Due', areas: [1], length: 3, mode: 'tutor', dueAt: t.clock.now() + 60_000 });
    await join(late, group.inviteCode);
    expect((await late.call('GET', '/api/drills')).json().drills).toEqual([]);
    expect((await coach.call('GET', '/api/drills')).json().drills).toEqual([]);
    const base = t.clock.offset;
    t.clock.offset = base + 61_000;
    try {
      const drills = (await coach.call('GET', `/api/groups/${group.id}/drills`)).json().drills;
      expect(drills[0].progress).toEqual([expect.objectContaining({ userId: a.user.id, state: 'not_started', overdue: true })]);
    } finally {
      t.clock.offset = base;
    }
  });

  it('targets the group’s weakest areas or the items it missed most', async () => {
    const coach = await signUp(t);
    const a = await signUp(t);
    const group = await newGroup(coach);
    await join(a, group.inviteCode);
    expect((await coach.call('POST', `/api/groups/${group.id}/drills`, { title: 'W', target: 'weakest', length: 6, mode: 'tutor' })).json()).toEqual({ error: 'no_results', message: 'The group has no results yet to find its weakest areas; choose areas instead.' });
    expect((await coach.call('POST', `/api/groups/${group.id}/drills`, { title: 'M', target: 'missed', length: 4, mode: 'tutor' })).json()).toEqual({ error: 'no_results', message: 'The group has not missed any item yet; choose areas instead.' });
    await finishAttempt(t, a, { areas: [6], length: 3 }, () => false);
    await finishAttempt(t, a, { areas: [1], length: 3 }, () => true);
    await finishAttempt(t, a, { areas: [8], length: 4 }, (i) => i < 2);
    const weakest = (await coach.call('POST', `/api/groups/${group.id}/drills`, { title: 'W', target: 'weakest', length: 6, mode: 'tutor' })).json();
    expect(weakest.areas).toEqual([1, 6, 8]);
    const missed = (await coach.call('POST', `/api/groups/${group.id}/drills`, { title: 'M', target: 'missed', length: 4, mode: 'tutor' })).json();
    expect(missed.items).toBe(4);
    const started = (await a.call('POST', `/api/groups/${group.id}/drills/${missed.id}/start`)).json();
    expect(started.items.every((i: { area: number }) => i.area === 6 || i.area === 8)).toBe(true);
    expect((await coach.call('POST', `/api/groups/${group.id}/drills`, { title: 'X', target: 'weakest', areas: [1], length: 6, mode: 'tutor' })).json()).toEqual({ error: 'choose_target', message: 'Give areas and/or codes, or a target ("weakest" or "missed"), not both.' });
    expect((await coach.call('POST', `/api/groups/${group.id}/drills`, { title: 'X', areas: [1], length: 3, mode: 'tutor', assignees: [999999] })).json()).toEqual({ error: 'not_members', message: 'Users 999999 are not members of this group; assign drills to members only.' });
  });
});

describe('essay review by coaches', () => {
  it('a member sends an essay to the group; coaches get a queue and score once; the writer sees the coach’s levels', async () => {
    const coach = await signUp(t, { name: 'Cora Coach' });
    const writer = await signUp(t);
    const outsider = await signUp(t);
    const group = await newGroup(coach);
    await join(writer, group.inviteCode);
    const essay = (await writer.call('POST', '/api/essays', { promptId: 'P02-01', mode: 'practice' })).json();
    expect((await writer.call('POST', `/api/essays/${essay.id}/reviews`, { groupId: group.id })).json()).toEqual({ error: 'essay_open', message: 'Hand the essay in before sending it to your coaches.' });
    await writer.call('PUT', `/api/essays/${essay.id}/text`, { text: 'I recommend we fund backups first.', revision: 1 });
    await writer.call('POST', `/api/essays/${essay.id}/submit`);
    expect((await outsider.call('POST', `/api/essays/${essay.id}/reviews`, { groupId: group.id })).statusCode).toBe(404);
    const elsewhere = await newGroup(outsider, 'Not theirs');
    expect((await writer.call('POST', `/api/essays/${essay.id}/reviews`, { groupId: elsewhere.id })).json()).toEqual({ error: 'not_found', message: 'This group was not found.' });
    expect((await writer.call('POST', `/api/essays/${essay.id}/reviews`, { groupId: group.id })).statusCode).toBe(201);

    const queue = (await coach.call('GET', `/api/groups/${group.id}/essays`)).json().essays;
    expect(queue).toEqual([expect.objectContaining({ essayId: essay.id, scored: false, words: 6 })]);
    const read = (await coach.call('GET', `/api/groups/${group.id}/essays/${essay.id}`)).json();
    expect(read.text).toBe('I recommend we fund backups first.');
    expect(read.keyPoints.length).toBeGreaterThanOrEqual(5);
    expect(read.myScore).toBeNull();
    expect((await writer.call('GET', `/api/groups/${group.id}/essays/${essay.id}`)).statusCode).toBe(403);
    const scored = await coach.call('POST', `/api/groups/${group.id}/essays/${essay.id}/scores`, { levels: LEVELS, comments: { strategy: 'Who owns each step?' } });
    expect(scored.statusCode).toBe(201);
    expect((await coach.call('POST', `/api/groups/${group.id}/essays/${essay.id}/scores`, { levels: LEVELS })).json()).toEqual({ error: 'already_scored', message: 'You have scored this essay already; one score per coach.' });
    expect((await coach.call('GET', `/api/groups/${group.id}/essays`)).json().essays[0].scored).toBe(true);
    expect((await coach.call('GET', `/api/groups/${group.id}/essays/${essay.id}`)).json().myScore).toMatchObject({ source: 'coach', total: 15 });
    const mine = (await writer.call('GET', `/api/essays/${essay.id}`)).json().scores.find((s: { source: string }) => s.source === 'coach');
    expect(mine).toMatchObject({ reader: 'Cora Coach', total: 15, comments: { strategy: 'Who owns each step?' } });

    // Once the writer leaves, the coach loses sight of the essay.
    await writer.call('POST', `/api/groups/${group.id}/leave`);
    expect((await coach.call('GET', `/api/groups/${group.id}/essays/${essay.id}`)).json()).toEqual({ error: 'not_found', message: 'This essay was not found.' });
    expect((await coach.call('GET', `/api/groups/${group.id}/essays`)).json().essays).toEqual([]);
  });

  it('each coach of a group scores once and sees their own score; sending again sends nothing new', async () => {
    const first = await signUp(t, { name: 'First Coach' });
    const second = await signUp(t, { name: 'Second Coach' });
    const writer = await signUp(t);
    const group = await newGroup(first);
    await join(second, group.inviteCode);
    await join(writer, group.inviteCode);
    await first.call('PATCH', `/api/groups/${group.id}/members/${second.user.id}`, { role: 'coach' });
    // Following the invite again keeps the role a member has.
    expect((await join(second, group.inviteCode)).role).toBe('coach');
    const essayId = await handedIn(writer, 'Backups first, then the rest.', { promptId: 'P02-01', mode: 'practice' });
    expect((await writer.call('POST', `/api/essays/${essayId}/reviews`, { groupId: group.id })).json()).toEqual({ sent: true });
    expect((await writer.call('POST', `/api/essays/${essayId}/reviews`, { groupId: group.id })).json()).toEqual({ sent: false });

    const path = `/api/groups/${group.id}/essays/${essayId}`;
    expect((await first.call('POST', `${path}/scores`, { levels: LEVELS })).statusCode).toBe(201);
    // The second coach has not scored: the first coach's score is not theirs.
    expect((await second.call('GET', path)).json().myScore).toBeNull();
    const bad = await second.call('POST', `${path}/scores`, { levels: { ...LEVELS, accuracy: 5 } });
    expect([bad.statusCode, bad.json()]).toEqual([400, { error: 'invalid_score', message: '5 is not a level for accuracy; levels are 4, 3, 2 and 1.' }]);
    const scored = (await second.call('POST', `${path}/scores`, { levels: { ...LEVELS, accuracy: 1 } })).json();
    expect([scored.myScore.reader, scored.myScore.total]).toEqual(['Second Coach', 13]);
    expect((await first.call('GET', path)).json().myScore).toMatchObject({ reader: 'First Coach', total: 15 });
    expect((await second.call('GET', path)).json().scores.filter((s: { source: string }) => s.source === 'coach').map((s: { total: number }) => s.total)).toEqual([15, 13]);
  });
});
