// npm run test:mutation [-- folder …] [-- --force]: StrykerJS over each folder in turn, each with its
// own incremental file (only mutants in changed code or touched by changed tests run again), HTML
// and JSON report under reports/mutation/<folder>/, then the score per folder. Folders proven by
// unit tests alone (domain, client) are run against the unit tests only, which is much faster.
// The TypeScript checker compiles tsconfig.mutation.json (server/ and client/ only): a mutant that
// breaks types breaks them there, and leaving tests and scripts out makes each check quicker.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

// `shared`: test files may share one worker's modules (see stryker.vitest.config.ts).
const FOLDERS: { folder: string; tests: 'unit' | 'all'; shared?: boolean }[] = [
  { folder: 'server/domain', tests: 'unit' },
  { folder: 'server/routes', tests: 'all', shared: true },
  { folder: 'server/plugins', tests: 'all', shared: true },
  // Unit tests only: the bank's own tests (sync and catalog against an in-memory database) prove it;
  // with the API tests every loader mutant re-ran every file that builds an app (5 mutants a minute).
  { folder: 'server/bank', tests: 'unit' },
  { folder: 'client/models', tests: 'unit' },
  { folder: 'client/lib', tests: 'unit' },
];

const { values, positionals } = parseArgs({
  options: {
    force: { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
    // --only 'server/routes/attempts/**': mutate just these files of the chosen folder (a slow folder in
    // parts); the incremental file keeps each part's results for the next full run.
    only: { type: 'string', multiple: true },
  },
  allowPositionals: true,
});
/**
 * @stryker-mutator/vitest-runner 9.6 counts a test skipped because a hook failed as a kill only when
 * the failing hook belongs to a describe block: a file-level beforeAll that throws (the API tests
 * build their app there) leaves every test "skipped", so a mutant that breaks the app itself was
 * reported as surviving. Vitest gives top-level tasks no `suite`; walking up to `file` fixes it.
 * Patched in place, once, before Stryker starts; a changed runner makes this say so and stop.
 */
function patchStrykerVitestRunner(): void {
  const file = 'node_modules/@stryker-mutator/vitest-runner/dist/src/vitest-helpers.js';
  const text = readFileSync(file, 'utf8');
  if (text.includes('/* cetl: walk to the file */')) return;
  const patched = text
    .replace('findSuiteError(test.suite);', 'findSuiteError(test.suite ?? test.file); /* cetl: walk to the file */')
    .replace('return findSuiteError(suite.suite);', 'return findSuiteError(suite.suite ?? (suite.file !== suite ? suite.file : undefined));');
  if (patched === text || !patched.includes('suite.file !== suite')) {
    console.error(`${file} is not the version this script patches (9.6): check whether hook failures now count as kills, then update patchStrykerVitestRunner.`);
    process.exit(1);
  }
  writeFileSync(file, patched);
}
if (!values['report-only']) patchStrykerVitestRunner();

const chosen = positionals.length ? FOLDERS.filter((f) => positionals.includes(f.folder)) : FOLDERS;
const base = JSON.parse(readFileSync('stryker.config.json', 'utf8'));
const dirOf = (folder: string) => join('reports/mutation', folder.replace('/', '-'));

for (const { folder, tests, shared } of values['report-only'] ? [] : chosen) {
  const dir = dirOf(folder);
  mkdirSync(dir, { recursive: true });
  const config = {
    ...base,
    mutate: [...(values.only?.filter((glob) => glob.startsWith(`${folder}/`)) ?? [`${folder}/**/*.ts`]), '!server/bank/*-cli.ts'],
    incrementalFile: join(dir, 'incremental.json'),
    htmlReporter: { fileName: join(dir, 'mutation.html') },
    jsonReporter: { fileName: join(dir, 'mutation.json') },
    // Per folder, so two folders can run at once without sharing a sandbox.
    tempDirName: join(dir, '.stryker-tmp'),
  };
  delete config.$schema;
  const configFile = join(dir, 'stryker.config.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  console.log(`\n── ${folder} (${tests === 'unit' ? 'unit tests' : 'unit and API tests'})`);
  const run = spawnSync('npx', ['stryker', 'run', configFile, ...(values.force ? ['--force'] : [])], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_TESTS: tests, MUTATION_ISOLATE: String(!shared) },
  });
  if (run.status !== 0) console.error(`Stryker failed on ${folder} (exit ${run.status}); its row below is from the last complete run, if any.`);
}

interface MutantResult { status: string }
console.log('\nfolder            mutants  killed  survived  no cover  timeout  score   files');
let all = { killed: 0, total: 0 };
for (const { folder } of FOLDERS) {
  const file = join(dirOf(folder), 'mutation.json');
  if (!existsSync(file)) {
    console.log(`${folder.padEnd(16)}  (not run yet)`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, { mutants: MutantResult[] }> };
  // An incremental file may carry other folders' results along: count this folder's files only.
  const reported = Object.entries(report.files).filter(([file]) => file.startsWith(`${folder}/`));
  const mutants = reported.flatMap(([, f]) => f.mutants);
  // A run with --only covers part of the folder: say how much of it the row stands for.
  const sources = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('-cli.ts'));
  const count = (s: string) => mutants.filter((m) => m.status === s).length;
  const [killed, survived, noCoverage, timeout] = [count('Killed'), count('Survived'), count('NoCoverage'), count('Timeout')];
  // Stryker's mutation score: detected (killed or timed out) over all valid mutants.
  const valid = killed + survived + noCoverage + timeout;
  all = { killed: all.killed + killed + timeout, total: all.total + valid };
  const score = valid ? (100 * (killed + timeout)) / valid : 0;
  console.log(`${folder.padEnd(16)}  ${String(valid).padStart(7)}  ${String(killed).padStart(6)}  ${String(survived).padStart(8)}  ${String(noCoverage).padStart(8)}  ${String(timeout).padStart(7)}  ${score.toFixed(1).padStart(5)}%  ${reported.length} of ${sources.length}`);
}
if (all.total) console.log(`${'all'.padEnd(16)}  ${String(all.total).padStart(7)}  ${' '.repeat(41)}${((100 * all.killed) / all.total).toFixed(1).padStart(5)}%`);
