// A real app over a real SQLite file in a temp folder, with a clock the test can move.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/app.ts';
import { openDatabase } from '../../server/db/client.ts';
import { syncBank } from '../../server/bank/sync.ts';
import type { BankItem } from '../../server/bank/load.ts';
import { fixtureBank, realFramework } from '../fixtures/bank.ts';

export const framework = realFramework();

export async function startApp(items: BankItem[] = fixtureBank(framework, (a) => 2 * framework.area.get(a)!.weight + 5)) {
  const dir = mkdtempSync(join(tmpdir(), 'cetl-api-'));
  const db = openDatabase(join(dir, 'test.sqlite'));
  const clock = { offset: 0, now: () => Date.now() + clock.offset };
  syncBank(db, items, clock.now());
  const app = await buildApp({ db, framework, now: () => clock.now(), sessionSecret: 'x'.repeat(32), clientDir: join(dir, 'no-client') });
  await app.ready();
  return {
    app,
    db,
    clock,
    async close() {
      await app.close();
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof startApp>>;

let counter = 0;

/** Registers a fresh user and returns a caller that sends their session cookie. */
export async function signUp(t: TestApp, overrides: Partial<{ email: string; password: string; name: string }> = {}) {
  const body = { email: `user${++counter}-${Date.now()}@example.org`, password: 'correct horse battery', name: 'Pat Candidate', ...overrides };
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload: body });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cetl_session')!;
  const headers = { cookie: `${cookie.name}=${cookie.value}` };
  return {
    user: res.json().user,
    cookie: headers.cookie,
    credentials: body,
    call: (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
      t.app.inject({ method, url, headers, ...(payload !== undefined && { payload: payload as object }) }),
  };
}
