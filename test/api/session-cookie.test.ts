// The session cookie's life on the server: touched at most once a minute, replaced at sign-in,
// removed at sign-out and at expiry, worthless once its signature is tampered with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, signUp, startApp, withOwnApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(async () => { await t.close(); });

const sessionsOf = (userId: number) =>
  t.db.$client.prepare('select created_at as createdAt, last_seen_at as lastSeenAt from sessions where user_id = ?').all(userId) as { createdAt: number; lastSeenAt: number }[];

describe('the session row', () => {
  // The boundary itself (60 000 vs 60 001 ms) is pinned in test/unit/domain-time.test.ts; the clock
  // here runs on from Date.now(), so this test keeps a second either side.
  it('is touched by a request at most once a minute: not at +59 s, then at +61 s', async () => {
    const u = await signUp(t);
    const seeded = sessionsOf(u.user.id)[0]!.lastSeenAt;
    t.clock.offset += seeded - t.clock.now() + 59_000;
    expect((await u.call('GET', '/api/me')).statusCode).toBe(200);
    expect(sessionsOf(u.user.id)[0]!.lastSeenAt).toBe(seeded);
    t.clock.offset += 2_000;
    const before = t.clock.now();
    expect((await u.call('GET', '/api/me')).statusCode).toBe(200);
    expect(sessionsOf(u.user.id)[0]!.lastSeenAt).toBeGreaterThanOrEqual(before);
    expect(sessionsOf(u.user.id)[0]!.lastSeenAt).toBeLessThanOrEqual(t.clock.now());
  });

  it('is replaced, not added to, when a signed-in browser signs in again', async () => {
    const u = await signUp(t);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { cookie: u.cookie }, payload: { email: u.credentials.email, password: u.credentials.password } });
    expect(again.statusCode).toBe(200);
    expect(sessionsOf(u.user.id)).toHaveLength(1);
    expect((await u.call('GET', '/api/me')).statusCode).toBe(401); // the old cookie is spent
  });

  it('is removed at sign-out, and the cookie cleared for the whole site', async () => {
    const u = await signUp(t);
    const out = await u.call('POST', '/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(sessionsOf(u.user.id)).toHaveLength(0);
    const cleared = out.cookies.find((c) => c.name === 'cetl_session')!;
    expect(cleared).toMatchObject({ value: '', path: '/' });
    expect(cleared.expires!.getTime()).toBeLessThan(Date.now());
  });

  it('is removed by the first request after it expired (2 h idle)', async () => {
    const u = await signUp(t);
    t.clock.offset += 2 * 60 * 60 * 1000 + 1;
    expect((await u.call('GET', '/api/me')).statusCode).toBe(401);
    expect(sessionsOf(u.user.id)).toHaveLength(0);
  });

  it('counts for nothing when the cookie’s signature or value is changed', async () => {
    const u = await signUp(t);
    const [name, value] = u.cookie.split('=') as [string, string];
    const [token, signature] = value.split('.') as [string, string];
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    for (const cookie of [`${name}=${token}.${flip(signature)}`, `${name}=${flip(token)}.${signature}`, `${name}=${token}`, `${name}=`]) {
      const res = await t.app.inject({ url: '/api/me', headers: { cookie } });
      expect(res.statusCode, cookie).toBe(401);
    }
    expect((await u.call('GET', '/api/me')).statusCode).toBe(200);
  });

  it('signs in with a fresh token each time', async () => {
    const u = await signUp(t);
    const a = await signIn(t, u.credentials);
    const b = await signIn(t, u.credentials);
    expect(a.cookie).not.toBe(b.cookie);
    expect(sessionsOf(u.user.id)).toHaveLength(3);
  });
});

// Built inside the test (see withOwnApp), so the app's start-up code is tried against mutants here.
describe('an app built inside the test', () => {
  it('signs up, reads with the session, serves the framework and Part II, signs out and forgets the session', async () => {
    await withOwnApp(async (own) => {
      const register = await own.app.inject({ method: 'POST', url: '/api/auth/register', payload: { email: 'own@example.org', password: 'a long enough passphrase', name: 'Own' } });
      expect(register.statusCode).toBe(201);
      const c = register.cookies.find((x) => x.name === 'cetl_session')!;
      const headers = { cookie: `${c.name}=${c.value}` };
      expect((await own.app.inject({ url: '/api/me', headers })).json().user.email).toBe('own@example.org');
      expect((await own.app.inject({ url: '/api/framework' })).json().areas).toHaveLength(10);
      expect((await own.app.inject({ url: '/api/part2/prompts', headers })).json().prompts.length).toBeGreaterThan(0);
      const lastSeen = () => own.db.$client.prepare('select last_seen_at from sessions').pluck().get() as number;
      const signedUpAt = lastSeen();
      own.clock.offset += 61_000;
      expect((await own.app.inject({ url: '/api/me', headers })).statusCode).toBe(200);
      expect(lastSeen()).toBeGreaterThanOrEqual(signedUpAt + 61_000); // touched: the idle limit starts again
      const out = await own.app.inject({ method: 'POST', url: '/api/auth/logout', headers, payload: {} });
      expect(out.statusCode).toBe(204);
      expect(out.cookies.find((x) => x.name === 'cetl_session')).toMatchObject({ value: '', path: '/' });
      expect((await own.app.inject({ url: '/api/me', headers })).statusCode).toBe(401);
      expect(own.db.$client.prepare('select count(*) from sessions').pluck().get()).toBe(0);
    });
  });
});
