// The bank in memory: active items indexed by area and code for assembly, and item versions
// (immutable once written) kept parsed after their first use. Rebuilt after every bank sync.
import type { Db } from '../db/client.ts';
import { perDatabase } from '../db/per-database.ts';
import type { ItemContent } from '../db/schema/index.ts';

export interface ActiveItem {
  id: string;
  code: string;
  area: number;
  version: number;
}

export interface ItemVersion {
  code: string;
  area: number;
  content: ItemContent;
}

export interface ItemCatalog {
  active: ReadonlyMap<string, ActiveItem>;
  /** area → code → ids of active items, in id order. */
  byArea: ReadonlyMap<number, ReadonlyMap<string, readonly string[]>>;
  /** One version of an item, active or not; throws if it does not exist. */
  version(itemId: string, version: number): ItemVersion;
  /** The text an active item shows now; null for a retired or unknown item. */
  current(itemId: string): ItemContent | null;
}

const catalogs = perDatabase(buildCatalog);

export const catalogOf = (db: Db): ItemCatalog => catalogs.of(db);

/** Called by the bank sync: the next reader rebuilds the index from the database. */
export const invalidateCatalog = (db: Db): void => catalogs.forget(db);

function buildCatalog(db: Db): ItemCatalog {
  const rows = db.$client
    .prepare('select id, code, area, current_version as version from items where retired_at is null order by id')
    .all() as ActiveItem[];
  const active = new Map<string, ActiveItem>();
  const byArea = new Map<number, Map<string, string[]>>();
  for (const row of rows) {
    active.set(row.id, row);
    const codes = byArea.get(row.area) ?? new Map<string, string[]>();
    byArea.set(row.area, codes);
    const ids = codes.get(row.code) ?? [];
    codes.set(row.code, ids);
    ids.push(row.id);
  }
  const read = db.$client.prepare(
    'select i.code, i.area, v.content from item_versions v join items i on i.id = v.item_id where v.item_id = ? and v.version = ?',
  );
  const versions = new Map<string, ItemVersion>();
  const catalog: ItemCatalog = {
    active,
    byArea,
    current(itemId) {
      const item = active.get(itemId);
      return item ? catalog.version(itemId, item.version).content : null;
    },
    version(itemId, version) {
      const key = `${itemId}@${version}`;
      let found = versions.get(key);
      if (!found) {
        const row = read.get(itemId, version) as { code: string; area: number; content: string } | undefined;
        if (!row) throw new Error(`item ${itemId} has no version ${version}`);
        found = { code: row.code, area: row.area, content: JSON.parse(row.content) as ItemContent };
        versions.set(key, found);
      }
      return found;
    },
  };
  return catalog;
}
