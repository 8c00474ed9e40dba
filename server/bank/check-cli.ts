// npm run bank:check [-- --sample 30 [--seed 7]]: validates the bank, prints coverage, enforces quality.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadBank, type BankItem } from './load.ts';
import { areaReports, qualityProblems, RULES } from './quality.ts';
import { cueReport, formatCueReport } from './cues.ts';
import { formatProblem } from './problem.ts';
import { loadPart2 } from './part2/load.ts';
import { part2Problems, PART2_RULES } from './part2/quality.ts';
import { seededRandom, shuffled } from '../domain/random.ts';

const { values } = parseArgs({
  options: { sample: { type: 'string' }, seed: { type: 'string' }, bank: { type: 'string', default: 'question-bank' } },
});

const bank = loadBank(resolve(values.bank!));
if (bank.problems.length || !bank.framework) {
  for (const p of bank.problems) console.error(formatProblem(p));
  console.error(`\n${bank.problems.length} problem(s) in the bank files; nothing was checked further.`);
  process.exit(1);
}

const reports = areaReports(bank.items, bank.framework);
const pad = (s: string | number, n: number) => String(s).padStart(n);
const pct = (n: number, d: number) => (d ? `${Math.round((100 * n) / d)}%` : '-');
console.log('area  weight  target  items    PASS   A    B    C    D   key-longest  d1/d2/d3  items per code');
for (const r of reports) {
  const codes = Object.entries(r.perCode).map(([c, n]) => `${c}:${n}`).join(' ');
  const letters = ['A', 'B', 'C', 'D'].map((l) => pad(pct(r.letters[l], r.items), 4)).join(' ');
  console.log(
    `${pad(r.area, 4)}  ${pad(`${r.weight}%`, 6)}  ${pad(r.target, 6)}  ${pad(r.items, 5)}  ${pad(r.passed, 6)}  ${letters}  ${pad(pct(r.longestKey, r.items), 11)}  ${pad(`${r.difficulty[1]}/${r.difficulty[2]}/${r.difficulty[3]}`, 8)}  ${codes}`,
  );
}
const total = bank.items.length;
console.log(`total ${total} items over ${new Set(bank.items.map((i) => i.code)).size} of ${bank.framework.codeArea.size} codes`);
console.log(
  `rules: each key letter ${RULES.letterShare[0] * 100}–${RULES.letterShare[1] * 100}%, key longest ≤ ${RULES.longestKeyShare * 100}%, ` +
    `NOT/EXCEPT stems ≤ ${RULES.negativeShare * 100}%, stem similarity (word 3-gram Jaccard) < ${RULES.duplicateStemSimilarity}, ` +
    `≥ ${RULES.itemsPerCode} items per code, area target max(8×weight, 5×codes)`,
);
const verdicts = { PASS: 0, MINOR: 0, FAIL: 0, unread: 0 };
for (const i of bank.items) verdicts[i.verdict ?? 'unread']++;
console.log(`independent review: ${verdicts.PASS} PASS, ${verdicts.MINOR} MINOR, ${verdicts.FAIL} FAIL, ${verdicts.unread} not yet read`);
const cues = cueReport(bank.items);
console.log(`\n${formatCueReport(cues)}`);

if (values.sample) printSample(bank.items, Number(values.sample), Number(values.seed ?? Date.now() % 100000));

const problems = qualityProblems(bank.items, bank.framework, cues);

const part2 = loadPart2(resolve(values.bank!), bank.framework);
if (!part2.part2) problems.push(...part2.problems);
else {
  const { prompts, tuning } = part2.part2;
  console.log(`\nPart II: ${prompts.length} prompts (target ≥ ${PART2_RULES.prompts}; ≥ ${PART2_RULES.perArea} per area, ≥ ${PART2_RULES.perHeavyArea} in areas ${PART2_RULES.heavyAreas.join(', ')})`);
  console.log(`area  prompts  anchored  audiences`);
  for (const area of bank.framework.framework.areas.map((a) => a.number)) {
    const here = prompts.filter((p) => p.area === area);
    console.log(`${pad(area, 4)}  ${pad(here.length, 7)}  ${pad(here.filter((p) => p.anchors.length).length, 8)}  ${[...new Set(here.map((p) => p.audience))].join(', ')}`);
  }
  console.log(`anchor answers: ${prompts.reduce((n, p) => n + p.anchors.length, 0)} on ${prompts.filter((p) => p.anchors.length).length} prompts; ` +
    `automated reader ${tuning ? `tuned (suggests ${Object.entries(tuning.criteria).filter(([, c]) => c.suggest).map(([c]) => c).join(', ')})` : 'not tuned: run npm run essays:agreement -- --write'}`);
  const checked = part2Problems(part2.part2, bank.framework);
  for (const n of checked.notes) console.log(`note: ${formatProblem(n)}`);
  problems.push(...checked.problems);
}
if (problems.length) {
  console.error('');
  for (const p of problems) console.error(formatProblem(p));
  console.error(`\n${problems.length} quality problem(s).`);
  process.exit(1);
}
console.log('bank OK');

function printSample(items: BankItem[], n: number, seed: number) {
  console.log(`\nA random sample of ${n} items (seed ${seed}; repeat with --seed ${seed}):\n`);
  for (const item of shuffled(items, seededRandom(seed)).slice(0, n)) {
    console.log(`── ${item.id} (difficulty ${item.content.difficulty}; ${item.file}:${item.line})`);
    console.log(item.content.stem);
    for (const l of ['A', 'B', 'C', 'D'] as const) {
      console.log(`  ${l === item.content.answer ? '*' : ' '}${l}. ${item.content.options[l]}`);
      console.log(`      ${item.content.rationale[l]}`);
    }
    console.log(`  refs: ${item.content.refs.join('; ')}\n`);
  }
}
