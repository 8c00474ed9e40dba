// The access plugin itself: the start-up guards that keep a route from going out without a rule,
// and the exact refusal each rule gives (the access matrix checks every route's status).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { accessPlugin, requireMembership } from '../../server/plugins/access.ts';
import { signUp, startApp, type TestApp } from './harness.ts';

describe('start-up guards', () => {
  const appWith = async (url: string, access?: string) => {
    const app = Fastify();
    await app.register(accessPlugin);
    app.get(url, { config: access ? { access: access as 'user' } : {} }, async () => ({}));
    return app;
  };

  it('refuse an /api route that states no rule, naming its methods and path', async () => {
    await expect(appWith('/api/anything')).rejects.toThrow('GET /api/anything states no access rule (config.access)');
    const app = Fastify();
    await app.register(accessPlugin);
    expect(() => app.route({ method: ['PUT', 'PATCH'], url: '/api/both', handler: async () => ({}) })).toThrow('PUT,PATCH /api/both states no access rule');
  });

  it('refuse a group rule on a path without :groupId', async () => {
    for (const access of ['member', 'coach', 'owner']) {
      await expect(appWith('/api/groups/all', access)).rejects.toThrow('/api/groups/all has a group access rule but no :groupId in its path');
    }
    await expect(appWith('/api/groups/:groupId/x', 'coach')).resolves.toBeDefined();
    await expect(appWith('/api/me/x', 'user')).resolves.toBeDefined();
  });

  it('leave a page outside /api alone', async () => {
    const app = await appWith('/about');
    expect((await app.inject('/about')).statusCode).toBe(200);
  });

  it('stop a handler that reads a membership its rule never checked', async () => {
    const app = Fastify();
    await app.register(accessPlugin);
    app.get('/api/open', { config: { access: 'anonymous' } }, async (request) => requireMembership(request));
    const res = await app.inject('/api/open');
    expect(res.statusCode).toBe(500);
    expect(res.json().message).toBe('/api/open reads a membership but does not state a group access rule');
  });
});

describe('refusals, word for word', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startApp(); });
  afterAll(async () => { await t.close(); });

  it('401 to the signed-out, 404 to strangers and to non-admins, 403 naming owner or coaches to a member', async () => {
    const owner = await signUp(t);
    const member = await signUp(t);
    const stranger = await signUp(t);
    const group = (await owner.call('POST', '/api/groups', { name: 'Tuesday circle' })).json();
    expect((await member.call('POST', '/api/groups/join', { code: group.inviteCode })).statusCode).toBe(200);

    const anonymous = await t.app.inject({ url: `/api/groups/${group.id}` });
    expect([anonymous.statusCode, anonymous.json()]).toEqual([401, { error: 'unauthenticated', message: 'Sign in first (POST /api/auth/login).' }]);
    const outsider = await stranger.call('GET', `/api/groups/${group.id}`);
    expect([outsider.statusCode, outsider.json()]).toEqual([404, { error: 'not_found', message: 'This group was not found.' }]);
    const ownerOnly = await member.call('PATCH', `/api/groups/${group.id}/members/${owner.user.id}`, { role: 'coach' });
    expect([ownerOnly.statusCode, ownerOnly.json()]).toEqual([403, { error: 'owner_only', message: "Only the group's owner can do this." }]);
    const coachOnly = await member.call('POST', `/api/groups/${group.id}/drills`, { title: 'x', length: 5, mode: 'tutor', areas: [1] });
    expect([coachOnly.statusCode, coachOnly.json()]).toEqual([403, { error: 'coach_only', message: "Only the group's coaches can do this." }]);
    const admin = await member.call('GET', '/api/admin/reports');
    expect([admin.statusCode, admin.json()]).toEqual([404, { error: 'not_found', message: 'This page was not found.' }]);
  });
});
