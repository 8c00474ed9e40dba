// npm run bank:draw [-- --exams 8 --length 100]: one candidate draws exams back to back through the
// real API and a scratch SQLite file; prints the blueprint of each and any item that came back.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadBank } from '../server/bank/load.ts';
import { registerCookie, scratchApp } from '../test/fixtures/app.ts';

const { values } = parseArgs({ options: { exams: { type: 'string', default: '8' }, length: { type: 'string', default: '100' } } });
const bank = loadBank(resolve('question-bank'));
if (!bank.framework || bank.problems.length) throw new Error('the bank has problems; run npm run bank:check');
const { app, close } = await scratchApp({ framework: bank.framework, items: bank.items });
const cookie = await registerCookie(app, 'draw@example.org');

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
  await app.inject({ method: 'POST', url: `/api/attempts/${body.attempt.id}/submit`, headers: { cookie }, payload: {} });
  console.log(`exam ${n}: ${body.items.length} items, blueprint ${body.blueprint.map((b: { count: number }) => b.count).join(',')}, repeated ${again.length}${again.length ? ': ' + again.slice(0, 8).join(' ') : ''}`);
}
console.log(`${seen.size} distinct items over ${values.exams} exams; ${repeats} repeats`);
if (repeats) process.exitCode = 1;
await close();
