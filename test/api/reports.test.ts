// Question reports: only for an item whose key the candidate has seen, kept with its version;
// admins answer them from a queue grouped by item; non-admins find no admin route at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startApp, type Caller, type TestApp } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(() => t.close());

async function admin(): Promise<Caller> {
  const a = await signUp(t, { name: 'Ada Admin' });
  t.db.$client.prepare("update users set role = 'admin' where id = ?").run(a.user.id);
  return a;
}

describe('reporting a question', () => {
  it('takes a report once the key is shown (tutor, after answering), with the version seen', async () => {
    const user = await signUp(t);
    const drill = (await user.call('POST', '/api/attempts', { mode: 'tutor', length: 2 })).json();
    const item = drill.items[0];
    const early = await user.call('POST', `/api/items/${item.itemId}/reports`, { attemptId: drill.attempt.id, reason: 'key_wrong', text: 'B is right too' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toEqual({ error: 'key_not_shown', message: 'Report a question once its key is shown: after answering it in tutor mode, or after handing in the exam.' });
    await user.call('PUT', `/api/attempts/${drill.attempt.id}/responses/${item.slot}`, { choice: 'A' });
    const res = await user.call('POST', `/api/items/${item.itemId}/reports`, { attemptId: drill.attempt.id, reason: 'two_right', text: ' B is right too ' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ itemId: item.itemId, version: 1, reason: 'two_right', text: 'B is right too', status: 'open', reply: null });
  });

  it('keeps an open exam’s items unreportable until it is handed in', async () => {
    const user = await signUp(t);
    const exam = (await user.call('POST', '/api/attempts', { mode: 'exam', length: 2 })).json();
    const item = exam.items[0];
    await user.call('PUT', `/api/attempts/${exam.attempt.id}/responses/${item.slot}`, { choice: 'A' });
    expect((await user.call('POST', `/api/items/${item.itemId}/reports`, { attemptId: exam.attempt.id, reason: 'unclear', text: '' })).statusCode).toBe(409);
    await user.call('POST', `/api/attempts/${exam.attempt.id}/submit`);
    expect((await user.call('POST', `/api/items/${item.itemId}/reports`, { attemptId: exam.attempt.id, reason: 'unclear', text: '' })).statusCode).toBe(201);
  });

  it('refuses an item that is not in the attempt, and someone else’s attempt', async () => {
    const user = await signUp(t);
    const other = await signUp(t);
    const drill = (await user.call('POST', '/api/attempts', { mode: 'tutor', length: 1 })).json();
    expect((await user.call('POST', '/api/items/9Z-999/reports', { attemptId: drill.attempt.id, reason: 'other', text: 'x' })).statusCode).toBe(404);
    expect((await other.call('POST', `/api/items/${drill.items[0].itemId}/reports`, { attemptId: drill.attempt.id, reason: 'other', text: 'x' })).statusCode).toBe(404);
  });
});

describe('the admin queue', () => {
  it('groups open reports by item; an answer reaches the candidate; a second answer is refused', async () => {
    const a = await admin();
    const users = [await signUp(t, { name: 'First' }), await signUp(t, { name: 'Second' })];
    let itemId = '';
    for (const u of users) {
      const drill = (await u.call('POST', '/api/attempts', { mode: 'tutor', areas: [7], length: 1, seed: 5 })).json();
      itemId = drill.items[0].itemId;
      await u.call('PUT', `/api/attempts/${drill.attempt.id}/responses/1`, { choice: 'C' });
      await u.call('POST', `/api/items/${itemId}/reports`, { attemptId: drill.attempt.id, reason: 'outdated', text: `from ${u.user.name}` });
    }
    const queue = (await a.call('GET', '/api/admin/reports')).json().items;
    const entry = queue.find((i: { itemId: string }) => i.itemId === itemId);
    expect(entry.reports.map((r: { reporter: string }) => r.reporter)).toEqual(['First', 'Second']);
    expect(entry.answer).toMatch(/^[ABCD]$/);
    const reportId = entry.reports[0].id;
    const resolved = await a.call('POST', `/api/admin/reports/${reportId}`, { status: 'upheld', reply: '  Fixed in the next bank.  ' });
    expect(resolved.json()).toMatchObject({ status: 'upheld', reply: 'Fixed in the next bank.' });
    expect((await a.call('POST', `/api/admin/reports/${reportId}`, { status: 'rejected', reply: 'No.' })).json()).toEqual({ error: 'already_resolved', message: 'This report has been answered already.' });
    expect((await a.call('POST', '/api/admin/reports/999999', { status: 'rejected', reply: 'No.' })).statusCode).toBe(404);
    const mine = (await users[0].call('GET', '/api/me/reports')).json().reports;
    expect(mine[0]).toMatchObject({ itemId, status: 'upheld', reply: 'Fixed in the next bank.' });
    const left = (await a.call('GET', '/api/admin/reports')).json().items.find((i: { itemId: string }) => i.itemId === itemId);
    expect(left.reports.map((r: { reporter: string }) => r.reporter)).toEqual(['Second']);
  });

  it('does not exist for anyone but admins', async () => {
    const user = await signUp(t);
    expect((await user.call('GET', '/api/admin/reports')).statusCode).toBe(404);
    expect((await user.call('POST', '/api/admin/reports/1', { status: 'upheld', reply: 'x' })).statusCode).toBe(404);
    expect((await t.app.inject('/api/admin/reports')).statusCode).toBe(401);
  });
});
