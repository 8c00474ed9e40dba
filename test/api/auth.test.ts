import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { later, signUp, startApp, type TestApp } from './harness.ts';
import { SESSION_IDLE_MS } from '../../server/domain/session.ts';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(async () => { await t.close(); });

const post = (url: string, payload: object, cookie?: string) =>
  t.app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });
const sessionCookie = (res: { cookies: { name: string; value: string }[] }) => {
  const c = res.cookies.find((x) => x.name === 'cetl_session');
  return c && `${c.name}=${c.value}`;
};

describe('health and framework', () => {
  it('reports health', async () => {
    const res = await t.app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('serves the framework: 3 categories, 10 areas with weights, 78 codes', async () => {
    const res = await t.app.inject('/api/framework');
    // The same for everyone and rarely changed: browsers may keep it 5 minutes.
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const body = res.json();
    expect(body.categories.map((c: { id: string; weight: number }) => [c.id, c.weight])).toEqual([['I', 36], ['II', 33], ['III', 31]]);
    expect(body.areas.map((a: { weight: number }) => a.weight)).toEqual([15, 15, 6, 18, 15, 7, 2, 10, 5, 7]);
    expect(body.areas.flatMap((a: { codes: unknown[] }) => a.codes)).toHaveLength(78);
    expect(body.areas[9]).toMatchObject({ number: 10, category: 'III', codes: [{ code: '10A' }, { code: '10B' }, { code: '10C' }] });
  });
});

describe('accounts', () => {
  it('registers, sets an HttpOnly SameSite session cookie and answers /api/me', async () => {
    const res = await post('/api/auth/register', { email: 'Reg@Example.org', password: 'a long enough passphrase', name: 'Reg' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ user: { id: expect.any(Number), email: 'reg@example.org', name: 'Reg', role: 'candidate', timeMultiplier: 1, passwordChangeRequired: false, examDate: null } });
    const cookie = res.cookies.find((c) => c.name === 'cetl_session')!;
    // 7 days, the absolute session lifetime; not Secure over plain HTTP (COOKIE_SECURE=auto).
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 604800 });
    expect(cookie.secure).toBeUndefined();
    const me = await t.app.inject({ url: '/api/me', headers: { cookie: sessionCookie(res)! } });
    expect(me.json().user.email).toBe('reg@example.org');
  });

  it('refuses a taken email with 409 and a short password with 400', async () => {
    await post('/api/auth/register', { email: 'taken@example.org', password: 'a long enough passphrase', name: 'A' });
    const again = await post('/api/auth/register', { email: 'TAKEN@example.org', password: 'a long enough passphrase', name: 'B' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'email_taken', message: expect.stringContaining('sign in') });
    // NIST SP 800-63B Rev. 4: 15 characters for a single-factor password; 14 is refused, 15 accepted.
    const short = await post('/api/auth/register', { email: 'short@example.org', password: 'fourteen chars', name: 'C' });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toEqual({ error: 'password_too_short', message: expect.stringContaining('at least 15 characters') });
    expect((await post('/api/auth/register', { email: 'short@example.org', password: 'fifteen chars!!', name: 'C' })).statusCode).toBe(201);
  });

  it('answers bad bodies with 400 JSON and never stores a password in clear', async () => {
    const res = await post('/api/auth/register', { email: 'not-an-email', password: 'a long enough passphrase', name: 'X' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid_request');
    const raw = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(raw.statusCode).toBe(415);
    expect(raw.json().error).toBe('unsupported_media_type');
    const row = t.db.$client.prepare("select password_hash from users where email = 'reg@example.org'").get() as { password_hash: string };
    // N is the suite's PASSWORD_COST (2^10); the default 2^17 is pinned in test/unit/password.test.ts.
    expect(row.password_hash).toMatch(/^scrypt\$1024\$8\$1\$/);
  });

  it('logs in with a fresh session id each time and logs out', async () => {
    const u = await signUp(t);
    const login = await post('/api/auth/login', { email: u.credentials.email, password: u.credentials.password }, u.cookie);
    expect(login.statusCode).toBe(200);
    const fresh = sessionCookie(login)!;
    expect(fresh).not.toBe(u.cookie);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: u.cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: fresh } })).statusCode).toBe(200);
    const out = await post('/api/auth/logout', {}, fresh);
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/me', headers: { cookie: fresh } });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: 'unauthenticated' });
  });

  it('rejects a wrong password with 401 and rate-limits an account after five failures', async () => {
    const u = await signUp(t);
    for (let i = 0; i < 5; i++) {
      const res = await post('/api/auth/login', { email: u.credentials.email, password: 'wrong password' });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: 'invalid_credentials', message: 'That email and password do not match an account.' });
    }
    const blocked = await post('/api/auth/login', { email: u.credentials.email, password: u.credentials.password });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toBe('too_many_attempts');
    expect(blocked.headers['retry-after']).toBe('900');
    t.clock.offset += 16 * 60_000;
    expect((await post('/api/auth/login', { email: u.credentials.email, password: u.credentials.password })).statusCode).toBe(200);
    t.clock.offset -= 16 * 60_000;
  });

  it('rate-limits an address after twenty failures, whatever the account', async () => {
    const from = (email: string, password = 'wrong password') =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: '10.9.8.7' });
    for (let i = 0; i < 20; i++) expect((await from(`nobody${i}@example.org`)).statusCode).toBe(401);
    const u = await signUp(t);
    expect((await from(u.credentials.email, u.credentials.password)).statusCode).toBe(429);
    const elsewhere = await post('/api/auth/login', { email: u.credentials.email, password: u.credentials.password });
    expect(elsewhere.statusCode).toBe(200);
  }, 90_000);

  it('trims the name, refuses a password made of the name or the address, and answers two racing sign-ups 201 and 409', async () => {
    const res = await post('/api/auth/register', { email: 'trim@example.org', password: 'a long enough passphrase', name: '  Ada Lovelace  ' });
    expect(res.json().user.name).toBe('Ada Lovelace');
    const byName = await post('/api/auth/register', { email: 'named@example.org', password: 'ada lovelace ada lovelace', name: 'Ada Lovelace' });
    expect(byName.statusCode).toBe(400);
    const byAddress = await post('/api/auth/register', { email: 'sebastianmulligan@example.org', password: 'sebastianmulligan2026', name: 'S' });
    expect(byAddress.statusCode).toBe(400);
    // Both pass the first check before either has hashed its password: the second write must still see the first.
    const both = await Promise.all([0, 1].map(() => post('/api/auth/register', { email: 'race@example.org', password: 'a long enough passphrase', name: 'R' })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().error).toBe('email_taken');
  });

  it('ends a session left idle past the limit', async () => {
    const u = await signUp(t);
    await later(t, SESSION_IDLE_MS + 1000, async () => {
      expect((await u.call('GET', '/api/me')).statusCode).toBe(401);
    });
    expect((await u.call('GET', '/api/me')).statusCode).toBe(401);
  });

  it('updates name and time multiplier, refusing a multiplier outside 1–3', async () => {
    const u = await signUp(t);
    const ok = await u.call('PATCH', '/api/me', { name: '  New Name  ', timeMultiplier: 1.5 });
    expect(ok.json().user).toMatchObject({ name: 'New Name', timeMultiplier: 1.5 });
    // Only what is sent changes: the trimmed name stays when the multiplier alone is sent.
    expect((await u.call('PATCH', '/api/me', { timeMultiplier: 2 })).json().user).toMatchObject({ name: 'New Name', timeMultiplier: 2 });
    for (const bad of [0.5, 3.5]) {
      const res = await u.call('PATCH', '/api/me', { timeMultiplier: bad });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('invalid_request');
    }
    expect((await u.call('GET', '/api/me')).json().user.timeMultiplier).toBe(2);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'not_found' });
  });
});
