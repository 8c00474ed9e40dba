// Part II content rules checked by bank:check (pure): how many prompts and anchors, and that each
// prompt's exemplar is within its word range and shows every key point the reader looks for.
import type { FrameworkIndex } from '../../domain/framework.ts';
import { readEssay } from '../../domain/reading/reading.ts';
import type { BankProblem } from '../problem.ts';
import type { Part2Bank } from './load.ts';

export const PART2_RULES = {
  prompts: 30,
  perArea: 2,
  /** The heavy areas (1, 2, 4 and 5 carry 15–18% each) need more scenarios. */
  heavyAreas: [1, 2, 4, 5],
  perHeavyArea: 4,
  anchoredPrompts: 12,
  anchorsPerPrompt: 3,
};

/** Problems fail bank:check; notes (terms an exemplar leaves unexplained for its audience) are printed for the writer to judge. */
export function part2Problems(part2: Part2Bank, framework: FrameworkIndex): { problems: BankProblem[]; notes: BankProblem[] } {
  const problems: BankProblem[] = [];
  const notes: BankProblem[] = [];
  const file = (area: number) => `question-bank/part2/prompts/area-${String(area).padStart(2, '0')}.yaml`;
  const whole = (message: string) => problems.push({ file: 'question-bank/part2/prompts', line: null, field: null, itemId: null, message });
  if (part2.prompts.length < PART2_RULES.prompts) whole(`${part2.prompts.length} prompts; at least ${PART2_RULES.prompts} are needed`);
  for (const area of framework.framework.areas.map((a) => a.number)) {
    const n = part2.prompts.filter((p) => p.area === area).length;
    const need = PART2_RULES.heavyAreas.includes(area) ? PART2_RULES.perHeavyArea : PART2_RULES.perArea;
    if (n < need) problems.push({ file: file(area), line: null, field: null, itemId: null, message: `${n} prompts in area ${area}; at least ${need} are needed` });
  }
  const anchored = part2.prompts.filter((p) => p.anchors.length >= PART2_RULES.anchorsPerPrompt).length;
  if (anchored < PART2_RULES.anchoredPrompts) whole(`${anchored} prompts carry ${PART2_RULES.anchorsPerPrompt} anchor answers; at least ${PART2_RULES.anchoredPrompts} must`);
  for (const p of part2.prompts) {
    const audience = part2.audiences.get(p.audience)!;
    const reading = readEssay(p.exemplar, p, audience, part2.jargon, null);
    const at = (field: string, message: string) => problems.push({ file: file(p.area), line: null, field, itemId: p.id, message });
    if (reading.words < p.words.min || reading.words > p.words.max) at('exemplar', `exemplar has ${reading.words} words; the prompt asks for ${p.words.min}–${p.words.max}`);
    const missed = reading.keyPoints.filter((k) => !k.covered).map((k) => k.id);
    if (missed.length) at('keyPoints', `the exemplar does not show ${missed.join(', ')} by any of its evidence phrases; reword the evidence or the exemplar`);
    if (reading.jargon.length) {
      notes.push({ file: file(p.area), line: null, field: 'exemplar', itemId: p.id, message: `uses ${reading.jargon.map((j) => j.term).join(', ')} without explaining it` });
    }
  }
  return { problems, notes };
}
