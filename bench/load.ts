// npm run test:load [-- --candidates 200]: that many candidates take a 100-item exam at the same time
// against the real server process: every answer saved one by one, then handed in. Passes when no
// request gets a 5xx and every acknowledged answer is in the database; prints p50/p99 per step.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from './server.ts';
import { seedUsers } from './seed.ts';

const { values } = parseArgs({ options: { candidates: { type: 'string', default: '200' }, items: { type: 'string', default: '100' } } });
const CANDIDATES = Number(values.candidates);
const ITEMS = Number(values.items);
const dir = mkdtempSync(join(tmpdir(), 'cetl-load-'));
const secret = randomBytes(32).toString('base64url');
const dbPath = join(dir, 'db.sqlite');
const server = await startServer({ DATABASE_PATH: dbPath, SESSION_SECRET: secret, MAX_CONNECTIONS_PER_ADDRESS: '10000' });
const users = await seedUsers(dbPath, secret, CANDIDATES);
const json = { 'content-type': 'application/json' };
const LETTERS = ['A', 'B', 'C', 'D'];
const timings: Record<string, number[]> = { create: [], save: [], submit: [] };
let serverErrors = 0;
const acknowledged: { attempt: string; slot: number; choice: string }[] = [];

async function timed(step: string, url: string, init: RequestInit) {
  const t = performance.now();
  const res = await fetch(server.base + url, init);
  timings[step].push(performance.now() - t);
  if (res.status >= 500) serverErrors++;
  return res;
}

const started = Date.now();
await Promise.all(users.map(async (u, i) => {
  const headers = { ...json, cookie: u.cookie };
  const created = await timed('create', '/api/attempts', { method: 'POST', headers, body: JSON.stringify({ mode: 'exam', length: ITEMS }) });
  if (created.status !== 201) throw new Error(`candidate ${i}: creating the exam failed with ${created.status}`);
  const id = (await created.json()).attempt.id as string;
  for (let slot = 1; slot <= ITEMS; slot++) {
    const choice = LETTERS[(i + slot) % 4];
    const res = await timed('save', `/api/attempts/${id}/responses/${slot}`, { method: 'PUT', headers, body: JSON.stringify({ choice }) });
    if (res.status === 200) acknowledged.push({ attempt: id, slot, choice });
  }
  await timed('submit', `/api/attempts/${id}/submit`, { method: 'POST', headers, body: '{}' });
}));
const seconds = (Date.now() - started) / 1000;
await server.stop();

const db = new Database(dbPath, { readonly: true });
const read = db.prepare('select choice from slots where attempt_id = ? and slot = ?');
const missing = acknowledged.filter((a) => (read.get(a.attempt, a.slot) as { choice: string } | undefined)?.choice !== a.choice);
db.close();
rmSync(dir, { recursive: true, force: true });

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
console.log(`${CANDIDATES} candidates × ${ITEMS} items in ${seconds.toFixed(1)} s`);
for (const [step, xs] of Object.entries(timings)) console.log(`${step.padEnd(7)} n=${String(xs.length).padStart(6)}  p50 ${q(xs, 50).toFixed(1)} ms  p99 ${q(xs, 99).toFixed(1)} ms`);
console.log(`5xx answers: ${serverErrors}; acknowledged saves: ${acknowledged.length}; missing from the database: ${missing.length}`);
process.exit(serverErrors === 0 && missing.length === 0 && acknowledged.length === CANDIDATES * ITEMS ? 0 : 1);
