// An acknowledged response must survive kill -9 of the server: a real process, a real file.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe('durability', () => {
  it('keeps an acknowledged response after the server is killed with SIGKILL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cetl-kill-'));
    const port = await freePort();
    const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: String(port), DATABASE_PATH: join(dir, 'db.sqlite'), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    server.stderr.on('data', (d) => (stderr += d));
    const base = `http://127.0.0.1:${port}`;
    try {
      for (let i = 0; ; i++) {
        if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
        if (i > 150 || server.exitCode !== null) throw new Error(`server did not start: ${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const json = { 'content-type': 'application/json' };
      const reg = await fetch(`${base}/api/auth/register`, { method: 'POST', headers: json, body: JSON.stringify({ email: 'k@example.org', password: 'long enough pw', name: 'K' }) });
      const cookie = reg.headers.get('set-cookie')!.split(';')[0];
      const attempt = await (await fetch(`${base}/api/attempts`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ mode: 'exam', areas: [3], length: 3 }) })).json();
      const put = await fetch(`${base}/api/attempts/${attempt.attempt.id}/responses/2`, { method: 'PUT', headers: { ...json, cookie }, body: JSON.stringify({ choice: 'C', flagged: true }) });
      expect(put.status).toBe(200);
      server.kill('SIGKILL');
      await new Promise((r) => server.once('exit', r));
      const db = new Database(join(dir, 'db.sqlite'), { readonly: true });
      const row = db.prepare('select choice, flagged from slots where attempt_id = ? and slot = 2').get(attempt.attempt.id);
      db.close();
      expect(row).toEqual({ choice: 'C', flagged: 1 });
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
    }
  });
});
