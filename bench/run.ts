// npm run bench [-- --items 100000] [--seconds 5] [--users 400]
// The real server in its own process (npm start's code path), the shipped bank or a generated one,
// many users and attempts, driven by autocannon from this process. Each route is printed with req/s,
// p50, p99, its ratio to GET /api/health measured in the same run, and server CPU per request.
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { seedUsers, SEED_PASSWORD } from './seed.ts';
import { generateBank } from '../scripts/generate-bank.ts';
import { cpuMs, memoryMiB, startServer } from './server.ts';

const { values } = parseArgs({ options: {
  items: { type: 'string' }, seconds: { type: 'string', default: '5' }, users: { type: 'string', default: '400' }, connections: { type: 'string', default: '10' },
} });
const SECONDS = Number(values.seconds);
const USERS = Number(values.users);
const CONNECTIONS = Number(values.connections);
/** A study group as the issue sizes it: 30 members with 20 finished attempts each. */
const GROUP_SIZE = 30;
const GROUP_ATTEMPTS = 20;
const dir = mkdtempSync(join(tmpdir(), 'cetl-bench-'));
const secret = randomBytes(32).toString('base64url');
let bankPath = 'question-bank';
if (values.items) {
  bankPath = join(dir, 'bank');
  console.log(`generating a ${values.items}-item bank…`);
  generateBank(Number(values.items), bankPath);
}
// One load generator stands in for many clients: lift the per-address connection cap.
const server = await startServer({ DATABASE_PATH: join(dir, 'db.sqlite'), BANK_PATH: bankPath, SESSION_SECRET: secret, MAX_CONNECTIONS_PER_ADDRESS: '10000' });
const pid = server.child.pid!;
const startup = { ms: server.startupMs, ...memoryMiB(pid) };
console.log(`server up in ${startup.ms} ms; peak RSS ${startup.peak} MiB (bank: ${values.items ?? 'shipped'})`);

const users = await seedUsers(join(dir, 'db.sqlite'), secret, USERS + 200 + GROUP_SIZE + 1, 'bench');

const json = { 'content-type': 'application/json' };
const post = (path: string, cookie: string, body: unknown) =>
  fetch(server.base + path, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify(body) });

// 40 candidates with 5 open 100-item exams each: 200 attempts to read and save into.
const open: { id: string; cookie: string }[] = [];
for (const u of users.slice(0, 40)) {
  for (let k = 0; k < 5; k++) {
    const res = await post('/api/attempts', u.cookie, { mode: 'exam' });
    if (res.status !== 201) throw new Error(`creating an attempt failed: ${res.status} ${await res.text()}`);
    open.push({ id: (await res.json()).attempt.id, cookie: u.cookie });
  }
}

interface Row { title: string; rps: number; p50: number; p99: number; cpu: number; requests: number; errors: number }
type Setup = (n: number) => { method?: string; path: string; cookie?: string; body?: unknown; encoding?: string };

async function measure(title: string, setup: Setup, opts: { amount?: number } = {}): Promise<Row> {
  let n = 0;
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({
    url: server.base,
    connections: CONNECTIONS,
    ...(opts.amount ? { amount: opts.amount } : { duration: SECONDS }),
    requests: [{
      setupRequest: (req) => {
        const r = setup(n++);
        return { ...req, method: (r.method ?? 'GET') as 'GET', path: r.path, headers: { ...(r.cookie && { cookie: r.cookie }), ...(r.body !== undefined && json), ...(r.encoding && { 'accept-encoding': r.encoding }) }, body: r.body === undefined ? undefined : JSON.stringify(r.body) };
      },
    }],
  });
  const requests = result.requests.total;
  return { title, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpu: (cpuMs(pid) - cpuBefore) / Math.max(1, requests), requests, errors: result.errors + result.non2xx };
}

const LETTERS = ['A', 'B', 'C', 'D'];
const fresh = users.slice(40, USERS);
const rows: Row[] = [];
rows.push(await measure('GET /api/health (before)', () => ({ path: '/api/health' })));
rows.push(await measure('PUT a response (rotating)', (n) => {
  const a = open[n % open.length];
  return { method: 'PUT', path: `/api/attempts/${a.id}/responses/${1 + ((n * 7) % 100)}`, cookie: a.cookie, body: { choice: LETTERS[n % 4] } };
}));
rows.push(await measure('GET a 100-item attempt', (n) => ({ path: `/api/attempts/${open[n % open.length].id}`, cookie: open[n % open.length].cookie })));
rows.push(await measure('  … as a browser asks (br, gzip)', (n) => ({ path: `/api/attempts/${open[n % open.length].id}`, cookie: open[n % open.length].cookie, encoding: 'br, gzip' })));
rows.push(await measure('POST a 100-item exam', (n) => ({ method: 'POST', path: '/api/attempts', cookie: fresh[n % fresh.length].cookie, body: { mode: 'exam' } }), { amount: 2 * fresh.length }));
rows.push(await measure('POST submit (returns the report)', (n) => ({ method: 'POST', path: `/api/attempts/${open[n % open.length].id}/submit`, cookie: open[n % open.length].cookie, body: {} }), { amount: open.length }));
rows.push(await measure('GET a report', (n) => ({ path: `/api/attempts/${open[n % open.length].id}/report`, cookie: open[n % open.length].cookie })));
rows.push(await measure('GET /api/progress', (n) => ({ path: '/api/progress', cookie: users[n % 40].cookie })));
rows.push(await measure('POST login (scrypt)', (n) => ({ method: 'POST', path: '/api/auth/login', body: { email: users[n % USERS].email, password: SEED_PASSWORD } }), { amount: 40 }));
// Part II: 40 writers with an open essay each; saves carry a rising revision, then all hand in.
const essays: { id: string; cookie: string }[] = [];
for (const u of users.slice(0, 40)) {
  const res = await post('/api/essays', u.cookie, { promptId: 'P01-01', mode: 'practice' });
  if (res.status !== 201) throw new Error(`creating an essay failed: ${res.status} ${await res.text()}`);
  essays.push({ id: (await res.json()).id, cookie: u.cookie });
}
const ESSAY = readFileSync(join(bankPath, 'part2/prompts/area-01.yaml'), 'utf8').slice(0, 3600);
rows.push(await measure('PUT essay text (~3.6 KB)', (n) => ({ method: 'PUT', path: `/api/essays/${essays[n % 40].id}/text`, cookie: essays[n % 40].cookie, body: { text: ESSAY, revision: n + 1 } })));
rows.push(await measure('POST essay submit (reading)', (n) => ({ method: 'POST', path: `/api/essays/${essays[n % 40].id}/submit`, cookie: essays[n % 40].cookie, body: {} }), { amount: 40 }));
const group = await seedGroup();
rows.push(await measure('GET group results (coach, heatmap)', () => ({ path: `/api/groups/${group.id}/results`, cookie: group.coach })));
rows.push(await measure('GET group results (member)', (n) => ({ path: `/api/groups/${group.id}/results`, cookie: group.members[n % GROUP_SIZE] })));
rows.push(await measure('GET a member\'s area by code (coach)', (n) => ({ path: `/api/groups/${group.id}/members/${group.memberIds[n % GROUP_SIZE]}/results?area=${1 + (n % 10)}`, cookie: group.coach })));
rows.push(await measure('GET misconceptions (member)', (n) => ({ path: `/api/groups/${group.id}/misconceptions`, cookie: group.members[n % GROUP_SIZE] })));
rows.push(await measure('GET /api/health (after)', () => ({ path: '/api/health' })));

/** 30 members who each finished 20 tutor drills of 50 items (40 answered), and their coach. */
async function seedGroup() {
  const [coach, ...members] = users.slice(USERS + 200, USERS + 200 + GROUP_SIZE + 1);
  const created = await (await post('/api/groups', coach.cookie, { name: 'Bench cohort' })).json();
  await Promise.all(members.map(async (m, i) => {
    await post('/api/groups/join', m.cookie, { code: created.inviteCode });
    for (let k = 0; k < GROUP_ATTEMPTS; k++) {
      const attempt = (await (await post('/api/attempts', m.cookie, { mode: 'tutor', length: 50 })).json()).attempt;
      for (let slot = 1; slot <= 40; slot++) {
        await fetch(`${server.base}/api/attempts/${attempt.id}/responses/${slot}`, { method: 'PUT', headers: { ...json, cookie: m.cookie }, body: JSON.stringify({ choice: LETTERS[(slot + i + k) % 4] }) });
      }
      await post(`/api/attempts/${attempt.id}/submit`, m.cookie, {});
    }
  }));
  return { id: created.id as string, coach: coach.cookie, members: members.map((m) => m.cookie), memberIds: members.map((m) => m.id) };
}

// Memory with 1,000 open attempts (the fresh users each have two open exams now).
const openNow = 2 * fresh.length;
let extra = 0;
for (const u of users.slice(USERS, USERS + 200)) {
  if (openNow + extra >= 1000) break;
  await post('/api/attempts', u.cookie, { mode: 'tutor', length: 100 });
  extra++;
}
const withOpen = memoryMiB(pid);

// 200 candidates start their exam in the same moment.
const starters = users.slice(USERS, USERS + 200);
const latencies = await Promise.all(starters.map(async (u) => {
  const t = performance.now();
  const res = await post('/api/attempts', u.cookie, { mode: 'exam' });
  if (res.status !== 201) throw new Error(`simultaneous start failed: ${res.status}`);
  return performance.now() - t;
}));
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];

await server.stop();
rmSync(dir, { recursive: true, force: true });

const health = { rps: (rows[0].rps + rows.at(-1)!.rps) / 2, cpu: (rows[0].cpu + rows.at(-1)!.cpu) / 2 };
const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(`\n${'route'.padEnd(34)} ${pad('req/s', 8)} ${pad('÷health', 8)} ${pad('p50 ms', 7)} ${pad('p99 ms', 7)} ${pad('CPU ms/req', 10)} ${pad('CPU ÷health', 11)} ${pad('requests', 8)} errors`);
for (const r of rows) {
  console.log(`${r.title.padEnd(34)} ${pad(r.rps.toFixed(0), 8)} ${pad((r.rps / health.rps).toFixed(3), 8)} ${pad(r.p50, 7)} ${pad(r.p99, 7)} ${pad(r.cpu.toFixed(2), 10)} ${pad((r.cpu / health.cpu).toFixed(1), 11)} ${pad(r.requests, 8)} ${r.errors}`);
}
console.log(`\nstart-up: ${startup.ms} ms, peak RSS ${startup.peak} MiB; RSS with ≥ 1,000 open attempts: ${withOpen.rss} MiB (peak ${withOpen.peak} MiB)`);
console.log(`200 simultaneous exam starts: p50 ${pct(50).toFixed(0)} ms, p99 ${pct(99).toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms`);
console.log(`(${CONNECTIONS} connections, ${SECONDS} s per timed route, ${USERS} users, bank: ${values.items ? `${values.items} generated items` : 'shipped'}; ` +
  `group: ${GROUP_SIZE} members × ${GROUP_ATTEMPTS} finished 50-item drills)`);
