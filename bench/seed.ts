// Candidates straight into the server's database, each with a live session cookie: one real scrypt
// hash shared by all, so seeding hundreds takes seconds (the load is about routes, not scrypt).
import Database from 'better-sqlite3';
import { seedUser } from '../test/fixtures/seed-user.ts';

export const SEED_PASSWORD = 'seeded passphrase long enough';

export async function seedUsers(databasePath: string, sessionSecret: string, count: number, prefix = 'load') {
  const db = new Database(databasePath);
  db.pragma('busy_timeout = 5000');
  const now = Date.now();
  const users = [];
  for (let i = 0; i < count; i++) {
    const email = `${prefix}${i}@example.org`;
    const { user, cookie } = await seedUser(db, sessionSecret, { email, name: `${prefix} ${i}`, password: SEED_PASSWORD }, now);
    users.push({ id: user.id, email, cookie });
  }
  db.close();
  return users;
}
