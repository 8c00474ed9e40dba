// npm run bench: load on the main exam routes, each as a ratio to GET /api/health measured in the same
// run (absolute numbers vary by machine; ratios show what our own work costs on top of Fastify).
import autocannon from 'autocannon';
import { resolve } from 'node:path';
import { loadBank } from '../server/bank/load.ts';
import { fixtureBank } from '../test/fixtures/bank.ts';
import { registerCookie, scratchApp } from '../test/fixtures/app.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const framework = loadBank(resolve('question-bank')).framework!;
const { app, close } = await scratchApp({ framework, items: fixtureBank(framework, (a) => 6 * framework.area.get(a)!.weight) });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const cookie = await registerCookie(app, 'bench@example.org');
const attempt = (await app.inject({ method: 'POST', url: '/api/attempts', headers: { cookie }, payload: { mode: 'exam' } })).json();
const id = attempt.attempt.id;

async function measure(title: string, { path, ...opts }: Partial<autocannon.Options> & { path: string }) {
  const result = await autocannon({ url: address + path, connections: 10, duration: DURATION, headers: { cookie, ...(opts.body && { 'content-type': 'application/json' }) }, ...opts });
  return { title, rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const rows = [
  await measure('GET /api/health (baseline)', { path: '/api/health' }),
  await measure('GET /api/attempts/:id (100 items)', { path: `/api/attempts/${id}` }),
  await measure('PUT response (fsync per commit)', { method: 'PUT', path: `/api/attempts/${id}/responses/7`, body: JSON.stringify({ choice: 'B' }) }),
  await measure('GET /api/attempts (list)', { path: '/api/attempts' }),
];
const base = rows[0];
console.log(`\n${'route'.padEnd(38)} ${'req/s'.padStart(8)} ${'vs base'.padStart(8)} ${'p99 ms'.padStart(7)} ${'p99 ×base'.padStart(9)}  errors`);
for (const r of rows) {
  console.log(`${r.title.padEnd(38)} ${r.rps.toFixed(0).padStart(8)} ${(r.rps / base.rps).toFixed(2).padStart(8)} ${String(r.p99).padStart(7)} ${(r.p99 / Math.max(1, base.p99)).toFixed(1).padStart(9)}  ${r.errors}`);
}
await close();
