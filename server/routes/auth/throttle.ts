// The sign-in throttle's reads and writes, and its 429. `reserve` counts a password check before it
// starts, in one synchronous step with the decision, so concurrent guesses cannot outrun the limit.
import { and, count, eq, gt, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { perDatabase } from '../../db/per-database.ts';
import { loginFailures, signInAddresses } from '../../db/schema/index.ts';
import { loginVerdict, LOGIN_WINDOW_MS, type LoginVerdict } from '../../domain/session.ts';
import { HttpError } from '../../plugins/errors.ts';

/** The owner's address is remembered this long after a successful sign-in from it. */
const KNOWN_ADDRESS_MS = 90 * 24 * 60 * 60 * 1000;

export function loginThrottle(db: Db) {
  const p = sql.placeholder;
  const forAccount = db.select({ n: count(), last: max(loginFailures.at) }).from(loginFailures)
    .where(and(eq(loginFailures.email, p('email')), gt(loginFailures.at, p('since')))).prepare();
  const forAddress = db.select({ n: count() }).from(loginFailures)
    .where(and(eq(loginFailures.address, p('address')), gt(loginFailures.at, p('since')))).prepare();
  const known = db.select({ lastAt: signInAddresses.lastAt }).from(signInAddresses)
    .where(and(eq(signInAddresses.userId, p('userId')), eq(signInAddresses.address, p('address')))).prepare();
  const insert = db.$client.prepare('insert into login_failures (email, address, at) values (?, ?, ?)');
  const clearSettled = db.$client.prepare('delete from login_failures where email = ? and id not in (select value from json_each(?))');
  const remember = db.$client.prepare(
    'insert into sign_in_addresses (user_id, address, last_at) values (?, ?, ?) on conflict (user_id, address) do update set last_at = excluded.last_at');
  /** Checks started and not yet settled; a success must not erase them. */
  const inFlight = new Set<number>();

  return {
    /** Decide and, when allowed, count the check — synchronously, with no await in between. */
    reserve(email: string, address: string, userId: number | null, now: number): { verdict: LoginVerdict; id: number | null } {
      const since = now - LOGIN_WINDOW_MS;
      const account = forAccount.get({ email, since })!;
      const knownAt = userId === null ? undefined : known.get({ userId, address })?.lastAt;
      const verdict = loginVerdict({
        account: account.n,
        address: forAddress.get({ address, since })!.n,
        lastAccountAt: account.last ?? null,
        knownAddress: knownAt !== undefined && now - knownAt < KNOWN_ADDRESS_MS,
      }, now);
      if (!verdict.ok) return { verdict, id: null };
      const id = Number(insert.run(email, address, now).lastInsertRowid);
      inFlight.add(id);
      return { verdict, id };
    },
    /** A wrong password: the reservation stays as the failure it turned out to be. */
    failed(id: number) {
      inFlight.delete(id);
    },
    /** The right password: the account's settled failures are forgiven and the address remembered. */
    succeeded(id: number, email: string, userId: number, address: string, now: number) {
      inFlight.delete(id);
      db.transaction(() => {
        clearSettled.run(email, JSON.stringify([...inFlight]));
        remember.run(userId, address, now);
      });
    },
  };
}

/**
 * One throttle per database, shared by sign-in and the account routes that ask for the password
 * again (change password or email, delete the account): they count against the same limits.
 */
export const throttles = perDatabase(loginThrottle);

/** The 429 for a refused password check: the wait in seconds under 2 minutes, in minutes from there. */
export function tooManyAttempts(retryAfterMs: number, what: string): HttpError {
  const seconds = Math.ceil(retryAfterMs / 1000);
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  return new HttpError(429, 'too_many_attempts', `${what}; wait ${wait} and try again.`, { retryAfterSeconds: seconds }, { 'retry-after': String(seconds) });
}
