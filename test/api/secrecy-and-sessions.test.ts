// Exam keys stay secret after answering, on every route a candidate can call; sessions live exactly
// as long as documented; progress shows the last 12 finished attempts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startApp, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => { t = await startApp(); });
afterAll(async () => { await t.close(); });

/** Every key named answer, correct or rationale anywhere in a JSON body. */
function revealed(body: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
      if (k === 'answer' || k === 'rationale' || k === 'correct') found.push(`${path}.${k}`);
      walk(x, `${path}.${k}`);
    }
  };
  walk(body, '');
  return found;
}

describe('an open exam never reveals a key', () => {
  it('after its slots are answered and flagged, on every read, even with another attempt closed', async () => {
    const u = await signUp(t);
    const drill = (await u.call('POST', '/api/attempts', { mode: 'tutor', areas: [1], length: 3 })).json();
    for (const item of drill.items) await u.call('PUT', `/api/attempts/${drill.attempt.id}/responses/${item.slot}`, { choice: 'A' });
    await u.call('POST', `/api/attempts/${drill.attempt.id}/submit`);
    const exam = (await u.call('POST', '/api/attempts', { mode: 'exam', areas: [1, 2], length: 6 })).json();
    const id = exam.attempt.id;
    const bodies: [string, unknown][] = [['create', exam]];
    for (const item of exam.items) {
      const saved = await u.call('PUT', `/api/attempts/${id}/responses/${item.slot}`, { choice: 'B', flagged: item.slot % 2 === 0 });
      bodies.push([`save ${item.slot}`, saved.json()]);
      bodies.push([`flag ${item.slot}`, (await u.call('PUT', `/api/attempts/${id}/responses/${item.slot}`, { flagged: true })).json()]);
    }
    bodies.push(['read', (await u.call('GET', `/api/attempts/${id}`)).json()]);
    bodies.push(['list', (await u.call('GET', '/api/attempts')).json().attempts.find((a: { id: string }) => a.id === id)]);
    const report = await u.call('GET', `/api/attempts/${id}/report`);
    expect(report.statusCode).toBe(409);
    bodies.push(['report', report.json()]);
    const progress = (await u.call('GET', '/api/progress')).json();
    expect(progress.attempts.map((a: { id: string }) => a.id)).not.toContain(id);
    const examItems = new Set(exam.items.map((i: { itemId: string }) => i.itemId));
    const drillReport = (await u.call('GET', `/api/attempts/${drill.attempt.id}/report`)).json();
    expect(drillReport.items.filter((i: { itemId: string }) => examItems.has(i.itemId))).toEqual([]);
    for (const [what, body] of bodies) expect(revealed(body), what).toEqual([]);
    // After hand-in every slot shows its key.
    const after = (await u.call('GET', `/api/attempts/${id}`)).json();
    expect(revealed(after)).toEqual([]);
    const handedIn = (await u.call('POST', `/api/attempts/${id}/submit`)).json();
    expect(handedIn.items.every((i: { answer?: string; rationale?: object }) => i.answer && i.rationale)).toBe(true);
  });
});

describe('sessions', () => {
  it('stay alive for a candidate who keeps working past 2 hours', async () => {
    const u = await signUp(t);
    const base = t.clock.offset;
    try {
      for (let step = 1; step <= 4; step++) {
        t.clock.offset = base + step * 90 * 60_000; // every 90 minutes, 6 hours in all
        expect((await u.call('GET', '/api/me')).statusCode).toBe(200);
      }
    } finally {
      t.clock.offset = base;
    }
  });

  it('end after 7 days however active the candidate is', async () => {
    const u = await signUp(t);
    const base = t.clock.offset;
    try {
      for (let hour = 1; hour < 7 * 24; hour++) {
        t.clock.offset = base + hour * 60 * 60_000;
        expect((await u.call('GET', '/api/me')).statusCode, `hour ${hour}`).toBe(200);
      }
      t.clock.offset = base + 7 * 24 * 60 * 60_000 + 60_000;
      expect((await u.call('GET', '/api/me')).statusCode).toBe(401);
    } finally {
      t.clock.offset = base;
    }
  });
});

describe('progress', () => {
  it('shows the 12 most recent finished attempts', async () => {
    const u = await signUp(t);
    const ids: string[] = [];
    for (let i = 0; i < 13; i++) {
      const a = (await u.call('POST', '/api/attempts', { mode: 'tutor', areas: [3], length: 1 })).json();
      t.clock.offset += 1000;
      await u.call('POST', `/api/attempts/${a.attempt.id}/submit`);
      ids.push(a.attempt.id);
    }
    const shown = (await u.call('GET', '/api/progress')).json().attempts.map((a: { id: string }) => a.id);
    expect(shown).toHaveLength(12);
    expect(shown).toEqual(ids.slice(1).reverse());
  });
});
