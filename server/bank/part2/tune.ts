// Tuning the automated reader on the anchor answers (pure): every third anchored prompt by id is
// held out; thresholds are fitted on the rest; agreement is measured on both parts.
import { adjacentAgreement, exactAgreement, levelAt, quadraticKappa, tuneThresholds } from '../../domain/agreement.ts';
import { readEssay } from '../../domain/reading/reading.ts';
import type { Part2Bank } from './load.ts';

/** Below this training kappa a criterion gets no suggested level: the page says it cannot be read. */
export const USEFUL_KAPPA = 0.4;

export interface Agreement {
  exact: number;
  adjacent: number;
  kappa: number;
}

export interface CriterionFit {
  thresholds: [number, number, number];
  suggest: boolean;
  train: Agreement;
  heldOut: Agreement;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const agreement = (p: number[], r: number[]): Agreement => ({ exact: exactAgreement(p, r), adjacent: adjacentAgreement(p, r), kappa: quadraticKappa(p, r) });

export function tuneReader(part2: Part2Bank) {
  const anchored = part2.prompts.filter((p) => p.anchors.length).sort((a, b) => a.id.localeCompare(b.id));
  const heldOut = anchored.filter((_, i) => i % 3 === 2).map((p) => p.id);
  const samples = anchored.flatMap((prompt) => {
    const audience = part2.audiences.get(prompt.audience)!;
    return prompt.anchors.map((anchor) => {
      const reading = readEssay(anchor.text, prompt, audience, part2.jargon, null);
      return { held: heldOut.includes(prompt.id), reference: anchor.scores, strength: Object.fromEntries(reading.criteria.map((c) => [c.criterion, c.strength])) };
    });
  });
  const train = samples.filter((s) => !s.held);
  const test = samples.filter((s) => s.held);
  const criteria: Record<string, CriterionFit> = {};
  const pooled = { train: { p: [] as number[], r: [] as number[] }, test: { p: [] as number[], r: [] as number[] } };
  for (const { id } of part2.rubric.criteria) {
    if (!train.length || !(id in train[0].strength)) continue;
    const fit = tuneThresholds(train.map((s) => s.strength[id]), train.map((s) => s.reference[id]));
    const predict = (set: typeof samples) => set.map((s) => levelAt(s.strength[id], fit.thresholds));
    const ref = (set: typeof samples) => set.map((s) => s.reference[id]);
    const suggest = round(fit.kappa) >= USEFUL_KAPPA;
    criteria[id] = { thresholds: fit.thresholds, suggest, train: agreement(predict(train), ref(train)), heldOut: agreement(predict(test), ref(test)) };
    if (suggest) {
      pooled.train.p.push(...predict(train));
      pooled.train.r.push(...ref(train));
      pooled.test.p.push(...predict(test));
      pooled.test.r.push(...ref(test));
    }
  }
  return {
    anchors: samples.length,
    prompts: anchored.length,
    trainAnchors: train.length,
    heldOutAnchors: test.length,
    heldOut,
    criteria,
    overall: { train: agreement(pooled.train.p, pooled.train.r), heldOut: agreement(pooled.test.p, pooled.test.r) },
  };
}

/** question-bank/part2/reader.yaml as tuneReader's result would write it. */
export function readerFile(tuned: ReturnType<typeof tuneReader>): string {
  const lines = [
    '# Written by `npm run essays:agreement -- --write`; do not edit by hand. Thresholds on each criterion',
    "# strength for levels 2, 3 and 4, tuned on the training anchors; `suggest: false` means the page shows no level.",
    `split: every third anchored prompt by id is held out (${tuned.heldOut.join(', ')})`,
    'criteria:',
    ...Object.entries(tuned.criteria).map(([c, t]) =>
      `  ${c}: { thresholds: [${t.thresholds.join(', ')}], suggest: ${t.suggest}, trainKappa: ${round(t.train.kappa)}, heldOutKappa: ${round(t.heldOut.kappa)} }`),
  ];
  return `${lines.join('\n')}\n`;
}
