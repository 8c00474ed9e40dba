// The API tests' app: a synthetic bank of known shape over a scratch SQLite file.
import type { BankItem } from '../../server/bank/load.ts';
import { fixtureBank, realFramework } from '../fixtures/bank.ts';
import { scratchApp, type ScratchOptions } from '../fixtures/app.ts';
import { seedUser } from '../fixtures/seed-user.ts';

export const framework = realFramework();

/** `extra`: the app's logger or mail transport, when a test reads what it logs or mails. */
export function startApp(items: BankItem[] = fixtureBank(framework, (a) => 2 * framework.area.get(a)!.weight + 5), extra: Pick<ScratchOptions, 'logger' | 'mail'> = {}) {
  return scratchApp({ framework, items, ...extra });
}

export type TestApp = Awaited<ReturnType<typeof startApp>>;

let counter = 0;

/**
 * A fresh user with a live session (written straight into the database: see seed-user.ts), and a
 * caller that sends their session cookie.
 */
export async function signUp(t: TestApp, overrides: Partial<{ email: string; password: string; name: string }> = {}) {
  const body = { email: `user${++counter}-${Date.now()}@example.org`, password: 'correct horse battery', name: 'Pat Candidate', ...overrides };
  const { user, cookie } = await seedUser(t.db.$client, t.sessionSecret, body, t.clock.now());
  return callerFor(t, user, cookie, body);
}

/** Signs in again (a new session, e.g. after moving the clock past the idle limit). */
export async function signIn(t: TestApp, credentials: { email: string; password: string; name: string }) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: credentials.email, password: credentials.password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cetl_session')!;
  return callerFor(t, res.json().user, `${cookie.name}=${cookie.value}`, credentials);
}

function callerFor<U>(t: TestApp, user: U, cookie: string, credentials: { email: string; password: string; name: string }) {
  const headers = { cookie };
  return {
    user,
    cookie: headers.cookie,
    credentials,
    /** Writes are sent as the web app sends them: JSON (an empty object when there is no body). */
    call: (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
      t.app.inject({ method, url, headers, ...(method === 'GET' ? {} : { payload: (payload ?? {}) as object }) }),
  };
}

export type Caller = Awaited<ReturnType<typeof signUp>>;

/** POST /api/attempts as this caller; throws with the answer unless the attempt was created. */
export async function startAttempt(u: Caller, body: object) {
  const res = await u.call('POST', '/api/attempts', body);
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
}

/** Starts an essay (P01-01 unless `body` names another prompt), saves `text` and hands it in; returns its id. */
export async function handedIn(writer: Caller, text: string, body: object = { promptId: 'P01-01' }): Promise<string> {
  const ok = <R extends { statusCode: number; body: string }>(res: R, status: number): R => {
    if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body}`);
    return res;
  };
  const id: string = ok(await writer.call('POST', '/api/essays', body), 201).json().id;
  ok(await writer.call('PUT', `/api/essays/${id}/text`, { text, revision: 1 }), 200);
  ok(await writer.call('POST', `/api/essays/${id}/submit`), 200);
  return id;
}

/** An item's key as it reads now, straight from the database (the API shows it only after answering). */
export const keyOf = (t: TestApp, itemId: string) =>
  t.db.$client.prepare('select answer from item_versions where item_id = ? order by version desc limit 1').pluck().get(itemId) as string;
/** A wrong letter for an item. */
export const wrongOf = (t: TestApp, itemId: string) => (keyOf(t, itemId) === 'A' ? 'B' : 'A');

type SeatedItem = { slot: number; itemId: string; code: string; area: number };

/**
 * Starts an attempt (tutor mode unless `body` says otherwise), answers slot i with the key when
 * `right(i, item)` and with a wrong letter otherwise, and hands it in `ms` later; returns its id.
 */
export async function finishAttempt(t: TestApp, user: Caller, body: object, right: (i: number, item: SeatedItem) => boolean, ms = 0): Promise<string> {
  const { attempt, items } = await startAttempt(user, { mode: 'tutor', ...body });
  for (const [i, item] of (items as SeatedItem[]).entries()) {
    await user.call('PUT', `/api/attempts/${attempt.id}/responses/${item.slot}`, { choice: right(i, item) ? keyOf(t, item.itemId) : wrongOf(t, item.itemId) });
  }
  const submitted = await later(t, ms, () => user.call('POST', `/api/attempts/${attempt.id}/submit`));
  if (submitted.statusCode !== 200) throw new Error(`${submitted.statusCode} ${submitted.body}`);
  return attempt.id;
}

/** Runs `fn` with the server's clock `ms` later, then puts it back (a file's tests share one clock). */
export async function later<T>(t: TestApp, ms: number, fn: () => Promise<T>): Promise<T> {
  t.clock.offset += ms;
  try {
    return await fn();
  } finally {
    t.clock.offset -= ms;
  }
}

/** Runs `fn` with the server's clock stopped at `at` (a boundary to the millisecond), then lets it run again. */
export async function frozenAt<T>(t: TestApp, at: number, fn: () => Promise<T>): Promise<T> {
  const running = t.clock.now;
  t.clock.now = () => at;
  try {
    return await fn();
  } finally {
    t.clock.now = running;
  }
}

/**
 * Runs `fn` on an app built inside the calling test, and closes it. Stryker's per-test coverage
 * credits the code that runs while an app is built (route options, access rules, prepared
 * statements) only to a test that builds it, so only such tests try that start-up code's mutants;
 * an app built in `beforeAll` leaves it to no test.
 */
export async function withOwnApp<T>(fn: (own: TestApp) => Promise<T>, extra: Pick<ScratchOptions, 'logger' | 'mail'> = {}): Promise<T> {
  const own = await startApp(undefined, extra);
  try {
    return await fn(own);
  } finally {
    await own.close();
  }
}
