// npx tsx server/bank/cues-cli.ts [--area N]: the test-wiseness report alone, for item writers.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadBank } from './load.ts';
import { cueProblems, cueReport, formatCueReport } from './cues.ts';
import { formatProblem } from './problem.ts';

const { values } = parseArgs({ options: { area: { type: 'string' }, bank: { type: 'string', default: 'question-bank' } } });
const bank = loadBank(resolve(values.bank!));
if (bank.problems.length) {
  for (const p of bank.problems) console.error(formatProblem(p));
  console.error(`\n${bank.problems.length} problem(s) in the bank files; files with problems are left out below.\n`);
}
const items = values.area ? bank.items.filter((i) => i.area === Number(values.area)) : bank.items;
const report = cueReport(items);
console.log(`${items.length} items${values.area ? ` in area ${values.area}` : ''}`);
console.log(formatCueReport(report));
const problems = cueProblems(report);
for (const p of problems) console.error(p);
process.exit(problems.length ? 1 : 0);
