// Something built once per open database (prepared statements, in-memory indexes) and kept with it.
import type { Db } from './client.ts';

export function perDatabase<T>(build: (db: Db) => T): { of(db: Db): T; forget(db: Db): void } {
  const built = new WeakMap<Db, T>();
  return {
    of(db) {
      let value = built.get(db);
      if (value === undefined) {
        value = build(db);
        built.set(db, value);
      }
      return value;
    },
    forget: (db) => void built.delete(db),
  };
}
