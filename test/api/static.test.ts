import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/app.ts';
import { openDatabase } from '../../server/db/client.ts';
import { framework } from './harness.ts';
import { realPart2 } from '../fixtures/bank.ts';

let app: Awaited<ReturnType<typeof buildApp>>;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cetl-static-'));
  mkdirSync(join(dir, 'client/assets'), { recursive: true });
  writeFileSync(join(dir, 'client/index.html'), '<!doctype html><title>shell</title>');
  writeFileSync(join(dir, 'client/assets/app-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'client/assets/app-abc123.js.br'), 'BROTLI-BYTES');
  app = await buildApp({ db: openDatabase(join(dir, 'db.sqlite')), framework, part2: realPart2(framework), now: Date.now, sessionSecret: 's'.repeat(32), clientDir: join(dir, 'client') });
});
afterAll(() => app.close());

describe('serving the built client', () => {
  it('answers client routes with the app shell, revalidated, under a strict CSP', async () => {
    const res = await app.inject('/exam/some-id/3');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>shell</title>');
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('lets browsers keep hashed assets for a year', async () => {
    const res = await app.inject('/assets/app-abc123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends the precompressed brotli file when the browser accepts it', async () => {
    const res = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.body).toBe('BROTLI-BYTES');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('compresses large API replies', async () => {
    const res = await app.inject({ url: '/api/framework', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('keeps unknown API paths as JSON 404s', async () => {
    const res = await app.inject('/api/unknown');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('not_found');
  });
});
