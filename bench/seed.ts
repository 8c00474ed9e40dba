// Candidates straight into the server's database, each with a live session cookie: one real scrypt
// hash shared by all, so seeding hundreds takes seconds (the load is about routes, not scrypt).
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import { hashPassword } from '../server/auth/password.ts';

export const SEED_PASSWORD = 'seeded passphrase long enough';

export async function seedUsers(databasePath: string, sessionSecret: string, count: number, prefix = 'load') {
  const signer = fastifyCookie.signerFactory(sessionSecret);
  const hash = await hashPassword(SEED_PASSWORD);
  const db = new Database(databasePath);
  db.pragma('busy_timeout = 5000');
  const now = Date.now();
  const insertUser = db.prepare('insert into users (email, name, password_hash, created_at) values (?, ?, ?, ?)');
  const insertSession = db.prepare('insert into sessions (token_hash, user_id, created_at, last_seen_at) values (?, ?, ?, ?)');
  const users = db.transaction(() => Array.from({ length: count }, (_, i) => {
    const email = `${prefix}${i}@example.org`;
    const id = Number(insertUser.run(email, `${prefix} ${i}`, hash, now).lastInsertRowid);
    const token = randomBytes(32).toString('base64url');
    insertSession.run(createHash('sha256').update(token).digest('hex'), id, now, now);
    return { id, email, cookie: `cetl_session=${signer.sign(token)}` };
  }))();
  db.close();
  return users;
}
