// npm run test:mutation [-- folder …] [-- --force]: StrykerJS over each folder in turn, each with its
// own incremental file (only mutants in changed code or touched by changed tests run again), HTML
// and JSON report under reports/mutation/<folder>/, then the score per folder. Folders proven by
// unit tests alone (domain, bank, client) are run against the unit tests only, which is much faster.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const FOLDERS: { folder: string; tests: 'unit' | 'all' }[] = [
  { folder: 'server/domain', tests: 'unit' },
  { folder: 'server/routes', tests: 'all' },
  { folder: 'server/plugins', tests: 'all' },
  { folder: 'server/bank', tests: 'unit' },
  { folder: 'client/models', tests: 'unit' },
  { folder: 'client/lib', tests: 'unit' },
];

const { values, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false }, 'report-only': { type: 'boolean', default: false } }, allowPositionals: true });
const chosen = positionals.length ? FOLDERS.filter((f) => positionals.includes(f.folder)) : FOLDERS;
const base = JSON.parse(readFileSync('stryker.config.json', 'utf8'));
const dirOf = (folder: string) => join('reports/mutation', folder.replace('/', '-'));

for (const { folder, tests } of values['report-only'] ? [] : chosen) {
  const dir = dirOf(folder);
  mkdirSync(dir, { recursive: true });
  const config = {
    ...base,
    mutate: [`${folder}/**/*.ts`, '!server/bank/*-cli.ts'],
    incrementalFile: join(dir, 'incremental.json'),
    htmlReporter: { fileName: join(dir, 'mutation.html') },
    jsonReporter: { fileName: join(dir, 'mutation.json') },
  };
  delete config.$schema;
  const configFile = join(dir, 'stryker.config.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  console.log(`\n── ${folder} (${tests === 'unit' ? 'unit tests' : 'unit and API tests'})`);
  const run = spawnSync('npx', ['stryker', 'run', configFile, ...(values.force ? ['--force'] : [])], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_TESTS: tests },
  });
  if (run.status !== 0) console.error(`Stryker failed on ${folder} (exit ${run.status}); its row below is from the last complete run, if any.`);
}

interface MutantResult { status: string }
console.log('\nfolder            mutants  killed  survived  no cover  timeout  score');
let all = { killed: 0, total: 0 };
for (const { folder } of FOLDERS) {
  const file = join(dirOf(folder), 'mutation.json');
  if (!existsSync(file)) {
    console.log(`${folder.padEnd(16)}  (not run yet)`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, { mutants: MutantResult[] }> };
  // An incremental file may carry other folders' results along: count this folder's files only.
  const mutants = Object.entries(report.files).filter(([file]) => file.startsWith(`${folder}/`)).flatMap(([, f]) => f.mutants);
  const count = (s: string) => mutants.filter((m) => m.status === s).length;
  const [killed, survived, noCoverage, timeout] = [count('Killed'), count('Survived'), count('NoCoverage'), count('Timeout')];
  // Stryker's mutation score: detected (killed or timed out) over all valid mutants.
  const valid = killed + survived + noCoverage + timeout;
  all = { killed: all.killed + killed + timeout, total: all.total + valid };
  const score = valid ? (100 * (killed + timeout)) / valid : 0;
  console.log(`${folder.padEnd(16)}  ${String(valid).padStart(7)}  ${String(killed).padStart(6)}  ${String(survived).padStart(8)}  ${String(noCoverage).padStart(8)}  ${String(timeout).padStart(7)}  ${score.toFixed(1).padStart(5)}%`);
}
if (all.total) console.log(`${'all'.padEnd(16)}  ${String(all.total).padStart(7)}  ${' '.repeat(41)}${((100 * all.killed) / all.total).toFixed(1).padStart(5)}%`);
