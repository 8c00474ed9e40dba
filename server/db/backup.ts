// A consistent copy of the live database, taken with SQLite's online backup API while the server
// keeps serving (pages changed during the copy are copied again). The copy is owner-only.
import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export async function backupDatabase(source: string, destination: string): Promise<{ pages: number; integrity: string }> {
  mkdirSync(dirname(destination), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const { totalPages } = await db.backup(destination);
    chmodSync(destination, 0o600);
    const copy = new Database(destination, { readonly: true });
    const integrity = copy.pragma('integrity_check', { simple: true }) as string;
    copy.close();
    return { pages: totalPages, integrity };
  } finally {
    db.close();
  }
}
