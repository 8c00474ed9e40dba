// The sign-in throttle's store on a real SQLite file: a success forgives the account's settled
// failures but not a check still running (a guess sent alongside the right password still counts).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginThrottle } from '../../server/routes/auth/throttle.ts';
import { signUp, startApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(() => t.close());

it('keeps a failure still in flight when the right password succeeds meanwhile', async () => {
  const throttle = loginThrottle(t.db);
  const { user, credentials: { email } } = await signUp(t);
  const userId = user.id;
  const now = 1_800_000_000_000;
  const failures = () => t.db.$client.prepare('select count(*) from login_failures where email = ?').pluck().get(email);

  for (let i = 0; i < 3; i++) throttle.failed(throttle.reserve(email, '10.0.0.1', userId, now).id!);
  const guess = throttle.reserve(email, '10.0.0.2', userId, now + 1); // its hash still running
  const right = throttle.reserve(email, '10.0.0.3', userId, now + 2);
  expect(failures()).toBe(5);
  throttle.succeeded(right.id!, email, userId, '10.0.0.3', now + 3);
  expect(failures()).toBe(1); // the three settled ones and the success's own reservation are gone
  throttle.failed(guess.id!);
  expect(failures()).toBe(1);
});
