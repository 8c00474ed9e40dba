// Brings the database in line with the bank files: new items, new versions, retirements.
import { createHash } from 'node:crypto';
import { eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { items, itemVersions, type ItemContent } from '../db/schema/index.ts';
import type { BankItem } from './load.ts';
import { invalidateCatalog } from './catalog.ts';

const LETTERS = ['A', 'B', 'C', 'D'] as const;

/** Canonical JSON (fixed key order) so the hash changes only when the content does. */
export function contentHash(content: ItemContent): string {
  const canonical = {
    difficulty: content.difficulty,
    stem: content.stem,
    options: Object.fromEntries(LETTERS.map((l) => [l, content.options[l]])),
    answer: content.answer,
    rationale: Object.fromEntries(LETTERS.map((l) => [l, content.rationale[l]])),
    refs: content.refs,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

export interface SyncSummary {
  added: number;
  changed: number;
  retired: number;
  restored: number;
  unchanged: number;
}

/** One transaction: either the whole bank lands or nothing changes. */
export function syncBank(db: Db, bankItems: readonly BankItem[], now: number): SyncSummary {
  const summary: SyncSummary = { added: 0, changed: 0, retired: 0, restored: 0, unchanged: 0 };
  db.transaction((tx) => {
    const existing = new Map(
      tx
        .select({ id: items.id, version: items.currentVersion, retiredAt: items.retiredAt, hash: itemVersions.contentHash })
        .from(items)
        .innerJoin(itemVersions, eq(itemVersions.itemId, items.id))
        .where(eq(itemVersions.version, items.currentVersion))
        .all()
        .map((row) => [row.id, row]),
    );
    for (const item of bankItems) {
      const hash = contentHash(item.content);
      const row = existing.get(item.id);
      if (!row) {
        tx.insert(items).values({ id: item.id, code: item.code, area: item.area, currentVersion: 1 }).run();
        tx.insert(itemVersions).values({ itemId: item.id, version: 1, contentHash: hash, content: item.content, answer: item.content.answer, createdAt: now }).run();
        summary.added++;
        continue;
      }
      if (row.retiredAt !== null) summary.restored++;
      if (row.hash !== hash) {
        const version = row.version + 1;
        tx.insert(itemVersions).values({ itemId: item.id, version, contentHash: hash, content: item.content, answer: item.content.answer, createdAt: now }).run();
        tx.update(items).set({ currentVersion: version, code: item.code, area: item.area, retiredAt: null }).where(eq(items.id, item.id)).run();
        summary.changed++;
      } else {
        if (row.retiredAt !== null) tx.update(items).set({ retiredAt: null }).where(eq(items.id, item.id)).run();
        summary.unchanged++;
      }
    }
    const inFiles = new Set(bankItems.map((i) => i.id));
    for (const row of tx.select({ id: items.id }).from(items).where(isNull(items.retiredAt)).all()) {
      if (inFiles.has(row.id)) continue;
      tx.update(items).set({ retiredAt: now }).where(eq(items.id, row.id)).run();
      summary.retired++;
    }
  });
  invalidateCatalog(db);
  return summary;
}
