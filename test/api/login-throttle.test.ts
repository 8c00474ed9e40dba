// The sign-in throttle's store on a real SQLite file: a success forgives the account's settled
// failures but not a check still running (a guess sent alongside the right password still counts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client.ts';
import { loginThrottle } from '../../server/routes/auth/throttle.ts';

const dir = mkdtempSync(join(tmpdir(), 'cetl-throttle-'));
const db = openDatabase(join(dir, 'throttle.sqlite'));
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

it('keeps a failure still in flight when the right password succeeds meanwhile', () => {
  const throttle = loginThrottle(db);
  const email = 'pat@example.org';
  const now = 1_800_000_000_000;
  db.$client.prepare("insert into users (email, name, password_hash, created_at) values (?, 'Pat', 'x', ?)").run(email, now);
  const userId = db.$client.prepare('select id from users where email = ?').pluck().get(email) as number;
  const failures = () => db.$client.prepare('select count(*) from login_failures where email = ?').pluck().get(email);

  for (let i = 0; i < 3; i++) throttle.failed(throttle.reserve(email, '10.0.0.1', userId, now).id!);
  const guess = throttle.reserve(email, '10.0.0.2', userId, now + 1); // its hash still running
  const right = throttle.reserve(email, '10.0.0.3', userId, now + 2);
  expect(failures()).toBe(5);
  throttle.succeeded(right.id!, email, userId, '10.0.0.3', now + 3);
  expect(failures()).toBe(1); // the three settled ones and the success's own reservation are gone
  throttle.failed(guess.id!);
  expect(failures()).toBe(1);
});
