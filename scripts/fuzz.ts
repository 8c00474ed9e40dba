// npm run fuzz [-- --runs 20000] [--seed N]: the route-table fuzz property at full size.
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20000' }, seed: { type: 'string' } } });
const env = { ...process.env, FUZZ_RUNS: values.runs, ...(values.seed && { FUZZ_SEED: values.seed }) };
console.log(`fuzzing every route: ${values.runs} runs${values.seed ? `, seed ${values.seed}` : ''}`);
const run = spawnSync('npx', ['vitest', 'run', 'test/api/route-fuzz.test.ts', '--testTimeout', '0'], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
