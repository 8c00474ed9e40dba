import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, startApp, framework, type TestApp } from './harness.ts';
import { syncBank } from '../../server/bank/sync.ts';
import { fixtureBank } from '../fixtures/bank.ts';

const bank = fixtureBank(framework, (a) => 2 * framework.area.get(a)!.weight + 5);
let t: TestApp;
beforeAll(async () => { t = await startApp(bank); });
afterAll(async () => { await t.close(); });

const count = (sql: string) => (t.db.$client.prepare(sql).get() as { n: number }).n;

describe('syncing the bank', () => {
  it('is idempotent: a second sync of the same files changes nothing', () => {
    expect(syncBank(t.db, bank, 1)).toEqual({ added: 0, changed: 0, retired: 0, restored: 0, unchanged: bank.length });
  });

  it('gives a changed item a new version while old attempts keep showing the version they used', async () => {
    const u = await signUp(t);
    const a = (await u.call('POST', '/api/attempts', { mode: 'tutor', codes: ['7A'], length: 1 })).json();
    const itemId = a.items[0].itemId;
    const oldStem = a.items[0].stem;
    const edited = bank.map((i) => (i.id === itemId ? { ...i, content: { ...i.content, stem: 'A rewritten stem?' } } : i));
    expect(syncBank(t.db, edited, 2)).toMatchObject({ changed: 1, added: 0 });
    expect(count(`select count(*) n from item_versions where item_id = '${itemId}'`)).toBe(2);
    const again = (await u.call('GET', `/api/attempts/${a.attempt.id}`)).json();
    expect(again.items[0].stem).toBe(oldStem);
    const fresh = (await u.call('POST', '/api/attempts', { mode: 'tutor', codes: ['7A'], length: 2 })).json();
    const shown = fresh.items.find((i: { itemId: string }) => i.itemId === itemId);
    expect(shown.stem).toBe('A rewritten stem?');
    syncBank(t.db, bank, 3); // back to the original text: a third version, not a rewrite of history
    expect(count(`select count(*) n from item_versions where item_id = '${itemId}'`)).toBe(3);
  });

  it('retires an item removed from the files (never deletes it) and stops drawing it', async () => {
    const gone = bank.filter((i) => i.code === '7B').map((i) => i.id);
    expect(syncBank(t.db, bank.filter((i) => i.code !== '7B'), 4)).toMatchObject({ retired: gone.length });
    expect(count(`select count(*) n from items where code = '7B' and retired_at is not null`)).toBe(gone.length);
    const u = await signUp(t);
    const res = await u.call('POST', '/api/attempts', { mode: 'tutor', codes: ['7B'], length: 1 });
    expect(res.statusCode).toBe(422);
    expect(syncBank(t.db, bank, 5)).toMatchObject({ restored: gone.length });
  });

  it('changes nothing when a sync fails part-way', () => {
    const before = count('select count(*) n from item_versions');
    const broken = [...bank, { ...bank[0], id: 'ZZ-001', code: 'ZZ' }, { ...bank[1], id: 'ZZ-001' }];
    expect(() => syncBank(t.db, broken, 6)).toThrow();
    expect(count('select count(*) n from item_versions')).toBe(before);
    expect(count(`select count(*) n from items where id = 'ZZ-001'`)).toBe(0);
  });
});
