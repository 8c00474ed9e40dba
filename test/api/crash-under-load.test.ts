// SIGKILL in the middle of concurrent saves, then a restart on the same file: every acknowledged
// save is there, the file is intact, and the attempts resume with the right remaining time.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { healthy, spawnServer } from './process.ts';
import { openDatabase } from '../../server/db/client.ts';

const LETTERS = ['A', 'B', 'C', 'D'] as const;
const json = { 'content-type': 'application/json' };

describe('a crash under load', () => {
  it('loses no acknowledged save and resumes every attempt with its own clock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cetl-crash-'));
    const env = { DATABASE_PATH: join(dir, 'db.sqlite') };
    const server = await spawnServer(env);
    await healthy(server);
    const candidates = await Promise.all(Array.from({ length: 6 }, async (_, i) => {
      const reg = await fetch(`${server.base}/api/auth/register`, { method: 'POST', headers: json, body: JSON.stringify({ email: `crash${i}@example.org`, password: 'a long enough passphrase', name: `C${i}` }) });
      const cookie = reg.headers.get('set-cookie')!.split(';')[0];
      const created = await (await fetch(`${server.base}/api/attempts`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ mode: 'exam', length: 20 }) })).json();
      return { cookie, id: created.attempt.id as string, deadline: created.attempt.deadline as number };
    }));

    // Each (attempt, slot) has one writer that saves in order, so the last acknowledged choice is known.
    const acknowledged = new Map<string, { choice: string; inFlight: string | null }>();
    let stop = false;
    const writers = candidates.flatMap((c) => Array.from({ length: 4 }, async (_, w) => {
      for (let n = 0; !stop; n++) {
        const slot = 1 + ((w * 5 + n) % 20);
        const key = `${c.id}:${slot}`;
        const choice = LETTERS[(n + w) % 4];
        const entry = acknowledged.get(key) ?? { choice: '', inFlight: null };
        entry.inFlight = choice;
        acknowledged.set(key, entry);
        try {
          const res = await fetch(`${server.base}/api/attempts/${c.id}/responses/${slot}`, { method: 'PUT', headers: { ...json, cookie: c.cookie }, body: JSON.stringify({ choice }) });
          if (res.status !== 200) throw new Error(`save refused: ${res.status}`);
          entry.choice = choice;
          entry.inFlight = null;
        } catch {
          return; // the server died mid-request
        }
      }
    }));
    await new Promise((r) => setTimeout(r, 1500));
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await server.exited;

    const saved = [...acknowledged.values()].filter((e) => e.choice !== '');
    expect(saved.length).toBeGreaterThan(20);
    const db = new Database(env.DATABASE_PATH);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const read = db.prepare('select choice from slots where attempt_id = ? and slot = ?');
    for (const [key, entry] of acknowledged) {
      if (entry.choice === '') continue;
      const [id, slot] = key.split(':');
      const stored = (read.get(id, Number(slot)) as { choice: string }).choice;
      // The acknowledged choice, or a later one whose commit landed just before the kill.
      expect([entry.choice, entry.inFlight]).toContain(stored);
    }
    db.close();

    const again = await spawnServer(env);
    try {
      await healthy(again);
      for (const c of candidates) {
        const before = Date.now();
        const view = await (await fetch(`${again.base}/api/attempts/${c.id}`, { headers: { cookie: c.cookie } })).json();
        expect(view.attempt.status).toBe('open');
        expect(view.attempt.deadline).toBe(c.deadline);
        expect(view.attempt.remainingMs).toBeLessThanOrEqual(c.deadline - before + 50);
        expect(view.attempt.remainingMs).toBeGreaterThan(c.deadline - Date.now() - 5000);
      }
    } finally {
      again.child.kill('SIGKILL');
    }
  }, 120_000);

  it('opens the database with the pragmas durability depends on', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'cetl-pragma-')), 'db.sqlite'));
    // synchronous=FULL is 2: each commit is fsynced before the answer is acknowledged.
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.$client.close();
  });
});
