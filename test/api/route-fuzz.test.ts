// A fast-check property over every route in the app's route table: whatever arrives (bodies,
// params, headers, content types, sizes), the answer is never a 5xx, a refusal is { error, message },
// and a refused request changes nothing in the database. FUZZ_RUNS sets the size (npm run fuzz).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { signUp, startApp, type TestApp } from './harness.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

let t: TestApp;
let cookie: string;
let attemptId: string;
beforeAll(async () => {
  t = await startApp();
  const u = await signUp(t);
  cookie = u.cookie;
  attemptId = (await u.call('POST', '/api/attempts', { mode: 'tutor', length: 5 })).json().attempt.id;
});
afterAll(async () => { await t.close(); });

/** Everything a request could change, except the sign-in throttle's own failure records. */
function fingerprint(): string {
  const c = t.db.$client;
  return ['users', 'sessions', 'attempts', 'slots', 'exposures', 'sign_in_addresses', 'items', 'item_versions', 'essays', 'essay_scores',
    'essay_shares', 'calibrations', 'groups', 'group_members', 'drills', 'drill_attempts', 'essay_reviews']
    .map((table) => JSON.stringify(c.prepare(`select * from ${table} order by rowid`).all()))
    .join('\n');
}

const weird = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', '0', '-1', '1e9', '%00', '%E0%A4%A', '..%2F..%2Fetc', "' or 1=1 --", 'null', '\u202E', 'a'.repeat(300)),
  fc.integer().map(String),
);
const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({ mode: fc.constantFrom('exam', 'tutor', 'x'), length: fc.integer({ min: -5, max: 500 }), areas: fc.array(fc.integer({ min: -1, max: 12 })), codes: fc.array(weird) }, { requiredKeys: [] }),
  fc.record({ choice: fc.constantFrom('A', 'B', 'E', null, 1), flagged: fc.oneof(fc.boolean(), fc.string()) }, { requiredKeys: [] }),
  fc.record({ email: weird, password: weird, name: weird }, { requiredKeys: [] }),
  fc.record({ name: weird, timeMultiplier: fc.double() }, { requiredKeys: [] }),
  fc.record({ currentPassword: weird, newPassword: weird }, { requiredKeys: [] }),
);
const body = fc.oneof(
  jsonValue.map((v) => ({ payload: JSON.stringify(v) ?? 'null', type: 'application/json' })),
  fc.string({ maxLength: 200 }).map((s) => ({ payload: s, type: 'application/json' })),
  fc.string({ maxLength: 200 }).map((s) => ({ payload: s, type: 'text/plain' })),
  fc.constant({ payload: 'a=1&b=2', type: 'application/x-www-form-urlencoded' }),
  fc.constant({ payload: '', type: undefined as string | undefined }),
  fc.integer({ min: 60_000, max: 70_000 }).map((n) => ({ payload: JSON.stringify({ name: 'x'.repeat(n) }), type: 'application/json' })),
);
const headers = fc.record({
  origin: fc.constantFrom(undefined, 'http://localhost:80', 'https://evil.example', 'null'),
  'sec-fetch-site': fc.constantFrom(undefined, 'same-origin', 'cross-site', 'same-site', 'none'),
  cookie: fc.constantFrom('own', 'none', 'cetl_session=forged.value', 'cetl_session='),
  accept: fc.constantFrom(undefined, 'application/json', 'text/html', '*/*'),
}, { requiredKeys: [] });

describe('every route under random input', () => {
  it('lists the routes it walks (the table is not empty)', () => {
    expect(t.app.routeTable.filter((r) => r.url.startsWith('/api/')).length).toBeGreaterThanOrEqual(12);
  });

  it('never answers 5xx, refuses in the error shape, and a refusal changes nothing', async () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.array(weird, { minLength: 2, maxLength: 2 }), fc.boolean(), body, headers, async (route, params, realId, b, h) => {
        let i = 0;
        const url = route.url.replace(/:(\w+)/g, (_m, name: string) => (name === 'id' && realId ? attemptId : encodeURIComponent(params[i++] ?? '')));
        const sent: Record<string, string> = {};
        for (const [k, v] of Object.entries(h)) if (v !== undefined && k !== 'cookie') sent[k] = v;
        if (h.cookie === 'own') sent.cookie = cookie;
        else if (h.cookie && h.cookie !== 'none') sent.cookie = h.cookie;
        if (b.type) sent['content-type'] = b.type;
        const before = fingerprint();
        const res = await t.app.inject({ method: route.method as 'GET', url, headers: sent, ...(route.method === 'GET' ? {} : { payload: b.payload }) });
        expect(res.statusCode, `${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`).toBeLessThan(500);
        if (res.statusCode >= 400) {
          const reply = res.json();
          expect(typeof reply.error).toBe('string');
          expect(typeof reply.message).toBe('string');
          expect(fingerprint(), `${route.method} ${url} was refused but changed the database`).toBe(before);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);
});
