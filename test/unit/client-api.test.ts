// The client's API calls, with the browser's fetch replaced (the network is the boundary): which
// request each call makes, and how every kind of answer — JSON, 204, our error shape, a proxy's
// HTML page, no answer at all — comes back to the caller.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Api from '../../client/lib/api.ts';

// Loaded afresh for every test, so each test is seen to exercise the calls it makes.
let api: typeof Api.api;
let ApiError: typeof Api.ApiError;
let groupExportUrl: typeof Api.groupExportUrl;
beforeEach(async () => {
  vi.resetModules();
  ({ api, ApiError, groupExportUrl } = await import('../../client/lib/api.ts'));
});

interface Sent { url: string; init: RequestInit }
let sent: Sent[];
let reply: () => Response | Promise<Response>;
const realFetch = globalThis.fetch;

beforeEach(() => {
  sent = [];
  reply = () => Response.json({ ok: true });
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return reply();
  }) as typeof fetch;
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

const json = (status: number, body: unknown) => () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const caught = async (p: Promise<unknown>): Promise<Api.ApiError> => {
  try {
    await p;
  } catch (err) {
    return err as Api.ApiError;
  }
  throw new Error('expected the call to fail');
};

describe('ApiError', () => {
  it('is an Error carrying status, code and the message to show', () => {
    const e = new ApiError(409, 'attempt_closed', 'Time is up.');
    expect(e).toBeInstanceOf(Error);
    expect([e.status, e.code, e.message]).toEqual([409, 'attempt_closed', 'Time is up.']);
  });

  it('is worth retrying only with no answer (status 0) or a server failure (500 and up)', () => {
    const retryable = (s: number) => new ApiError(s, 'x', 'y').retryable;
    expect(retryable(0)).toBe(true);
    expect(retryable(500)).toBe(true);
    expect(retryable(502)).toBe(true);
    expect(retryable(503)).toBe(true);
    expect(retryable(499)).toBe(false);
    expect(retryable(404)).toBe(false);
    expect(retryable(401)).toBe(false);
    expect(retryable(400)).toBe(false);
    expect(retryable(1)).toBe(false);
  });
});

describe('a request', () => {
  it('a read is a GET asking for JSON, with the session cookie and no body', async () => {
    await api.me();
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe('/api/me');
    expect(sent[0].init).toEqual({ method: 'GET', credentials: 'same-origin', headers: { accept: 'application/json' }, body: undefined });
  });

  it('a write sends JSON with a JSON content type', async () => {
    await api.login({ email: 'a@b.example', password: 'pw' });
    expect(sent[0].url).toBe('/api/auth/login');
    expect(sent[0].init).toEqual({
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.example', password: 'pw' }),
    });
  });

  it('a write with nothing to send still sends an empty JSON object (the server refuses other writes)', async () => {
    reply = () => new Response(null, { status: 204 });
    await api.logout();
    expect(sent[0].init.method).toBe('POST');
    expect(sent[0].init.body).toBe('{}');
    expect(sent[0].init.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json' });
  });

  it('returns the JSON the server sent', async () => {
    reply = json(200, { user: { id: 7, name: 'Ada' } });
    expect(await api.me()).toEqual({ user: { id: 7, name: 'Ada' } });
  });

  it('returns nothing for 204 No Content, without reading a body', async () => {
    const res = new Response(null, { status: 204 });
    const read = vi.spyOn(res, 'json');
    reply = () => res;
    expect(await api.revokeShare('e1', 3)).toBeUndefined();
    expect(read).not.toHaveBeenCalled();
  });

  it('returns null when a success carries no JSON', async () => {
    reply = () => new Response('not json', { status: 200 });
    expect(await api.me()).toBeNull();
  });
});

describe('a failure', () => {
  it('carries the server’s code and message from our error shape', async () => {
    reply = json(409, { error: 'attempt_closed', message: 'This attempt has closed.' });
    const e = await caught(api.submit('a1'));
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.message, e.retryable]).toEqual([409, 'attempt_closed', 'This attempt has closed.', false]);
  });

  it('a 5xx with our shape is retryable and keeps its message', async () => {
    reply = json(503, { error: 'busy', message: 'Try again shortly.' });
    const e = await caught(api.attempts());
    expect([e.status, e.code, e.message, e.retryable]).toEqual([503, 'busy', 'Try again shortly.', true]);
  });

  it('a page that is not JSON (a proxy’s 502) gets a code and message from its status', async () => {
    reply = () => new Response('<html>Bad Gateway</html>', { status: 502 });
    const e = await caught(api.progress());
    expect([e.status, e.code, e.message, e.retryable]).toEqual([502, 'http_502', 'The server answered 502; try again.', true]);
  });

  it('JSON without our fields falls back on the status too', async () => {
    reply = json(418, { detail: 'teapot' });
    const e = await caught(api.progress());
    expect([e.status, e.code, e.message]).toEqual([418, 'http_418', 'The server answered 418; try again.']);
  });

  it('a code without a message, or a message without a code, keeps what is there', async () => {
    reply = json(400, { error: 'invalid_body' });
    const a = await caught(api.progress());
    expect([a.code, a.message]).toEqual(['invalid_body', 'The server answered 400; try again.']);
    reply = json(400, { message: 'Name is required.' });
    const b = await caught(api.progress());
    expect([b.code, b.message]).toEqual(['http_400', 'Name is required.']);
  });

  it('no answer at all (offline, DNS, reset) is status 0, code network, retryable', async () => {
    reply = () => Promise.reject(new TypeError('Failed to fetch'));
    const e = await caught(api.putResponse('a1', 3, { choice: 'B' }));
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.code, e.retryable]).toEqual([0, 'network', true]);
    expect(e.message).toBe('The server cannot be reached. Check your connection; nothing you chose is lost.');
  });

  it('a 401 is not retryable', async () => {
    reply = json(401, { error: 'unauthenticated', message: 'Sign in again.' });
    const e = await caught(api.me());
    expect([e.status, e.code, e.retryable]).toEqual([401, 'unauthenticated', false]);
  });
});

describe('every call goes to its route', () => {
  // Ids are encoded: a slash or space in an id can never reach another route.
  const id = 'x/1 ?';
  const enc = 'x%2F1%20%3F';
  const levels = { clarity: 3 };
  const comments = { clarity: 'Good.' };
  const cases: [string, () => Promise<unknown>, string, string, unknown][] = [
    ['register', () => api.register({ name: 'N', email: 'e@x.example', password: 'p' }), 'POST', '/api/auth/register', { name: 'N', email: 'e@x.example', password: 'p' }],
    ['login', () => api.login({ email: 'e@x.example', password: 'p' }), 'POST', '/api/auth/login', { email: 'e@x.example', password: 'p' }],
    ['logout', () => api.logout(), 'POST', '/api/auth/logout', {}],
    ['me', () => api.me(), 'GET', '/api/me', undefined],
    ['updateMe', () => api.updateMe({ name: 'M' }), 'PATCH', '/api/me', { name: 'M' }],
    ['changePassword', () => api.changePassword({ currentPassword: 'a', newPassword: 'b' }), 'POST', '/api/me/password', { currentPassword: 'a', newPassword: 'b' }],
    ['requestPasswordReset', () => api.requestPasswordReset('e@x.example'), 'POST', '/api/auth/password-reset', { email: 'e@x.example' }],
    ['resetPassword', () => api.resetPassword('tok', 'new pw'), 'POST', '/api/auth/password-reset/confirm', { token: 'tok', password: 'new pw' }],
    ['changeEmail', () => api.changeEmail('f@x.example', 'pw'), 'POST', '/api/me/email', { email: 'f@x.example', password: 'pw' }],
    ['confirmEmail', () => api.confirmEmail('tok'), 'POST', '/api/auth/email-confirm', { token: 'tok' }],
    ['deleteAccount', () => api.deleteAccount('DELETE', 'pw'), 'POST', '/api/me/delete', { confirm: 'DELETE', password: 'pw' }],
    ['framework', () => api.framework(), 'GET', '/api/framework', undefined],
    ['createAttempt (tutor)', () => api.createAttempt({ mode: 'tutor', length: 5 }), 'POST', '/api/attempts', { mode: 'tutor', length: 5 }],
    // An exam waits for its intro screen's Begin unless the body says otherwise.
    ['createAttempt (exam)', () => api.createAttempt({ mode: 'exam', length: 5 }), 'POST', '/api/attempts', { startClock: 'on_begin', mode: 'exam', length: 5 }],
    ['createAttempt (default mode)', () => api.createAttempt({ length: 5 }), 'POST', '/api/attempts', { startClock: 'on_begin', length: 5 }],
    ['beginAttempt', () => api.beginAttempt(id), 'POST', `/api/attempts/${enc}/begin`, {}],
    ['attempts', () => api.attempts(), 'GET', '/api/attempts', undefined],
    ['attempt', () => api.attempt(id), 'GET', `/api/attempts/${enc}`, undefined],
    ['putResponse', () => api.putResponse(id, 12, { choice: 'C', flagged: true }), 'PUT', `/api/attempts/${enc}/responses/12`, { choice: 'C', flagged: true }],
    ['submit', () => api.submit(id), 'POST', `/api/attempts/${enc}/submit`, {}],
    ['report', () => api.report(id), 'GET', `/api/attempts/${enc}/report`, undefined],
    ['progress', () => api.progress(), 'GET', '/api/progress', undefined],
    ['mastery', () => api.mastery(), 'GET', '/api/learning/mastery', undefined],
    ['rateSelf', () => api.rateSelf([{ area: 2, rating: 3 } as never]), 'PUT', '/api/learning/self-ratings', { ratings: [{ area: 2, rating: 3 }] }],
    ['weakDrill', () => api.weakDrill({ length: 10 }), 'POST', '/api/learning/weak-drill', { length: 10 }],
    ['practise', () => api.practise(id), 'POST', `/api/attempts/${enc}/practice`, {}],
    ['retryMissed', () => api.retryMissed(id), 'POST', `/api/attempts/${enc}/retry`, {}],
    ['reviews', () => api.reviews(), 'GET', '/api/learning/reviews', undefined],
    ['startReview', () => api.startReview(), 'POST', '/api/learning/reviews/start', {}],
    ['history', () => api.history(), 'GET', '/api/learning/history', undefined],
    ['reportQuestion', () => api.reportQuestion(id, { attemptId: 'a', reason: 'other', text: 't' }), 'POST', `/api/items/${enc}/reports`, { attemptId: 'a', reason: 'other', text: 't' }],
    ['myReports', () => api.myReports(), 'GET', '/api/me/reports', undefined],
    ['adminReports', () => api.adminReports(), 'GET', '/api/admin/reports', undefined],
    ['resolveReport', () => api.resolveReport(42, { status: 'upheld', reply: 'Fixed.' }), 'POST', '/api/admin/reports/42', { status: 'upheld', reply: 'Fixed.' }],
    ['rubric', () => api.rubric(), 'GET', '/api/part2/rubric', undefined],
    ['prompts', () => api.prompts(), 'GET', '/api/part2/prompts', undefined],
    ['createEssay', () => api.createEssay({ promptId: 'P01-02' }), 'POST', '/api/essays', { promptId: 'P01-02' }],
    ['essays', () => api.essays(), 'GET', '/api/essays', undefined],
    ['essay', () => api.essay(id), 'GET', `/api/essays/${enc}`, undefined],
    ['saveEssayText', () => api.saveEssayText(id, 'Hello', 4), 'PUT', `/api/essays/${enc}/text`, { text: 'Hello', revision: 4 }],
    ['submitEssay', () => api.submitEssay(id), 'POST', `/api/essays/${enc}/submit`, {}],
    ['scoreEssay', () => api.scoreEssay(id, levels, comments), 'POST', `/api/essays/${enc}/scores`, { levels, comments }],
    ['shareEssay', () => api.shareEssay(id), 'POST', `/api/essays/${enc}/shares`, {}],
    ['revokeShare', () => api.revokeShare(id, 9), 'DELETE', `/api/essays/${enc}/shares/9`, {}],
    ['shared', () => api.shared(id), 'GET', `/api/essays/shared/${enc}`, undefined],
    ['calibrate', () => api.calibrate(id, levels), 'POST', `/api/essays/shared/${enc}/calibration`, { levels }],
    ['scoreShared', () => api.scoreShared(id, levels, comments), 'POST', `/api/essays/shared/${enc}/scores`, { levels, comments }],
    ['createGroup', () => api.createGroup('Cohort A'), 'POST', '/api/groups', { name: 'Cohort A' }],
    ['groups', () => api.groups(), 'GET', '/api/groups', undefined],
    ['invitePreview', () => api.invitePreview(id), 'GET', `/api/groups/invites/${enc}`, undefined],
    ['joinGroup', () => api.joinGroup('CODE1'), 'POST', '/api/groups/join', { code: 'CODE1' }],
    ['group', () => api.group(id), 'GET', `/api/groups/${enc}`, undefined],
    ['renameGroup', () => api.renameGroup(id, 'B'), 'PATCH', `/api/groups/${enc}`, { name: 'B' }],
    ['setInvite', () => api.setInvite(id, false), 'POST', `/api/groups/${enc}/invite`, { enabled: false }],
    ['setMemberRole', () => api.setMemberRole(id, 5, 'coach'), 'PATCH', `/api/groups/${enc}/members/5`, { role: 'coach' }],
    ['removeMember', () => api.removeMember(id, 5), 'DELETE', `/api/groups/${enc}/members/5`, {}],
    ['leaveGroup', () => api.leaveGroup(id), 'POST', `/api/groups/${enc}/leave`, {}],
    ['groupResults', () => api.groupResults(id), 'GET', `/api/groups/${enc}/results`, undefined],
    ['groupResults (days)', () => api.groupResults(id, 30), 'GET', `/api/groups/${enc}/results?days=30`, undefined],
    ['memberAreaResults', () => api.memberAreaResults(id, 5, 3), 'GET', `/api/groups/${enc}/members/5/results?area=3`, undefined],
    ['memberAreaResults (days)', () => api.memberAreaResults(id, 5, 3, 90), 'GET', `/api/groups/${enc}/members/5/results?area=3&days=90`, undefined],
    ['misconceptions', () => api.misconceptions(id), 'GET', `/api/groups/${enc}/misconceptions`, undefined],
    ['misconceptions (days)', () => api.misconceptions(id, 7), 'GET', `/api/groups/${enc}/misconceptions?days=7`, undefined],
    ['createDrill', () => api.createDrill(id, { title: 'T', length: 10, mode: 'exam' }), 'POST', `/api/groups/${enc}/drills`, { title: 'T', length: 10, mode: 'exam' }],
    ['groupDrills', () => api.groupDrills(id), 'GET', `/api/groups/${enc}/drills`, undefined],
    ['myDrills', () => api.myDrills(), 'GET', '/api/drills', undefined],
    ['startDrill', () => api.startDrill(id, 'd/2'), 'POST', `/api/groups/${enc}/drills/d%2F2/start`, {}],
    ['sendEssayToGroup', () => api.sendEssayToGroup(id, 'g9'), 'POST', `/api/essays/${enc}/reviews`, { groupId: 'g9' }],
    ['essayQueue', () => api.essayQueue(id), 'GET', `/api/groups/${enc}/essays`, undefined],
    ['coachEssay', () => api.coachEssay(id, 'e/3'), 'GET', `/api/groups/${enc}/essays/e%2F3`, undefined],
    ['coachScore', () => api.coachScore(id, 'e/3', levels, comments), 'POST', `/api/groups/${enc}/essays/e%2F3/scores`, { levels, comments }],
  ];

  it.each(cases)('%s', async (_name, call, method, url, body) => {
    await call();
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe(url);
    expect(sent[0].init.method).toBe(method);
    expect(sent[0].init.body === undefined ? undefined : JSON.parse(String(sent[0].init.body))).toEqual(body);
  });
});

describe('the export link', () => {
  it('asks for areas or responses, with the period only when one is chosen', () => {
    expect(groupExportUrl('g 1', 'areas')).toBe('/api/groups/g%201/export.csv?kind=areas');
    expect(groupExportUrl('g1', 'responses', 30)).toBe('/api/groups/g1/export.csv?kind=responses&days=30');
    expect(groupExportUrl('g1', 'areas', 0)).toBe('/api/groups/g1/export.csv?kind=areas&days=0');
  });
});
