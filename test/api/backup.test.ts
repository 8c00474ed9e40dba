// npm run backup's copy, taken while the server runs, restores into a working server.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { healthy, spawnServer } from './process.ts';

const json = { 'content-type': 'application/json' };

describe('backup and restore', () => {
  it('copies the live database consistently, and a server started on the copy has every answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cetl-backup-'));
    const live = join(dir, 'live.sqlite');
    const server = await spawnServer({ DATABASE_PATH: live });
    let cookie = '';
    let id = '';
    try {
      await healthy(server);
      const reg = await fetch(`${server.base}/api/auth/register`, { method: 'POST', headers: json, body: JSON.stringify({ email: 'b@example.org', password: 'a long enough passphrase', name: 'B' }) });
      cookie = reg.headers.get('set-cookie')!.split(';')[0];
      id = (await (await fetch(`${server.base}/api/attempts`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ mode: 'exam', length: 5 }) })).json()).attempt.id;
      await fetch(`${server.base}/api/attempts/${id}/responses/3`, { method: 'PUT', headers: { ...json, cookie }, body: JSON.stringify({ choice: 'D' }) });
      const copy = join(dir, 'backups', 'copy.sqlite');
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/backup.ts', '--to', copy], { env: { ...process.env, DATABASE_PATH: live }, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('integrity ok');
      expect(statSync(copy).mode & 0o077).toBe(0);
      copyFileSync(copy, join(dir, 'restored.sqlite'));
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    const restored = await spawnServer({ DATABASE_PATH: join(dir, 'restored.sqlite') });
    try {
      await healthy(restored);
      // Sessions live in the database too, and the secret beside it: the same cookie still works.
      const view = await (await fetch(`${restored.base}/api/attempts/${id}`, { headers: { cookie } })).json();
      expect(view.responses.find((r: { slot: number }) => r.slot === 3).choice).toBe('D');
    } finally {
      restored.child.kill('SIGTERM');
      await restored.exited;
    }
  }, 90_000);
});
