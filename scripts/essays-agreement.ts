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
import { adjacentAgreement, exactAgreement, levelAt, quadraticKappa, tuneThresholds } from '../server/domain/agreement.ts';
import { readEssay } from '../server/domain/reading/reading.ts';

/** Below this training kappa a criterion gets no suggested level: the page says it cannot be read. */
const USEFUL_KAPPA = 0.4;

const { values } = parseArgs({ options: { write: { type: 'boolean', default: false }, bank: { type: 'string', default: 'question-bank' } } });
const bankDir = resolve(values.bank!);
const { framework } = loadFramework(bankDir);
const { part2, problems } = loadPart2(bankDir, framework!);
if (!part2) {
  for (const p of problems) console.error(formatProblem(p));
  process.exit(1);
}

const anchored = part2.prompts.filter((p) => p.anchors.length).sort((a, b) => a.id.localeCompare(b.id));
const heldOut = new Set(anchored.filter((_, i) => i % 3 === 2).map((p) => p.id));
const samples = anchored.flatMap((prompt) => {
  const audience = part2.audiences.get(prompt.audience)!;
  return prompt.anchors.map((anchor) => {
    const reading = readEssay(anchor.text, prompt, audience, part2.jargon, null);
    return { prompt: prompt.id, anchor: anchor.id, held: heldOut.has(prompt.id), reference: anchor.scores, strength: Object.fromEntries(reading.criteria.map((c) => [c.criterion, c.strength])) };
  });
});
const train = samples.filter((s) => !s.held);
const test = samples.filter((s) => s.held);
console.log(`${samples.length} anchor answers on ${anchored.length} prompts: tuned on ${train.length} (${anchored.length - heldOut.size} prompts), held out ${test.length} (${[...heldOut].join(', ')})\n`);

const fmt = (x: number) => x.toFixed(2).padStart(6);
const criteria = part2.rubric.criteria.map((c) => c.id);
const tuned: Record<string, { thresholds: [number, number, number]; suggest: boolean; trainKappa: number; heldOutKappa: number }> = {};
const pooled = { train: { p: [] as number[], r: [] as number[] }, test: { p: [] as number[], r: [] as number[] } };
console.log('criterion       read?   train: exact  adjacent  kappa   held out: exact  adjacent  kappa');
for (const criterion of criteria) {
  const readable = criterion in train[0].strength;
  if (!readable) {
    console.log(`${criterion.padEnd(14)}  no      (not read automatically: no signal in the text can check it)`);
    continue;
  }
  const fit = tuneThresholds(train.map((s) => s.strength[criterion]), train.map((s) => s.reference[criterion]));
  const predict = (set: typeof samples) => set.map((s) => levelAt(s.strength[criterion], fit.thresholds));
  const ref = (set: typeof samples) => set.map((s) => s.reference[criterion]);
  const [pTrain, pTest] = [predict(train), predict(test)];
  const testKappa = quadraticKappa(pTest, ref(test));
  const suggest = fit.kappa >= USEFUL_KAPPA;
  tuned[criterion] = { thresholds: fit.thresholds, suggest, trainKappa: round(fit.kappa), heldOutKappa: round(testKappa) };
  if (suggest) {
    pooled.train.p.push(...pTrain); pooled.train.r.push(...ref(train));
    pooled.test.p.push(...pTest); pooled.test.r.push(...ref(test));
  }
  console.log(
    `${criterion.padEnd(14)}  ${suggest ? 'yes' : 'no '}          ${fmt(exactAgreement(pTrain, ref(train)))}  ${fmt(adjacentAgreement(pTrain, ref(train)))}  ${fmt(fit.kappa)}` +
      `             ${fmt(exactAgreement(pTest, ref(test)))}  ${fmt(adjacentAgreement(pTest, ref(test)))}  ${fmt(testKappa)}`,
  );
}
console.log(
  `${'suggested, all'.padEnd(14)}               ${fmt(exactAgreement(pooled.train.p, pooled.train.r))}  ${fmt(adjacentAgreement(pooled.train.p, pooled.train.r))}  ${fmt(quadraticKappa(pooled.train.p, pooled.train.r))}` +
    `             ${fmt(exactAgreement(pooled.test.p, pooled.test.r))}  ${fmt(adjacentAgreement(pooled.test.p, pooled.test.r))}  ${fmt(quadraticKappa(pooled.test.p, pooled.test.r))}`,
);
console.log(`\nA criterion is suggested when its training kappa is at least ${USEFUL_KAPPA}; the held-out figures are what to expect on new answers.`);

if (values.write) {
  const lines = [
    '# Written by `npm run essays:agreement -- --write`; do not edit by hand. Thresholds on each criterion',
    "# strength for levels 2, 3 and 4, tuned on the training anchors; `suggest: false` means the page shows no level.",
    `split: every third anchored prompt by id is held out (${[...heldOut].join(', ')})`,
    'criteria:',
    ...Object.entries(tuned).map(([c, t]) => `  ${c}: { thresholds: [${t.thresholds.join(', ')}], suggest: ${t.suggest}, trainKappa: ${t.trainKappa}, heldOutKappa: ${t.heldOutKappa} }`),
  ];
  writeFileSync(resolve(bankDir, 'part2/reader.yaml'), `${lines.join('\n')}\n`);
  console.log('wrote question-bank/part2/reader.yaml');
}

function round(x: number) {
  return Math.round(x * 1000) / 1000;
}
