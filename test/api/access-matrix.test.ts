// Every route in the app's route table, called by every kind of caller: anonymous, a signed-in
// stranger, a group member, a coach and the owner. Each route must state its rule, and each answer
// must match it: 401 signed out, 404 for strangers to a group (and to another person's attempt or
// essay), 403 for a member on a coach's route or a coach on the owner's. Allowed callers get neither.
//
// Each test builds its app inside itself, not in a beforeAll (why: withOwnApp in harness.ts), so the
// routes' start-up code is tried against mutants by the tests that check every route's rule.
import { afterEach, describe, expect, it } from 'vitest';
import { signUp, startApp, type Caller, type TestApp } from './harness.ts';

let t: TestApp;
type RoleName = 'anonymous' | 'stranger' | 'member' | 'coach' | 'owner' | 'admin';
const callers = {} as Record<Exclude<RoleName, 'anonymous'>, Caller>;
const params: Record<string, string> = {};
const LEVELS = { understanding: 3, strategy: 3, audience: 3, accuracy: 3, organisation: 3 };

/** The app, with every kind of caller and the objects the :id routes name. */
async function buildWorld() {
  t = await startApp();
  for (const role of ['owner', 'coach', 'member', 'stranger', 'admin'] as const) callers[role] = await signUp(t, { name: role });
  t.db.$client.prepare("update users set role = 'admin' where id = ?").run(callers.admin.user.id);
  const { owner, coach, member } = callers;
  const group = (await owner.call('POST', '/api/groups', { name: 'Matrix' })).json();
  for (const u of [coach, member]) await u.call('POST', '/api/groups/join', { code: group.inviteCode });
  await owner.call('PATCH', `/api/groups/${group.id}/members/${coach.user.id}`, { role: 'coach' });
  const drill = (await owner.call('POST', `/api/groups/${group.id}/drills`, { title: 'All', areas: [1], length: 2, mode: 'tutor', assignees: [owner.user.id, coach.user.id, member.user.id] })).json();
  // The owner's own attempt and essay: the objects named by :id routes (everyone else must get 404).
  const attempt = (await owner.call('POST', '/api/attempts', { mode: 'tutor', length: 3 })).json().attempt;
  const essay = (await owner.call('POST', '/api/essays', { promptId: 'P01-01' })).json();
  await owner.call('POST', `/api/essays/${essay.id}/submit`);
  const share = (await owner.call('POST', `/api/essays/${essay.id}/shares`)).json();
  await owner.call('POST', `/api/essays/${essay.id}/reviews`, { groupId: group.id });
  Object.assign(params, {
    groupId: group.id, userId: String(member.user.id), drillId: drill.id, essayId: essay.id, code: group.inviteCode,
    token: share.token, shareId: String(share.id), slot: '1', attempt: attempt.id, essay: essay.id,
    itemId: (await owner.call('GET', `/api/attempts/${attempt.id}`)).json().items[0].itemId, reportId: '1',
  });
}
afterEach(() => t?.close());

/** A plausible body per route, so an allowed caller gets past validation more often than not. */
function bodyFor(method: string, url: string, role: RoleName): object | undefined {
  if (method === 'GET' || method === 'DELETE') return undefined;
  // Account routes that ask for the password again get the right one (a wrong one answers 403).
  const password = 'correct horse battery';
  if (url === '/api/auth/password-reset') return { email: 'nobody-here@example.org' };
  if (url === '/api/auth/password-reset/confirm') return { token: 'not-a-live-token', password: 'a long enough new passphrase' };
  if (url === '/api/auth/email-confirm') return { token: 'not-a-live-token' };
  if (url === '/api/me/email') return { email: 'matrix-new-address@example.org', password };
  // Really deletes each caller's account: this route runs last of all (see the ordering below).
  if (url === '/api/me/delete') return { confirm: role === 'anonymous' ? 'x' : callers[role].user.email, password };
  if (url.endsWith('/responses/:slot')) return { choice: 'A' };
  if (url.endsWith('/text')) return { text: 'x', revision: 9 };
  if (url.endsWith('/scores') || url.endsWith('/calibration')) return { levels: LEVELS };
  if (url.endsWith('/drills')) return { title: 'x', areas: [1], length: 1, mode: 'tutor' };
  if (url.endsWith('/members/:userId')) return { role: 'member' };
  if (url.endsWith('/invite')) return { enabled: true };
  if (url.endsWith('/reviews')) return { groupId: params.groupId };
  if (url.endsWith('/self-ratings')) return { ratings: [{ area: 1, rating: 3 }] };
  if (url === '/api/items/:itemId/reports') return { attemptId: params.attempt, reason: 'other', text: 'x' };
  if (url.startsWith('/api/admin/reports/')) return { status: 'rejected', reply: 'x' };
  if (url === '/api/groups/:groupId' || url === '/api/groups') return { name: 'Renamed' };
  return {};
}

function fill(url: string): string {
  const id = url.startsWith('/api/attempts') ? params.attempt : params.essay;
  const filled = url.replace(/:(\w+)/g, (_, name: string) => (name === 'id' ? id : params[name]));
  return url.endsWith('/results') && url.includes(':userId') ? `${filled}?area=1` : url.endsWith('export.csv') ? `${filled}?kind=areas` : filled;
}

/** The rules, written out: a route added or a rule changed must be changed here too, on purpose. */
const RULES = [
  'GET /api/health anonymous',
  'POST /api/auth/register anonymous',
  'POST /api/auth/login anonymous',
  'POST /api/auth/logout anonymous',
  'GET /api/me user',
  'PATCH /api/me user',
  'POST /api/me/password user',
  'POST /api/auth/password-reset anonymous',
  'POST /api/auth/password-reset/confirm anonymous',
  'POST /api/auth/email-confirm anonymous',
  'POST /api/me/email user',
  'GET /api/me/export user',
  'POST /api/me/delete user',
  'GET /api/framework anonymous',
  'POST /api/attempts user',
  'GET /api/attempts user',
  'GET /api/attempts/:id user',
  'PUT /api/attempts/:id/responses/:slot user',
  'POST /api/attempts/:id/submit user',
  'GET /api/attempts/:id/report user',
  'POST /api/attempts/:id/begin user',
  'GET /api/progress user',
  'GET /api/part2/rubric user',
  'GET /api/part2/prompts user',
  'GET /api/part2/prompts/:id user',
  'POST /api/essays user',
  'GET /api/essays user',
  'GET /api/essays/:id user',
  'PUT /api/essays/:id/text user',
  'POST /api/essays/:id/submit user',
  'POST /api/essays/:id/scores user',
  'POST /api/essays/:id/shares user',
  'DELETE /api/essays/:id/shares/:shareId user',
  'GET /api/essays/shared/:token user',
  'POST /api/essays/shared/:token/calibration user',
  'POST /api/essays/shared/:token/scores user',
  'POST /api/essays/:id/reviews user',
  'POST /api/groups user',
  'GET /api/groups user',
  'GET /api/groups/invites/:code user',
  'POST /api/groups/join user',
  'GET /api/drills user',
  'GET /api/learning/mastery user',
  'PUT /api/learning/self-ratings user',
  'POST /api/learning/weak-drill user',
  'POST /api/attempts/:id/practice user',
  'POST /api/attempts/:id/retry user',
  'GET /api/learning/reviews user',
  'POST /api/learning/reviews/start user',
  'GET /api/learning/history user',
  'POST /api/items/:itemId/reports user',
  'GET /api/me/reports user',
  'GET /api/admin/reports admin',
  'POST /api/admin/reports/:reportId admin',
  'GET /api/groups/:groupId member',
  'POST /api/groups/:groupId/leave member',
  'GET /api/groups/:groupId/results member',
  'GET /api/groups/:groupId/misconceptions member',
  'GET /api/groups/:groupId/drills member',
  'POST /api/groups/:groupId/drills/:drillId/start member',
  'GET /api/groups/:groupId/members/:userId/results coach',
  'GET /api/groups/:groupId/export.csv coach',
  'POST /api/groups/:groupId/drills coach',
  'GET /api/groups/:groupId/essays coach',
  'GET /api/groups/:groupId/essays/:essayId coach',
  'POST /api/groups/:groupId/essays/:essayId/scores coach',
  'PATCH /api/groups/:groupId owner',
  'POST /api/groups/:groupId/invite owner',
  'PATCH /api/groups/:groupId/members/:userId owner',
  'DELETE /api/groups/:groupId/members/:userId owner',
];

const REFUSALS = [401, 403, 404];
/** What each caller must get on a route with this rule: a status, or 'allowed' (none of 401, 403, 404). */
function expected(access: string, role: RoleName, url: string): number | 'allowed' {
  if (access === 'anonymous') return 'allowed';
  if (role === 'anonymous') return 401;
  if (access === 'admin') return role === 'admin' ? 'allowed' : 404;
  if (access === 'user') {
    // A person's own attempt or essay is theirs alone: the owner made them, everyone else gets 404.
    const ownObject = /^\/api\/(attempts|essays)\/:id/.test(url) || url === '/api/items/:itemId/reports';
    return ownObject && role !== 'owner' ? 404 : 'allowed';
  }
  if (role === 'stranger' || role === 'admin') return 404;
  const rank = { member: 1, coach: 2, owner: 3 } as const;
  return rank[role] >= rank[access as keyof typeof rank] ? 'allowed' : 403;
}

describe('the access matrix over the route table', () => {
  it('every API route states who may call it', async () => {
    t = await startApp();
    const api = t.app.routeTable.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThanOrEqual(40);
    expect(api.map((r) => `${r.method} ${r.url} ${r.access}`).sort()).toEqual([...RULES].sort());
  });

  it('answers every caller exactly as the route’s rule says', async () => {
    await buildWorld();
    // Routes that remove something run last (a revoked link, a member who left), and before each of
    // their calls the callers' memberships are put back, so every role is tried as itself. Deleting
    // an account comes after everything else: each caller in turn deletes their own.
    const removes = (r: { method: string; url: string }) => r.method === 'DELETE' || r.url.endsWith('/leave');
    const rank = (r: { method: string; url: string }) => (r.url === '/api/me/delete' ? 2 : Number(removes(r)));
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/')).sort((a, b) => rank(a) - rank(b));
    const restore = t.db.$client.prepare('insert or replace into group_members (group_id, user_id, role, joined_at) values (?, ?, ?, 0)');
    const failures: string[] = [];
    for (const route of routes) {
      for (const role of ['anonymous', 'stranger', 'member', 'coach', 'owner', 'admin'] as RoleName[]) {
        // The writer reads their own essay through the owner routes, not the review link.
        if (route.url.startsWith('/api/essays/shared/') && role === 'owner') continue;
        if (route.method === 'POST' && route.url === '/api/auth/logout') continue;
        if (removes(route)) {
          restore.run(params.groupId, callers.member.user.id, 'member');
          restore.run(params.groupId, callers.coach.user.id, 'coach');
        }
        const url = fill(route.url);
        const payload = bodyFor(route.method, route.url, role);
        const res = role === 'anonymous'
          ? await t.app.inject({ method: route.method as 'GET', url, ...(route.method !== 'GET' && { payload: payload ?? {} }) })
          : await callers[role].call(route.method as 'GET', url, payload);
        const want = expected(route.access, role, route.url);
        const ok = want === 'allowed' ? !REFUSALS.includes(res.statusCode) : res.statusCode === want;
        if (!ok) failures.push(`${role} ${route.method} ${route.url} → ${res.statusCode} (want ${want}) ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    // The account routes that ask for the password run scrypt once per caller: allow for it.
  }, 180_000);
});
