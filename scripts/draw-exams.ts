// npm run bank:draw [-- --exams 5 --length 100]: one candidate draws exams back to back through the
// real API and a scratch SQLite file; prints the blueprint of each and any item that came back.
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp } from '../server/app.ts';
import { openDatabase } from '../server/db/client.ts';
import { loadBank } from '../server/bank/load.ts';
import { syncBank } from '../server/bank/sync.ts';

const { values } = parseArgs({ options: { exams: { type: 'string', default: '5' }, length: { type: 'string', default: '100' } } });
const bank = loadBank(resolve('question-bank'));
if (!bank.framework || bank.problems.length) throw new Error('the bank has problems; run npm run bank:check');
const dir = mkdtempSync(join(tmpdir(), 'cetl-draw-'));
const db = openDatabase(join(dir, 'draw.sqlite'));
syncBank(db, bank.items, Date.now());
const app = await buildApp({ db, framework: bank.framework, now: Date.now, sessionSecret: 'd'.repeat(32), clientDir: join(dir, 'none') });
const reg = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { email: 'draw@example.org', password: 'draw-password', name: 'Draw' } });
const cookie = `cetl_session=${reg.cookies.find((c) => c.name === 'cetl_session')!.value}`;

const seen = new Map<string, number>();
let repeats = 0;
for (let n = 1; n <= Number(values.exams); n++) {
  const res = await app.inject({ method: 'POST', url: '/api/attempts', headers: { cookie }, payload: { mode: 'exam', length: Number(values.length), seed: n } });
  const body = res.json();
  if (res.statusCode !== 201) {
    console.log(`exam ${n}: ${res.statusCode} ${body.message}`);
    process.exitCode = 1;
    break;
  }
  const again = body.items.filter((i: { itemId: string }) => seen.has(i.itemId)).map((i: { itemId: string }) => `${i.itemId} (exam ${seen.get(i.itemId)})`);
  for (const i of body.items) seen.set(i.itemId, n);
  repeats += again.length;
  await app.inject({ method: 'POST', url: `/api/attempts/${body.attempt.id}/submit`, headers: { cookie } });
  console.log(`exam ${n}: ${body.items.length} items, blueprint ${body.blueprint.map((b: { count: number }) => b.count).join(',')}, repeated ${again.length}${again.length ? ': ' + again.slice(0, 8).join(' ') : ''}`);
}
console.log(`${seen.size} distinct items over ${values.exams} exams; ${repeats} repeats`);
if (repeats) process.exitCode = 1;
await app.close();
db.$client.close();
rmSync(dir, { recursive: true, force: true });
