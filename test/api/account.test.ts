// Account basics over HTTP: password reset by mail (read from the log transport), change of
// password and of email address, the data export and deleting the account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { handedIn, later, signIn, signUp, startApp, startAttempt, withOwnApp, type Caller, type TestApp } from './harness.ts';
import { ACCOUNT_MAILS_PER_WINDOW, EMAIL_TOKEN_MS, RESET_REQUESTS_PER_ADDRESS, RESET_TOKEN_MS } from '../../server/domain/account.ts';
import { RESET_REQUESTED } from '../../server/routes/auth/reset.ts';
import { loadConfig } from '../../server/config.ts';
import type { Mail } from '../../server/mail.ts';

const MINUTE = 60 * 1000;
const NEW_PASSWORD = 'a completely new passphrase';

let t: TestApp;
/** Every log line the app writes (JSON, one per line): the log transport puts mailed links here. */
const log: { msg: string; mailTo?: string; subject?: string }[] = [];
beforeAll(async () => {
  t = await startApp(undefined, { logger: { level: 'info', stream: { write: (line: string) => void log.push(JSON.parse(line)) } } });
});
afterAll(() => t.close());

/** The links mailed to an address so far (through the log transport), oldest first. */
const linksTo = (email: string, kind: 'reset' | 'confirm-email') =>
  log.filter((l) => l.mailTo === email.toLowerCase()).flatMap((l) => l.msg.match(new RegExp(`https?://\\S+/${kind}/([\\w-]+)`))?.[1] ?? []);

let address = 0;
/** A fresh client address per test, so the per-address limits of one test do not touch another. */
const from = () => `10.77.0.${++address}`;

const anon = (url: string, payload: object, remoteAddress = '127.0.0.1', cookie?: string) =>
  t.app.inject({ method: 'POST', url, payload, remoteAddress, ...(cookie && { headers: { cookie } }) });
const me = (cookie: string) => t.app.inject({ url: '/api/me', headers: { cookie } });
const login = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: from() });

describe('mail configuration', () => {
  const env = (extra: Record<string, string>) => ({ SESSION_SECRET: 's'.repeat(32), ...extra });
  it('sends through SMTP only with PUBLIC_URL for the links (never the request’s Host), and names a bad value', () => {
    expect(loadConfig(env({}))).toMatchObject({ smtpUrl: undefined, publicUrl: undefined });
    expect(loadConfig(env({ SMTP_URL: '' })).smtpUrl).toBeUndefined();
    expect(() => loadConfig(env({ SMTP_URL: 'smtps://u:secret@mail.example.org' }))).toThrow(/PUBLIC_URL must be set/);
    expect(() => loadConfig(env({ SMTP_URL: 'mail.example.org', PUBLIC_URL: 'https://cetl.example.org' }))).toThrow(/SMTP_URL/);
    expect(() => loadConfig(env({ SMTP_URL: 'smtps://u:secret@mail.example.org', PUBLIC_URL: 'cetl.example.org' }))).toThrow(/PUBLIC_URL/);
    // The error never repeats the SMTP password.
    try {
      loadConfig(env({ SMTP_URL: 'smtps://u:secret@mail.example.org' }));
    } catch (err) {
      expect(String(err)).not.toContain('secret');
    }
    expect(loadConfig(env({ SMTP_URL: 'smtps://u:secret@mail.example.org', PUBLIC_URL: 'https://cetl.example.org' }))).toMatchObject({ publicUrl: 'https://cetl.example.org' });
  });
});

describe('what the mails say', () => {
  it('greets by name, gives the link once with its lifetime, and tells the old address of a change', async () => {
    const sent: Mail[] = [];
    await withOwnApp(async (own) => {
      const u = await signUp(own, { name: 'Ada Reader' });
      const email = u.credentials.email.toLowerCase();
      await own.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } });
      await own.app.inject({ method: 'POST', url: '/api/me/email', headers: { cookie: u.cookie }, payload: { email: 'ada.new@example.org', password: u.credentials.password } });
      const [reset, confirm] = sent;
      expect(reset).toMatchObject({ to: email, subject: 'Choose a new password for CETL Practice' });
      expect(reset.text).toBe(`Hello Ada Reader,\n\nSomeone (we hope you) asked to reset the password of your CETL Practice account. To choose a new password, open this link within 30 minutes:\n\n${reset.link}\n\nThe link works once. Choosing a new password signs you out everywhere.\nIf you did not ask for this, ignore this mail: your password stays as it is.\n`);
      expect(reset.link).toMatch(/^https:\/\/cetl\.example\.org\/reset\/[\w-]+$/);
      expect(confirm.to).toBe('ada.new@example.org');
      expect(confirm.text).toBe(`Hello Ada Reader,\n\nTo make ada.new@example.org the sign-in address of your CETL Practice account, open this link within 24 hours:\n\n${confirm.link}\n\nUntil then you keep signing in with ${email}. If you did not ask for this, ignore this mail.\n`);
      const token = confirm.link!.split('/').pop();
      const done = await own.app.inject({ method: 'POST', url: '/api/auth/email-confirm', payload: { token } });
      expect(done.json()).toEqual({ message: 'Your sign-in address is now ada.new@example.org.', email: 'ada.new@example.org' });
      expect(sent[2]).toEqual({
        to: email,
        subject: 'Your CETL Practice sign-in address was changed',
        text: `The sign-in address of your CETL Practice account was changed from ${email} to ada.new@example.org.\nIf you did not do this, ask your administrator for help at once.\n`,
      });
    }, { mail: { publicUrl: 'https://cetl.example.org', mailer: { transport: 'smtp', send: async (m) => void sent.push(m), close() {} } } });
  });
});

describe('password reset by mail', () => {
  it('pins the documented numbers', () => {
    expect(RESET_TOKEN_MS).toBe(30 * MINUTE);
    expect(EMAIL_TOKEN_MS).toBe(24 * 60 * MINUTE);
    expect(ACCOUNT_MAILS_PER_WINDOW).toBe(3);
    expect(RESET_REQUESTS_PER_ADDRESS).toBe(10);
  });

  it('mails a single-use link; the new password signs out every session', async () => {
    const u = await signUp(t);
    const other = await signIn(t, u.credentials);
    const ip = from();
    const asked = await anon('/api/auth/password-reset', { email: u.credentials.email.toUpperCase() }, ip);
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({ message: RESET_REQUESTED });
    const links = linksTo(u.credentials.email, 'reset');
    expect(links).toHaveLength(1);
    const token = links[0]!;
    // Only the hash is stored.
    const row = t.db.$client.prepare('select * from account_tokens where user_id = ?').get(u.user.id) as { token_hash: string; kind: string; expires_at: number; created_at: number };
    expect(row).toMatchObject({ token_hash: createHash('sha256').update(token).digest('hex'), kind: 'reset' });
    expect(row.expires_at - row.created_at).toBe(30 * MINUTE);

    // The policy applies, and a refused password leaves the link unspent.
    const weak = await anon('/api/auth/password-reset/confirm', { token, password: 'too short' });
    expect(weak.json()).toMatchObject({ error: 'password_too_short' });
    const named = await anon('/api/auth/password-reset/confirm', { token, password: `${u.credentials.email.split('@')[0]} and more words` });
    expect(named.json()).toMatchObject({ error: 'password_common' });

    const done = await anon('/api/auth/password-reset/confirm', { token, password: NEW_PASSWORD }, '127.0.0.1', u.cookie);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.cookies.find((c) => c.name === 'cetl_session')).toMatchObject({ value: '', path: '/' });
    expect((await me(u.cookie)).statusCode).toBe(401);
    expect((await me(other.cookie)).statusCode).toBe(401);
    expect((await login(u.credentials.email, u.credentials.password)).statusCode).toBe(401);
    expect((await login(u.credentials.email, NEW_PASSWORD)).statusCode).toBe(200);

    const again = await anon('/api/auth/password-reset/confirm', { token, password: 'yet another long passphrase' });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toEqual({ error: 'invalid_token', message: 'This reset link is not valid: it has expired, was already used, or a newer one was sent. Ask for a new one.' });
    expect(log.find((l) => l.mailTo === u.credentials.email.toLowerCase())?.subject).toBe('Choose a new password for CETL Practice');
  }, 60_000);

  it('leaves the session of someone else who opens the link signed in', async () => {
    const owner = await signUp(t);
    const bystander = await signUp(t);
    await anon('/api/auth/password-reset', { email: owner.credentials.email }, from());
    const [token] = linksTo(owner.credentials.email, 'reset');
    const done = await anon('/api/auth/password-reset/confirm', { token: token!, password: NEW_PASSWORD }, '127.0.0.1', bystander.cookie);
    expect(done.json()).toEqual({ message: 'Your password was changed and every session of your account was signed out. Sign in with the new password.' });
    expect(done.cookies.find((c) => c.name === 'cetl_session')).toBeUndefined();
    expect((await me(bystander.cookie)).statusCode).toBe(200);
  }, 60_000);

  it('spends a link once even when two requests carry it at the same moment', async () => {
    const u = await signUp(t);
    await anon('/api/auth/password-reset', { email: u.credentials.email }, from());
    const token = linksTo(u.credentials.email, 'reset').at(-1)!;
    const both = await Promise.all(['first racing passphrase', 'second racing passphrase'].map((password) => anon('/api/auth/password-reset/confirm', { token, password })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    expect(both.find((r) => r.statusCode === 400)!.json()).toEqual({
      error: 'invalid_token',
      message: 'This reset link is not valid: it has expired, was already used, or a newer one was sent. Ask for a new one.',
    });
    const winner = both[0]!.statusCode === 200 ? 'first racing passphrase' : 'second racing passphrase';
    expect((await login(u.credentials.email, winner)).statusCode).toBe(200);
  }, 60_000);

  it('answers an unknown address exactly as a known one, and mails nothing', async () => {
    const before = log.length;
    const unknown = await anon('/api/auth/password-reset', { email: 'nobody-at-all@example.org' }, from());
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual({ message: RESET_REQUESTED });
    expect(log.slice(before).filter((l) => l.msg.includes('/reset/'))).toEqual([]);
    const malformed = await anon('/api/auth/password-reset', { email: 'not an address' }, from());
    expect(malformed.statusCode).toBe(400);
  });

  it('a link works for 30 minutes: at 30 min + 1 s it is refused; a newer link replaces an older one', async () => {
    const u = await signUp(t);
    const issuedAt = () => t.db.$client.prepare('select max(created_at) from account_tokens where user_id = ?').pluck().get(u.user.id) as number;
    /** Sets the server's clock to this long after the latest link was made. */
    const after = (ms: number) => void (t.clock.offset = issuedAt() + ms - Date.now());
    await anon('/api/auth/password-reset', { email: u.credentials.email }, from());
    const late = linksTo(u.credentials.email, 'reset').at(-1)!;
    after(30 * MINUTE + 1000);
    expect((await anon('/api/auth/password-reset/confirm', { token: late, password: NEW_PASSWORD })).json()).toMatchObject({ error: 'invalid_token' });

    await anon('/api/auth/password-reset', { email: u.credentials.email }, from());
    const older = linksTo(u.credentials.email, 'reset').at(-1)!;
    await anon('/api/auth/password-reset', { email: u.credentials.email }, from());
    const newest = linksTo(u.credentials.email, 'reset').at(-1)!;
    expect(newest).not.toBe(older);
    expect((await anon('/api/auth/password-reset/confirm', { token: older, password: NEW_PASSWORD })).json()).toMatchObject({ error: 'invalid_token' });
    after(30 * MINUTE - 1000);
    const inTime = await anon('/api/auth/password-reset/confirm', { token: newest, password: NEW_PASSWORD });
    expect(inTime.statusCode, inTime.body).toBe(200);
  }, 60_000);

  it('mails one account at most 3 links in 15 minutes (same answer after), and limits an address to 10 requests', async () => {
    const u = await signUp(t);
    const ip = from();
    for (let i = 0; i < 4; i++) {
      const res = await anon('/api/auth/password-reset', { email: u.credentials.email }, ip);
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ message: RESET_REQUESTED });
    }
    expect(linksTo(u.credentials.email, 'reset')).toHaveLength(3);
    t.clock.offset += 15 * MINUTE + 1000;
    await anon('/api/auth/password-reset', { email: u.credentials.email }, ip);
    expect(linksTo(u.credentials.email, 'reset')).toHaveLength(4);

  });

  it('answers every email alike at the address limit: 10 requests in 15 minutes, then 429', async () => {
    // Its own app (see withOwnApp): the limiter's options are start-up code.
    await withOwnApp(async (own) => {
      const u = await signUp(own);
      const ask = (email: string) => own.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email }, remoteAddress: '10.78.0.1' });
      for (let i = 0; i < 10; i++) expect((await ask(i % 2 ? u.credentials.email : `x${i}@example.org`)).statusCode).toBe(202);
      for (const email of [u.credentials.email, 'nobody@example.org']) {
        const refused = await ask(email);
        expect(refused.statusCode).toBe(429);
        expect(refused.json()).toEqual({ error: 'too_many_requests', message: 'Too many password-reset requests came from this address; try again in 15 minutes.' });
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(840);
        expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(900);
      }
      // Another address is not held back.
      expect((await own.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: u.credentials.email }, remoteAddress: '10.78.0.2' })).statusCode).toBe(202);
    });
  });
});

describe('change password', () => {
  it('keeps this session and signs out the others', async () => {
    const u = await signUp(t);
    const other = await signIn(t, u.credentials);
    const wrong = await u.call('POST', '/api/me/password', { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toEqual({ error: 'wrong_password', message: 'Your current password is not right; nothing was changed.' });
    // A new password made of the name is refused before the current one is even checked.
    const named = await u.call('POST', '/api/me/password', { currentPassword: u.credentials.password, newPassword: `${u.credentials.name} ${u.credentials.name} 2026` });
    expect(named.json().error).toBe('password_common');
    // … and so is one made of the address before its @.
    const local = u.credentials.email.split('@')[0];
    const mailbox = await u.call('POST', '/api/me/password', { currentPassword: u.credentials.password, newPassword: `${local} ${local} 2026` });
    expect(mailbox.json().error).toBe('password_common');
    expect((await me(other.cookie)).statusCode).toBe(200);
    const ok = await u.call('POST', '/api/me/password', { currentPassword: u.credentials.password, newPassword: NEW_PASSWORD });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await me(u.cookie)).statusCode).toBe(200);
    expect((await me(other.cookie)).statusCode).toBe(401);
    expect(t.db.$client.prepare('select count(*) from sessions where user_id = ?').pluck().get(u.user.id)).toBe(1);
  }, 60_000);
});

describe('change of email address', () => {
  it('changes the address only when the link sent to the new one is opened', async () => {
    const u = await signUp(t);
    const target = `moved-${Date.now()}@example.org`;
    expect((await u.call('POST', '/api/me/email', { email: u.credentials.email, password: u.credentials.password })).json())
      .toEqual({ error: 'same_email', message: 'That is already your sign-in address; enter the new one.' });
    const wrong = await u.call('POST', '/api/me/email', { email: target, password: 'not my password at all' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toEqual({ error: 'wrong_password', message: 'Your password is not right; your address was not changed.' });
    const asked = await u.call('POST', '/api/me/email', { email: target.toUpperCase(), password: u.credentials.password });
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.json()).toMatchObject({ pendingEmail: target });
    expect((await u.call('GET', '/api/me')).json().user.email).toBe(u.credentials.email);
    expect((await login(target, u.credentials.password)).statusCode).toBe(401);
    const [token] = linksTo(target, 'confirm-email');
    expect(token).toBeDefined();
    expect(linksTo(u.credentials.email, 'confirm-email')).toEqual([]);

    // Anyone holding the link confirms it (it is opened from the new mailbox, maybe signed out).
    const confirmed = await anon('/api/auth/email-confirm', { token: token! });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toEqual({ message: `Your sign-in address is now ${target}.`, email: target });
    expect((await u.call('GET', '/api/me')).json().user.email).toBe(target);
    expect((await login(target, u.credentials.password)).statusCode).toBe(200);
    expect((await login(u.credentials.email, u.credentials.password)).statusCode).toBe(401);
    // The old address is told.
    const notice = log.find((l) => l.mailTo === u.credentials.email && l.subject === 'Your CETL Practice sign-in address was changed');
    expect(notice?.msg).toContain(`The sign-in address of your CETL Practice account was changed from ${u.credentials.email} to ${target}.`);
    expect((await anon('/api/auth/email-confirm', { token: token! })).json()).toEqual({
      error: 'invalid_token', message: 'This confirmation link is not valid: it has expired, was already used, or a newer one was sent. Ask for a new one.',
    });
  }, 60_000);

  it('mails at most 3 confirmation links in 15 minutes, then says so; the mail names both addresses', async () => {
    const u = await signUp(t);
    const ask = (n: number) => u.call('POST', '/api/me/email', { email: `limit-${n}-${u.user.id}@example.org`, password: u.credentials.password });
    for (let n = 1; n <= 3; n++) {
      const asked = await ask(n);
      expect(asked.statusCode).toBe(202);
      expect(asked.json().message).toBe(`We sent a link to limit-${n}-${u.user.id}@example.org. Your sign-in address changes when you open it (within 24 hours); until then it stays ${u.credentials.email}.`);
    }
    const mail = log.find((l) => l.mailTo === `limit-1-${u.user.id}@example.org`)!;
    expect(mail.subject).toBe('Confirm your new address for CETL Practice');
    const refused = await ask(4);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ error: 'too_many_requests', message: 'We sent 3 confirmation links in the last 15 minutes; open the latest one, or try again later.' });
    await later(t, 15 * MINUTE + 1000, async () => {
      expect((await ask(5)).statusCode).toBe(202);
    });
  }, 60_000);

  it('refuses a taken address, and checks again at confirmation inside the change', async () => {
    const u = await signUp(t);
    const taken = await signUp(t);
    expect((await u.call('POST', '/api/me/email', { email: taken.credentials.email, password: u.credentials.password })).json()).toEqual({ error: 'email_taken', message: 'Another account uses that address; choose another.' });
    const target = `race-${Date.now()}@example.org`;
    expect((await u.call('POST', '/api/me/email', { email: target, password: u.credentials.password })).statusCode).toBe(202);
    await signUp(t, { email: target });
    const [token] = linksTo(target, 'confirm-email');
    const refused = await anon('/api/auth/email-confirm', { token: token! });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({ error: 'email_taken', message: 'Another account took this address after the link was sent; choose another address on your profile.' });
    expect((await u.call('GET', '/api/me')).json().user.email).toBe(u.credentials.email);
  }, 60_000);

  it('a confirmation link lasts 24 hours', async () => {
    const u = await signUp(t);
    const target = `slow-${Date.now()}@example.org`;
    await u.call('POST', '/api/me/email', { email: target, password: u.credentials.password });
    const [token] = linksTo(target, 'confirm-email');
    t.clock.offset += 24 * 60 * MINUTE + 1000;
    expect((await anon('/api/auth/email-confirm', { token: token! })).json()).toMatchObject({ error: 'invalid_token' });
    expect(t.db.$client.prepare('select email from users where id = ?').pluck().get(u.user.id)).toBe(u.credentials.email);
  }, 60_000);
});

/** A tutor attempt with one answered slot, a self-rating, an essay and a question report. */
async function someActivity(u: Caller) {
  const { attempt, items } = (await u.call('POST', '/api/attempts', { mode: 'tutor', length: 3 })).json();
  expect((await u.call('PUT', `/api/attempts/${attempt.id}/responses/1`, { choice: 'B' })).statusCode).toBe(200);
  expect((await u.call('PUT', '/api/learning/self-ratings', { ratings: [{ area: 1, rating: 2 }] })).statusCode).toBe(200);
  const essay = (await u.call('POST', '/api/essays', { promptId: 'P01-01' })).json();
  await u.call('PUT', `/api/essays/${essay.id}/text`, { text: `Dear board, the plan of ${u.user.name}.`, revision: 1 });
  const report = await u.call('POST', `/api/items/${items[0].itemId}/reports`, { attemptId: attempt.id, reason: 'unclear', text: `Unclear to ${u.user.name}` });
  expect(report.statusCode, report.body).toBe(201);
  return { attemptId: attempt.id as string, essayId: essay.id as string };
}

describe('download my data', () => {
  it('is a JSON attachment of the person’s own data, without the password hash or anyone else’s', async () => {
    const u = await signUp(t, { name: 'Ella Exporter' });
    const stranger = await signUp(t, { name: 'Sam Stranger' });
    const mine = await someActivity(u);
    const theirs = await someActivity(stranger);
    const group = (await stranger.call('POST', '/api/groups', { name: 'Shared cohort' })).json();
    await u.call('POST', '/api/groups/join', { code: group.inviteCode });

    const res = await u.call('GET', '/api/me/export');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="cetl-practice-data-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = res.json();
    expect(data.profile).toMatchObject({ id: u.user.id, email: u.credentials.email, name: 'Ella Exporter' });
    expect(data.attempts).toHaveLength(1);
    expect(data.attempts[0]).toMatchObject({ id: mine.attemptId, mode: 'tutor' });
    expect(data.attempts[0].slots).toHaveLength(3);
    expect(data.attempts[0].slots[0]).toMatchObject({ slot: 1, choice: 'B' });
    expect(data.essays.map((e: { id: string }) => e.id)).toEqual([mine.essayId]);
    expect(data.essays[0].text).toContain('Ella Exporter');
    expect(data.selfRatings).toEqual([expect.objectContaining({ area: 1, rating: 2 })]);
    expect(data.groups).toEqual([expect.objectContaining({ groupId: group.id, name: 'Shared cohort', role: 'member' })]);
    expect(data.questionReports).toEqual([expect.objectContaining({ reason: 'unclear', text: 'Unclear to Ella Exporter' })]);
    expect(data.sessions).toEqual([expect.objectContaining({ current: true })]);

    const text = res.body;
    const hash = t.db.$client.prepare('select password_hash from users where id = ?').pluck().get(u.user.id) as string;
    expect(text).not.toContain(hash);
    expect(text).not.toMatch(/password_?hash|token_?hash/i);
    for (const other of [stranger.credentials.email, 'Sam Stranger', theirs.attemptId, theirs.essayId]) expect(text).not.toContain(other);
    expect(text).not.toContain(`"userId":${stranger.user.id}`);
  }, 60_000);
});

describe('download my data, in its parts', () => {
  it('keeps each attempt’s slots with it in order, each essay’s scores with it, and marks the current session', async () => {
    const u = await signUp(t, { name: 'Olga Ordered' });
    await signIn(t, u.credentials);
    const { attempt: first } = await startAttempt(u, { mode: 'tutor', length: 2 });
    await u.call('PUT', `/api/attempts/${first.id}/responses/2`, { choice: 'C' });
    await u.call('POST', `/api/attempts/${first.id}/submit`);
    // A second later, so the two attempts are in a known order.
    await later(t, 1000, async () => {
      const { attempt: second } = await startAttempt(u, { mode: 'tutor', length: 3 });
      const essayId = await handedIn(u, 'Dear board, here is the plan and its budget.');
      const scored = await u.call('POST', `/api/essays/${essayId}/scores`, { levels: { understanding: 2, strategy: 2, audience: 2, accuracy: 2, organisation: 2 } });
      expect(scored.statusCode, scored.body).toBeLessThan(300);
      // A second essay, handed in unscored: only its automated reading goes with it.
      const another = (await u.call('POST', '/api/essays', { promptId: 'P01-02' })).json();
      await u.call('POST', `/api/essays/${another.id}/submit`);
      // A calibration Olga gave on someone else's shared essay.
      const writer = await signUp(t);
      const theirs = (await writer.call('POST', '/api/essays', { promptId: 'P01-01' })).json();
      await writer.call('POST', `/api/essays/${theirs.id}/submit`);
      const share = (await writer.call('POST', `/api/essays/${theirs.id}/shares`)).json();
      const levels = { understanding: 3, strategy: 3, audience: 3, accuracy: 3, organisation: 3 };
      expect((await u.call('POST', `/api/essays/shared/${share.token}/calibration`, { levels })).statusCode).toBe(201);

      const data = (await u.call('GET', '/api/me/export')).json();
      expect(data.attempts.map((a: { id: string }) => a.id)).toEqual([first.id, second.id]);
      expect(data.attempts.map((a: { slots: { slot: number }[] }) => a.slots.map((x) => x.slot))).toEqual([[1, 2], [1, 2, 3]]);
      expect(data.attempts[0].slots.map((x: { choice: string | null }) => x.choice)).toEqual([null, 'C']);
      expect(data.attempts[0].slots[0]).not.toHaveProperty('attemptId');
      const exported = (id: string) => data.essays.find((e: { id: string }) => e.id === id);
      expect(data.essays).toHaveLength(2);
      expect(exported(another.id).scores.map((x: { source: string }) => x.source)).toEqual(['auto']);
      expect(data.calibrations).toEqual([expect.objectContaining({ promptId: 'P01-01', levels })]);
      expect(data.calibrations[0]).not.toHaveProperty('readerId');
      // The automated first reading (no reader) and the writer's own score.
      const scores = [...exported(essayId).scores].sort((a: { source: string }, b: { source: string }) => a.source.localeCompare(b.source));
      expect(scores).toEqual([
        expect.objectContaining({ source: 'auto', byYou: false }),
        expect.objectContaining({ source: 'self', byYou: true, levels: expect.objectContaining({ understanding: 2 }) }),
      ]);
      expect(data.sessions.map((x: { current: boolean }) => x.current).sort()).toEqual([false, true]);
      // The unanswered slot 1 of the first attempt became a review card, kept without the owner's id.
      expect(data.reviewCards).toEqual(expect.arrayContaining([expect.objectContaining({ itemId: expect.any(String) })]));
      expect(data.reviewCards.every((c: object) => !('userId' in c))).toBe(true);
    });
  }, 60_000);
});

describe('delete my account', () => {
  const count = (sql: string, ...args: unknown[]) => t.db.$client.prepare(sql).pluck().get(...args) as number;

  it('asks for the typed address and the password, then removes the person and hands groups over', async () => {
    const u = await signUp(t, { name: 'Dee Leaving' });
    const second = await signIn(t, u.credentials);
    const coach = await signUp(t);
    const member = await signUp(t);
    const otherOwner = await signUp(t);
    await someActivity(u);
    // G1: u owns it and has a coach → the coach takes it over. G2: no other coach → deleted.
    const g1 = (await u.call('POST', '/api/groups', { name: 'Handed over' })).json();
    const g2 = (await u.call('POST', '/api/groups', { name: 'Goes away' })).json();
    for (const g of [g1, g2]) await member.call('POST', '/api/groups/join', { code: g.inviteCode });
    await coach.call('POST', '/api/groups/join', { code: g1.inviteCode });
    await u.call('PATCH', `/api/groups/${g1.id}/members/${coach.user.id}`, { role: 'coach' });
    // G3: someone else's group where u coaches and set a drill → the drill stays, now the owner's.
    const g3 = (await otherOwner.call('POST', '/api/groups', { name: 'Not theirs' })).json();
    await u.call('POST', '/api/groups/join', { code: g3.inviteCode });
    await otherOwner.call('PATCH', `/api/groups/${g3.id}/members/${u.user.id}`, { role: 'coach' });
    const drill = (await u.call('POST', `/api/groups/${g3.id}/drills`, { title: 'Set by Dee', areas: [1], length: 1, mode: 'tutor' })).json();
    await anon('/api/auth/password-reset', { email: u.credentials.email }, from());

    const mismatch = await u.call('POST', '/api/me/delete', { confirm: 'DELETE', password: u.credentials.password });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json()).toMatchObject({ error: 'confirmation_mismatch', message: expect.stringContaining(u.credentials.email) });
    expect((await u.call('POST', '/api/me/delete', { confirm: u.credentials.email, password: 'not my password at all' })).statusCode).toBe(403);
    expect(count('select count(*) from users where id = ?', u.user.id)).toBe(1);

    const gone = await u.call('POST', '/api/me/delete', { confirm: ` ${u.credentials.email.toUpperCase()} `, password: u.credentials.password });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json()).toEqual({
      message: 'Your account and everything kept about you were deleted, and you were signed out everywhere.',
      groupsHandedOver: 1,
      groupsDeleted: 1,
    });
    expect(gone.cookies.find((c) => c.name === 'cetl_session')).toMatchObject({ value: '', path: '/' });

    for (const table of ['sessions', 'attempts', 'exposures', 'essays', 'self_ratings', 'review_cards', 'group_members', 'account_tokens', 'sign_in_addresses', 'question_reports', 'drill_attempts']) {
      expect(count(`select count(*) from ${table} where user_id = ?`, u.user.id), table).toBe(0);
    }
    expect(count('select count(*) from users where id = ?', u.user.id)).toBe(0);
    expect(count('select count(*) from login_failures where email = ?', u.credentials.email)).toBe(0);
    expect(count("select count(*) from essay_scores where reader_id = ?", u.user.id)).toBe(0);
    expect((await me(u.cookie)).statusCode).toBe(401);
    expect((await me(second.cookie)).statusCode).toBe(401);
    expect((await login(u.credentials.email, u.credentials.password)).statusCode).toBe(401);

    const handed = (await coach.call('GET', `/api/groups/${g1.id}`)).json();
    expect(handed.role).toBe('owner');
    expect(count('select count(*) from groups where id = ? and owner_id = ?', g1.id, coach.user.id)).toBe(1);
    expect((await member.call('GET', `/api/groups/${g2.id}`)).statusCode).toBe(404);
    expect(count('select count(*) from groups where id = ?', g2.id)).toBe(0);
    expect(count('select created_by from drills where id = ?', drill.id)).toBe(otherOwner.user.id);
  }, 90_000);

  it('asks for the password under the sign-in throttle: guessing through a session stops after 5', async () => {
    const u = await signUp(t);
    const ip = from();
    const attempt = () => t.app.inject({ method: 'POST', url: '/api/me/delete', headers: { cookie: u.cookie }, payload: { confirm: u.credentials.email, password: 'a wrong guess here' }, remoteAddress: ip });
    const first = await attempt();
    expect(first.statusCode).toBe(403);
    expect(first.json()).toEqual({ error: 'wrong_password', message: 'Your password is not right; nothing was deleted.' });
    for (let i = 1; i < 5; i++) expect((await attempt()).statusCode).toBe(403);
    const refused = await attempt();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('900');
    expect(refused.json()).toEqual({ error: 'too_many_attempts', message: 'Too many wrong passwords; wait 15 minutes and try again.', retryAfterSeconds: 900 });
    expect(count('select count(*) from users where id = ?', u.user.id)).toBe(1);
  }, 90_000);
});
