// npm run essays:agreement [-- --write]: scores every anchor answer with the automated reader and
// prints, per criterion and overall, exact and adjacent agreement with the reference levels and
// quadratic weighted kappa. Thresholds are tuned on two thirds of the anchored prompts; the other
// third (every third prompt by id) is held out and reported on its own. --write stores the tuned
// thresholds in question-bank/part2/reader.yaml, which the server reads.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadFramework } from '../server/bank/load.ts';
import { loadPart2 } from '../server/bank/part2/load.ts';
import { formatProblem } from '../server/bank/problem.ts';
import { readerFile, tuneReader, USEFUL_KAPPA, type Agreement } from '../server/bank/part2/tune.ts';

const { values } = parseArgs({ options: { write: { type: 'boolean', default: false }, bank: { type: 'string', default: 'question-bank' } } });
const bankDir = resolve(values.bank!);
const { framework } = loadFramework(bankDir);
const { part2, problems } = loadPart2(bankDir, framework!);
if (!part2) {
  for (const p of problems) console.error(formatProblem(p));
  process.exit(1);
}

const tuned = tuneReader(part2);
console.log(`${tuned.anchors} anchor answers on ${tuned.prompts} prompts: tuned on ${tuned.trainAnchors}, held out ${tuned.heldOutAnchors} (prompts ${tuned.heldOut.join(', ')})\n`);
const f = (x: number) => x.toFixed(2).padStart(8);
const row = (a: Agreement) => `${f(a.exact)}${f(a.adjacent)}${f(a.kappa)}`;
console.log(`${'criterion'.padEnd(16)}suggest   ── train: exact adjacent  kappa   ── held out: exact adjacent  kappa`);
for (const { id } of part2.rubric.criteria) {
  const fit = tuned.criteria[id];
  if (!fit) console.log(`${id.padEnd(16)}no        not read automatically: nothing in the text can check it`);
  else console.log(`${id.padEnd(16)}${(fit.suggest ? 'yes' : 'no').padEnd(10)}${' '.repeat(9)}${row(fit.train)}${' '.repeat(12)}${row(fit.heldOut)}`);
}
console.log(`${'all suggested'.padEnd(26)}${' '.repeat(9)}${row(tuned.overall.train)}${' '.repeat(12)}${row(tuned.overall.heldOut)}`);
console.log(`\nA criterion gets suggested levels when its training kappa is at least ${USEFUL_KAPPA}. The held-out figures are what to expect on new answers.`);
if (values.write) {
  writeFileSync(resolve(bankDir, 'part2/reader.yaml'), readerFile(tuned));
  console.log('wrote question-bank/part2/reader.yaml');
}
