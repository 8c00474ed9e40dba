// The real server process: acknowledged writes survive kill -9; a bad bank stops start-up and changes nothing.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { healthy, spawnServer } from './process.ts';

describe('the server process', () => {
  it('keeps an acknowledged response after the server is killed with SIGKILL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cetl-kill-'));
    const server = await spawnServer({ DATABASE_PATH: join(dir, 'db.sqlite') });
    try {
      await healthy(server);
      const json = { 'content-type': 'application/json' };
      const reg = await fetch(`${server.base}/api/auth/register`, { method: 'POST', headers: json, body: JSON.stringify({ email: 'k@example.org', password: 'a long enough passphrase', name: 'K' }) });
      const cookie = reg.headers.get('set-cookie')!.split(';')[0];
      const attempt = await (await fetch(`${server.base}/api/attempts`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ mode: 'exam', areas: [3], length: 3 }) })).json();
      const put = await fetch(`${server.base}/api/attempts/${attempt.attempt.id}/responses/2`, { method: 'PUT', headers: { ...json, cookie }, body: JSON.stringify({ choice: 'C', flagged: true }) });
      expect(put.status).toBe(200);
      server.child.kill('SIGKILL');
      await server.exited;
      const db = new Database(join(dir, 'db.sqlite'), { readonly: true });
      const row = db.prepare('select choice, flagged from slots where attempt_id = ? and slot = 2').get(attempt.attempt.id);
      db.close();
      expect(row).toEqual({ choice: 'C', flagged: 1 });
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  });

  it('refuses to start on a bad bank, naming file and line, and leaves the database as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cetl-badbank-'));
    const bankPath = join(dir, 'bank');
    cpSync('question-bank', bankPath, { recursive: true });
    const env = { DATABASE_PATH: join(dir, 'db.sqlite'), BANK_PATH: bankPath };
    const first = await spawnServer(env);
    await healthy(first);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const count = () => {
      const db = new Database(env.DATABASE_PATH, { readonly: true });
      const n = db.prepare('select count(*) n, max(version) v from item_versions').get();
      db.close();
      return n;
    };
    const before = count();

    // One bad value anywhere must stop the whole sync.
    const file = join(bankPath, 'part1/03/3A.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('difficulty: 2', 'difficulty: 7'));
    const second = await spawnServer(env);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/part1\/03\/3A\.yaml:\d+ \(item 3A-\d{3}, field items\.difficulty\)/);
    expect(count()).toEqual(before);
  });

  it('stops on a bad configuration value and names it', async () => {
    const server = await spawnServer({ PORT: 'eighty', DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'cetl-cfg-')), 'db.sqlite') });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/Configuration error: PORT must be/);
  });
});
