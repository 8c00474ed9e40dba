import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../server/config.ts';

describe('loadConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cetl-config-'));
  const env = (extra: Record<string, string>) => ({ DATABASE_PATH: join(dir, 'db.sqlite'), ...extra });

  it('uses the documented defaults', () => {
    const c = loadConfig(env({}));
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', logLevel: 'info', passwordCostLog2: 17 });
    expect(loadConfig(env({ PASSWORD_COST: '10' })).passwordCostLog2).toBe(10);
    expect(loadConfig(env({ PASSWORD_COST: '20' })).passwordCostLog2).toBe(20);
    expect(loadConfig({ SESSION_SECRET: 's'.repeat(32) }).databasePath).toBe('./data/cetl.sqlite');
  });

  it('generates a session secret once and keeps it beside the database, owner-only', () => {
    const first = loadConfig(env({})).sessionSecret;
    expect(loadConfig(env({})).sessionSecret).toBe(first);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8').trim()).toBe(first);
    expect(statSync(join(dir, 'session-secret')).mode & 0o077).toBe(0);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ SESSION_SECRET: 'short' }, /SESSION_SECRET/],
    [{ HOST: ' ' }, /HOST/],
    [{ PASSWORD_COST: '9' }, /PASSWORD_COST must be a whole number from 10 to 20/],
    [{ PASSWORD_COST: '21' }, /PASSWORD_COST/],
    [{ PASSWORD_COST: 'high' }, /PASSWORD_COST/],
  ])('stops on a bad value and names it: %o', (extra, name) => {
    expect(() => loadConfig(env(extra))).toThrow(name);
  });
});
