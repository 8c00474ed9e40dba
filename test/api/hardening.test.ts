// Findings of the hardening review, each pinned by the behaviour an attacker or a crash would meet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { frozenAt, later, signUp, startApp, startAttempt, framework, withOwnApp, type TestApp } from './harness.ts';
import { fixtureBank } from '../fixtures/bank.ts';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(async () => { await t.close(); });

const login = (email: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });

describe('sign-in throttle under concurrency', () => {
  it('lets at most 5 password checks through for one account, however many arrive at once', async () => {
    const u = await signUp(t);
    const guesses = await Promise.all(Array.from({ length: 60 }, (_, i) => login(u.credentials.email, `wrong guess ${i}`, `10.1.${i}.1`)));
    const codes = guesses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(55);
    // The right password from a stranger's address is refused for the 15-minute window.
    const right = await login(u.credentials.email, u.credentials.password, '10.2.0.1');
    expect(right.statusCode).toBe(429);
    expect(right.headers['retry-after']).toBe('900');
  }, 120_000);

  it('lets at most 20 checks through for one address across accounts, even all at once', async () => {
    const guesses = await Promise.all(Array.from({ length: 40 }, (_, i) => login(`nobody-${i}@example.org`, 'wrong password here', '10.3.0.1')));
    expect(guesses.filter((r) => r.statusCode === 401)).toHaveLength(20);
    expect(guesses.filter((r) => r.statusCode === 429)).toHaveLength(20);
  }, 120_000);

  it('answers the owner’s own address with a growing delay, not the stranger’s 15-minute lock', async () => {
    const u = await signUp(t);
    const ok = await login(u.credentials.email, u.credentials.password, '10.4.0.1');
    expect(ok.statusCode).toBe(200);
    // A password that meets the policy does not ask for a change.
    expect(ok.json().user.passwordChangeRequired).toBe(false);
    for (let i = 0; i < 5; i++) expect((await login(u.credentials.email, 'a stranger guessing', '10.5.0.1')).statusCode).toBe(401);
    const stranger = await login(u.credentials.email, u.credentials.password, '10.5.0.2');
    expect(stranger.statusCode).toBe(429);
    expect(stranger.headers['retry-after']).toBe('900');
    expect(stranger.json()).toEqual({ error: 'too_many_attempts', message: 'Too many failed sign-ins; wait 15 minutes and try again.', retryAfterSeconds: 900 });
    const owner = await login(u.credentials.email, u.credentials.password, '10.4.0.1');
    expect(owner.statusCode).toBe(429);
    // The first wait is 30 seconds from the latest failure (a second or two of it has passed).
    expect(Number(owner.headers['retry-after'])).toBeGreaterThan(25);
    expect(Number(owner.headers['retry-after'])).toBeLessThanOrEqual(30);
    expect(owner.json()).toEqual({ error: 'too_many_attempts', message: 'Too many failed sign-ins; wait 30 seconds and try again.', retryAfterSeconds: 30 });
    await later(t, 31_000, async () => {
      expect((await login(u.credentials.email, u.credentials.password, '10.4.0.1')).statusCode).toBe(200);
    });
  }, 120_000);

  it('doubles the owner’s wait with each further failure, and says 2 minutes, not 120 seconds', async () => {
    const u = await signUp(t);
    const from = (password: string) => login(u.credentials.email, password, '10.4.2.1');
    expect((await from(u.credentials.password)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await from('wrong password')).statusCode).toBe(401);
    await later(t, 31_000, async () => {
      expect((await from('wrong again')).statusCode).toBe(401);
      expect((await from(u.credentials.password)).json()).toEqual({ error: 'too_many_attempts', message: 'Too many failed sign-ins; wait 60 seconds and try again.', retryAfterSeconds: 60 });
      await later(t, 61_000, async () => {
        expect((await from('and again')).statusCode).toBe(401);
        const refused = await from(u.credentials.password);
        expect(refused.headers['retry-after']).toBe('120');
        expect(refused.json()).toEqual({ error: 'too_many_attempts', message: 'Too many failed sign-ins; wait 2 minutes and try again.', retryAfterSeconds: 120 });
      });
    });
  }, 120_000);

  it('forgets an address 90 days after the owner last signed in from it', async () => {
    const u = await signUp(t);
    const from = (password: string) => login(u.credentials.email, password, '10.4.1.1');
    expect((await from(u.credentials.password)).statusCode).toBe(200);
    const DAY = 24 * 60 * 60_000;
    const failFiveTimes = async () => { for (let i = 0; i < 5; i++) expect((await from('wrong password')).statusCode).toBe(401); };
    await later(t, 89 * DAY, async () => {
      await failFiveTimes();
      expect((await from(u.credentials.password)).headers['retry-after']).toBe('30');
      // 91 days after the sign-in; the failures have expired too.
      await later(t, 2 * DAY, async () => {
        await failFiveTimes();
        expect((await from(u.credentials.password)).headers['retry-after']).toBe('900');
      });
    });
  });

  it('knows an address for 90 days less a millisecond after the last sign-in from it', async () => {
    const DAY = 24 * 60 * 60_000;
    const waitAfterFiveFailures = async (ms: number, address: string) => {
      const u = await signUp(t);
      const signedInAt = t.clock.now();
      await frozenAt(t, signedInAt, async () => {
        expect((await login(u.credentials.email, u.credentials.password, address)).statusCode).toBe(200);
      });
      return frozenAt(t, signedInAt + ms, async () => {
        for (let i = 0; i < 5; i++) expect((await login(u.credentials.email, 'wrong password', address)).statusCode).toBe(401);
        return (await login(u.credentials.email, u.credentials.password, address)).headers['retry-after'];
      });
    };
    expect(await waitAfterFiveFailures(90 * DAY - 1, '10.4.3.1')).toBe('30');
    expect(await waitAfterFiveFailures(90 * DAY, '10.4.3.2')).toBe('900');
  });

  it('forgives earlier failures after a successful sign-in', async () => {
    const u = await signUp(t);
    for (let i = 0; i < 4; i++) await login(u.credentials.email, 'not the password', '10.6.0.1');
    expect((await login(u.credentials.email, u.credentials.password, '10.6.0.1')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(u.credentials.email, 'not the password', '10.6.0.1')).statusCode).toBe(401);
  }, 120_000);
});

describe('registration limits', () => {
  it('counts every registration from an address, taken emails included: 30 an hour, then 429', async () => {
    // Its own app (see withOwnApp): the limiter's options are start-up code.
    await withOwnApp(async (own) => {
      const taken = await signUp(own);
      const from = (i: number) => own.app.inject({
        method: 'POST', url: '/api/auth/register', remoteAddress: '10.7.0.1',
        payload: { email: i < 30 ? taken.credentials.email : `fresh-${i}@example.org`, password: 'a long enough passphrase', name: 'R' },
      });
      for (let i = 0; i < 30; i++) expect((await from(i)).statusCode).toBe(409);
      // Sign-in has its own throttle (per account and address, in the database); the per-address
      // limiter is for registration and reset requests only.
      const signIn = await own.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.7.0.1', payload: { email: taken.credentials.email, password: taken.credentials.password } });
      expect(signIn.statusCode).toBe(200);
      expect(signIn.headers['x-ratelimit-limit']).toBeUndefined();
      const over = await from(30);
      expect(over.statusCode).toBe(429);
      expect(over.json()).toEqual({ error: 'too_many_registrations', message: 'Too many accounts were created from this address; try again in 60 minutes.' });
      // An hour from the first of them, less the moments this test took.
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(3540);
      expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(3600);
    });
  });
});

describe('password policy (NIST SP 800-63B Rev. 4)', () => {
  const register = (password: string, email = `pw-${Math.random()}@example.org`) =>
    t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { email, password, name: 'Pat' } });

  it('refuses a common password and a repeated word, accepts 64 characters, refuses 129', async () => {
    expect((await register('1qaz2wsx3edc4rfv')).json()).toMatchObject({ error: 'password_common' });
    expect((await register('passwordpasswordpassword')).json()).toMatchObject({ error: 'password_common' });
    expect((await register('x'.repeat(129))).json()).toMatchObject({ error: 'password_too_long' });
    expect((await register('abcdefghij'.repeat(6) + 'wxyz')).statusCode).toBe(201);
  });

  it('keeps an older short password working and asks for a change, which signs out other sessions', async () => {
    const u = await signUp(t);
    const other = await login(u.credentials.email, u.credentials.password, '10.8.0.1');
    // An account from before the policy: its password is 9 characters.
    const { hashPassword } = await import('../../server/auth/password.ts');
    t.db.$client.prepare('update users set password_hash = ? where id = ?').run(await hashPassword('old short'), u.user.id);
    const old = await login(u.credentials.email, 'old short', '10.8.0.2');
    expect(old.statusCode).toBe(200);
    expect(old.json().user.passwordChangeRequired).toBe(true);
    const cookie = `cetl_session=${old.cookies.find((c) => c.name === 'cetl_session')!.value}`;
    const change = (body: object) => t.app.inject({ method: 'POST', url: '/api/me/password', headers: { cookie }, payload: body });
    expect((await change({ currentPassword: 'old short', newPassword: 'short' })).json().error).toBe('password_too_short');
    expect((await change({ currentPassword: 'wrong one', newPassword: 'a brand new passphrase' })).statusCode).toBe(403);
    const ok = await change({ currentPassword: 'old short', newPassword: 'a brand new passphrase' });
    expect(ok.json().user.passwordChangeRequired).toBe(false);
    const otherCookie = `cetl_session=${other.cookies.find((c) => c.name === 'cetl_session')!.value}`;
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: otherCookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
  }, 120_000);
});

describe('writes are same-origin JSON', () => {
  it('refuses a foreign Origin and a same-site page on another port, and a text/plain form', async () => {
    const u = await signUp(t);
    const a = (await u.call('POST', '/api/attempts', { mode: 'exam', areas: [7], length: 2 })).json();
    const submit = (headers: Record<string, string>, payload = '{}') =>
      t.app.inject({ method: 'POST', url: `/api/attempts/${a.attempt.id}/submit`, headers: { cookie: u.cookie, host: 'cetl.example', ...headers }, payload });
    expect((await submit({ 'content-type': 'application/json', origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await submit({ 'content-type': 'application/json', 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
    const plain = await submit({ 'content-type': 'text/plain' }, 'x=1');
    expect(plain.statusCode).toBe(415);
    expect(plain.json()).toMatchObject({ error: 'unsupported_media_type', message: expect.stringContaining('application/json') });
    expect((await u.call('GET', `/api/attempts/${a.attempt.id}`)).json().attempt.status).toBe('open');
    expect((await submit({ 'content-type': 'application/json', origin: 'http://cetl.example', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
  });

  it('keeps a cross-site form from signing the user out', async () => {
    const u = await signUp(t);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: u.cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' }, payload: 'a=1' });
    expect(out.statusCode).toBe(403);
    expect((await u.call('GET', '/api/me')).statusCode).toBe(200);
  });
});

describe('answers in the error shape, with headers', () => {
  it('PATCH /api/me with nothing to change is a 400, not a 500', async () => {
    const u = await signUp(t);
    const res = await u.call('PATCH', '/api/me', {});
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_request', message: expect.any(String) });
  });

  it('a URL that does not decode is a 400 { error, message } with security headers', async () => {
    const res = await t.app.inject({ url: '/api/attempts/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'bad_request', message: expect.stringContaining('percent-encoding') });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('JSON replies are never cached; display names refuse control and bidi override characters', async () => {
    const u = await signUp(t);
    expect((await u.call('GET', '/api/me')).headers['cache-control']).toBe('no-store');
    for (const name of ['Pat\u202Egnp.exe', 'Pat\u0007', 'Pat\u2066x']) {
      const res = await u.call('PATCH', '/api/me', { name });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('invalid_name');
    }
    const blank = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: { email: `blank-${Date.now()}@example.org`, password: 'a long enough passphrase', name: '   ' } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toEqual({ error: 'invalid_name', message: 'Enter your name.' });
  });

  it('sends HSTS and upgrade-insecure-requests only over TLS, and a Secure cookie behind a TLS proxy', async () => {
    const plain = await t.app.inject({ url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    // The whole policy, so a loosened directive shows here.
    const policy = "default-src 'self';base-uri 'none';font-src 'self' https: data:;form-action 'self';frame-ancestors 'none';" +
      "img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'";
    expect(plain.headers['content-security-policy']).toBe(policy);
    expect(plain.headers['cache-control']).toBe('no-store');
    const { scratchApp } = await import('../fixtures/app.ts');
    const proxied = await scratchApp({ framework, items: fixtureBank(framework, () => 10), http: { trustProxy: true } });
    try {
      const res = await proxied.app.inject({
        method: 'POST', url: '/api/auth/register', headers: { 'x-forwarded-proto': 'https' },
        payload: { email: 'tls@example.org', password: 'a long enough passphrase', name: 'T' },
      });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['content-security-policy']).toBe(`${policy};upgrade-insecure-requests`);
      expect(res.cookies.find((c) => c.name === 'cetl_session')).toMatchObject({ secure: true });
    } finally {
      await proxied.close();
    }
  });

  it('marks the cookie Secure always with COOKIE_SECURE=always, and never with never, whatever the protocol', async () => {
    const { scratchApp } = await import('../fixtures/app.ts');
    const cases = [['always', 'http', true], ['never', 'https', undefined]] as const;
    for (const [cookieSecure, proto, secure] of cases) {
      const app = await scratchApp({ framework, items: fixtureBank(framework, () => 10), http: { trustProxy: true, cookieSecure } });
      try {
        const res = await app.app.inject({
          method: 'POST', url: '/api/auth/register', headers: { 'x-forwarded-proto': proto },
          payload: { email: `${cookieSecure}@example.org`, password: 'a long enough passphrase', name: 'T' },
        });
        expect(res.statusCode).toBe(201);
        expect(res.cookies.find((c) => c.name === 'cetl_session')!.secure, cookieSecure).toBe(secure);
      } finally {
        await app.close();
      }
    }
  });

  it('keeps the database file owner-only', () => {
    expect(statSync(t.db.$client.name).mode & 0o077).toBe(0);
  });
});

describe('an open exam keeps its keys', () => {
  it('never seats its items in a new attempt, and hides their keys in every other attempt until handed in', async () => {
    const u = await signUp(t);
    // Area 7 has 9 items in the fixture bank: a drill holds all of them, then an exam takes 3.
    const drill = (await u.call('POST', '/api/attempts', { mode: 'tutor', areas: [7], length: 9 })).json();
    const exam = (await u.call('POST', '/api/attempts', { mode: 'exam', areas: [7], length: 3 })).json();
    const examItems = new Set(exam.items.map((i: { itemId: string }) => i.itemId));
    const shared = drill.items.filter((i: { itemId: string }) => examItems.has(i.itemId));
    expect(shared).toHaveLength(3);
    // A new attempt cannot seat them: only 6 of area 7's 9 items are on offer.
    const third = await u.call('POST', '/api/attempts', { mode: 'tutor', areas: [7], length: 7 });
    expect(third.statusCode).toBe(422);
    expect(third.json().shortfalls).toEqual([{ area: 7, needed: 7, available: 6 }]);
    // Answering one in the drill shows no key, in the save or in any read.
    const saved = (await u.call('PUT', `/api/attempts/${drill.attempt.id}/responses/${shared[0].slot}`, { choice: 'A' })).json();
    expect(saved).not.toHaveProperty('answer');
    expect(saved).not.toHaveProperty('rationale');
    const view = (await u.call('GET', `/api/attempts/${drill.attempt.id}`)).json();
    expect(view.responses.find((r: { slot: number }) => r.slot === shared[0].slot)).not.toHaveProperty('answer');
    for (const item of drill.items) await u.call('PUT', `/api/attempts/${drill.attempt.id}/responses/${item.slot}`, { choice: 'B' });
    const report = (await u.call('POST', `/api/attempts/${drill.attempt.id}/submit`)).json();
    expect(report.withheld).toBe(3);
    expect(report.items).toHaveLength(6);
    expect(report.items.some((i: { itemId: string }) => examItems.has(i.itemId))).toBe(false);
    await u.call('POST', `/api/attempts/${exam.attempt.id}/submit`);
    const after = (await u.call('GET', `/api/attempts/${drill.attempt.id}/report`)).json();
    expect(after.withheld).toBe(0);
    expect(after.items).toHaveLength(9);
  });

  it('hides them in a handed-in exam’s report too, while a newer open exam holds them', async () => {
    const u = await signUp(t);
    // Area 7 has 9 items: a handed-in exam holds all of them, then a new exam seats 3 of them again.
    const first = await startAttempt(u, { mode: 'exam', areas: [7], length: 9 });
    await u.call('POST', `/api/attempts/${first.attempt.id}/submit`);
    const second = await startAttempt(u, { mode: 'exam', areas: [7], length: 3 });
    const held = new Set(second.items.map((i: { itemId: string }) => i.itemId));
    const report = (await u.call('GET', `/api/attempts/${first.attempt.id}/report`)).json();
    expect(report.withheld).toBe(3);
    expect(report.items.filter((i: { itemId: string }) => held.has(i.itemId))).toEqual([]);
    const view = (await u.call('GET', `/api/attempts/${first.attempt.id}`)).json();
    const shown = view.responses.filter((r: { answer?: string }) => r.answer !== undefined);
    expect(shown).toHaveLength(6);
  });

  it('records the deadline, not the sweep time, as the end of an attempt closed by time', async () => {
    const u = await signUp(t);
    const a = (await u.call('POST', '/api/attempts', { mode: 'exam', areas: [7], length: 1, minutes: 1 })).json();
    await later(t, 10 * 60_000, async () => {
      const list = (await u.call('GET', '/api/attempts')).json();
      const closed = list.attempts.find((x: { id: string }) => x.id === a.attempt.id);
      expect(closed).toMatchObject({ status: 'submitted', closedBy: 'time', submittedAt: a.attempt.deadline });
    });
  });
});
