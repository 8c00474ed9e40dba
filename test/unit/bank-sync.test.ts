// The bank sync and the in-memory catalog against a real (in-memory) SQLite database with the
// project's migrations: what each sync writes, and what the catalog then shows.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client.ts';
import { contentHash, syncBank } from '../../server/bank/sync.ts';
import { catalogOf } from '../../server/bank/catalog.ts';
import { syncPart2 } from '../../server/bank/part2/sync.ts';
import { fixtureItem, realFramework, realPart2 } from '../fixtures/bank.ts';
import type { BankItem } from '../../server/bank/load.ts';
import type { ItemContent } from '../../server/db/schema/index.ts';

const rows = (db: ReturnType<typeof openDatabase>, sql: string) => db.$client.prepare(sql).all();
const edited = (item: BankItem, stem: string): BankItem => ({ ...item, content: { ...item.content, stem } });

describe('contentHash', () => {
  const content = fixtureItem('1A', 1, 1).content;

  it('does not depend on the order keys were written in', () => {
    const reordered = {
      refs: content.refs,
      rationale: { D: content.rationale.D, C: content.rationale.C, B: content.rationale.B, A: content.rationale.A },
      answer: content.answer,
      options: { D: content.options.D, C: content.options.C, B: content.options.B, A: content.options.A },
      stem: content.stem,
      difficulty: content.difficulty,
    };
    expect(contentHash(reordered)).toBe(contentHash(content));
    expect(contentHash(content)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with every field a candidate sees or is scored by', () => {
    const variants: ItemContent[] = [
      { ...content, difficulty: 3 },
      { ...content, stem: 'Another stem?' },
      { ...content, options: { ...content.options, D: 'another option' } },
      { ...content, answer: content.answer === 'A' ? 'B' : 'A' },
      { ...content, rationale: { ...content.rationale, A: 'another reason' } },
      { ...content, refs: ['another source'] },
    ];
    const hashes = new Set([content, ...variants].map((c) => contentHash(c)));
    expect(hashes.size).toBe(7);
  });
});

describe('syncBank', () => {
  const bank = [fixtureItem('1A', 1, 1), fixtureItem('1A', 2, 1), fixtureItem('3B', 1, 3)];

  it('adds every item at version 1 with its code, area, content and key', () => {
    const db = openDatabase(':memory:');
    expect(syncBank(db, bank, 1000)).toEqual({ added: 3, changed: 0, retired: 0, restored: 0, unchanged: 0 });
    expect(rows(db, 'select id, code, area, current_version, retired_at from items order by id')).toEqual([
      { id: '1A-001', code: '1A', area: 1, current_version: 1, retired_at: null },
      { id: '1A-002', code: '1A', area: 1, current_version: 1, retired_at: null },
      { id: '3B-001', code: '3B', area: 3, current_version: 1, retired_at: null },
    ]);
    const v = rows(db, "select version, answer, content, content_hash, created_at from item_versions where item_id = '3B-001'");
    expect(v).toEqual([{ version: 1, answer: bank[2].content.answer, content: JSON.stringify(bank[2].content), content_hash: contentHash(bank[2].content), created_at: 1000 }]);
  });

  it('retires what left the files at the time of the sync, and restores it unchanged when it returns', () => {
    const db = openDatabase(':memory:');
    syncBank(db, bank, 1000);
    expect(syncBank(db, bank.slice(0, 2), 2000)).toEqual({ added: 0, changed: 0, retired: 1, restored: 0, unchanged: 2 });
    expect(rows(db, "select retired_at from items where id = '3B-001'")).toEqual([{ retired_at: 2000 }]);
    expect(syncBank(db, bank, 3000)).toEqual({ added: 0, changed: 0, retired: 0, restored: 1, unchanged: 3 });
    expect(rows(db, "select retired_at, current_version from items where id = '3B-001'")).toEqual([{ retired_at: null, current_version: 1 }]);
  });

  it('restores a retired item that comes back rewritten as its next version', () => {
    const db = openDatabase(':memory:');
    syncBank(db, bank, 1000);
    syncBank(db, bank.slice(0, 2), 2000);
    const back = [...bank.slice(0, 2), edited(bank[2], 'Rewritten while away?')];
    expect(syncBank(db, back, 3000)).toEqual({ added: 0, changed: 1, retired: 0, restored: 1, unchanged: 2 });
    expect(rows(db, "select retired_at, current_version from items where id = '3B-001'")).toEqual([{ retired_at: null, current_version: 2 }]);
    expect(rows(db, "select version, created_at from item_versions where item_id = '3B-001' order by version")).toEqual([
      { version: 1, created_at: 1000 },
      { version: 2, created_at: 3000 },
    ]);
  });

  it('moves a rewritten item to the code and area its file now gives', () => {
    const db = openDatabase(':memory:');
    syncBank(db, bank, 1000);
    const moved = { ...edited(bank[0], 'Now about planning?'), code: '2B', area: 2 };
    syncBank(db, [moved, ...bank.slice(1)], 2000);
    expect(rows(db, "select code, area, current_version from items where id = '1A-001'")).toEqual([{ code: '2B', area: 2, current_version: 2 }]);
  });
});

describe('the item catalog', () => {
  const bank = [fixtureItem('1B', 1, 1), fixtureItem('1A', 2, 1), fixtureItem('1A', 1, 1), fixtureItem('3B', 1, 3)];

  it('indexes active items by area and code, ids in order', () => {
    const db = openDatabase(':memory:');
    syncBank(db, bank, 1000);
    const catalog = catalogOf(db);
    expect([...catalog.byArea].map(([area, codes]) => [area, [...codes]])).toEqual([
      [1, [['1A', ['1A-001', '1A-002']], ['1B', ['1B-001']]]],
      [3, [['3B', ['3B-001']]]],
    ]);
    expect(catalog.active.get('3B-001')).toEqual({ id: '3B-001', code: '3B', area: 3, version: 1 });
    expect(catalog.active.size).toBe(4);
  });

  it("shows an active item's current text, and none for a retired or unknown one", () => {
    const db = openDatabase(':memory:');
    syncBank(db, bank, 1000);
    syncBank(db, [edited(bank[0], 'Second wording?'), ...bank.slice(1, 3)], 2000);
    const catalog = catalogOf(db);
    expect(catalog.current('1B-001')?.stem).toBe('Second wording?');
    expect(catalog.current('3B-001')).toBeNull();
    expect(catalog.current('9Z-001')).toBeNull();
    expect(catalog.byArea.get(3)).toBeUndefined();
  });

  it('keeps every version readable, and says which one does not exist', () => {
    const db = openDatabase(':memory:');
    syncBank(db, bank, 1000);
    syncBank(db, [edited(bank[0], 'Second wording?'), ...bank.slice(1)], 2000);
    const catalog = catalogOf(db);
    expect(catalog.version('1B-001', 1)).toEqual({ code: '1B', area: 1, content: bank[0].content });
    expect(catalog.version('1B-001', 2).content.stem).toBe('Second wording?');
    expect(catalog.version('1B-001', 1)).toBe(catalog.version('1B-001', 1));
    expect(() => catalog.version('1B-001', 3)).toThrow('item 1B-001 has no version 3');
  });

  it('is rebuilt after a sync', () => {
    const db = openDatabase(':memory:');
    syncBank(db, bank.slice(0, 1), 1000);
    expect(catalogOf(db).active.size).toBe(1);
    syncBank(db, bank, 2000);
    expect([...catalogOf(db).active.keys()]).toEqual(['1A-001', '1A-002', '1B-001', '3B-001']);
  });
});

describe('syncPart2', () => {
  const framework = realFramework();
  const part2 = realPart2(framework);

  it('records the rubric and each prompt version once, and only a changed prompt again', () => {
    const db = openDatabase(':memory:');
    expect(syncPart2(db, part2, 1000)).toEqual({ promptVersions: part2.prompts.length });
    expect(syncPart2(db, part2, 2000)).toEqual({ promptVersions: 0 });
    const [first, ...others] = part2.prompts;
    const rewritten = { ...part2, prompts: [{ ...first, version: 'a-new-version', task: 'Another task.' }, ...others] };
    expect(syncPart2(db, rewritten, 3000)).toEqual({ promptVersions: 1 });
    expect(rows(db, `select version, created_at from prompt_versions where prompt_id = '${first.id}' order by created_at`)).toEqual([
      { version: first.version, created_at: 1000 },
      { version: 'a-new-version', created_at: 3000 },
    ]);
    const rubric = rows(db, 'select version, content, created_at from rubric_versions') as { version: string; content: string; created_at: number }[];
    expect(rubric.map((r) => [r.version, r.created_at])).toEqual([[part2.rubric.version, 1000]]);
    expect(JSON.parse(rubric[0].content)).toEqual(part2.rubric);
  });
});
