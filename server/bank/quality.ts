// The bank's quality rules (pure): balance of keys, give-away shapes, stems, coverage, review.
import type { FrameworkIndex } from '../domain/framework.ts';
import type { BankItem } from './load.ts';
import type { BankProblem } from './problem.ts';
import { cueProblems, cueReport, type CueReport } from './cues.ts';
import { similarPairs } from './near-duplicates.ts';

export const RULES = {
  letterShare: [0.2, 0.3] as const,
  longestKeyShare: 0.35,
  negativeShare: 0.05,
  /** Jaccard similarity of word 3-gram sets at or above which two stems count as near-duplicates. */
  duplicateStemSimilarity: 0.5,
  itemsPerCode: 5,
  /** No single difficulty level may hold more than this share of an area. */
  difficultyShare: 0.6,
};

/** Per-area target: eight full exams without a repeat (8 × weight) and 5 items per code. */
export function areaTarget(weight: number, codeCount: number): number {
  return Math.max(8 * weight, RULES.itemsPerCode * codeCount);
}

const LETTERS = ['A', 'B', 'C', 'D'] as const;

export interface AreaReport {
  area: number;
  name: string;
  weight: number;
  target: number;
  items: number;
  perCode: Record<string, number>;
  letters: Record<string, number>;
  longestKey: number;
  difficulty: Record<1 | 2 | 3, number>;
  /** Items whose independent read gave PASS. */
  passed: number;
}

export function isKeyLongest(item: BankItem): boolean {
  const { options, answer } = item.content;
  const keyLength = options[answer].length;
  return LETTERS.every((l) => l === answer || options[l].length < keyLength);
}

/** The question sentence of a stem: the text after the last sentence break before its end. */
function questionSentence(stem: string): string {
  const parts = stem.trim().split(/(?<=[.!?])\s+(?=[A-Z])/);
  return parts[parts.length - 1] ?? stem;
}

export function negativeWord(stem: string): string | null {
  const match = /\b(not|except)\b/i.exec(questionSentence(stem));
  return match ? match[1] : null;
}

export function shingles(stem: string): Set<string> {
  const words = stem.toLowerCase().replace(/[^a-z0-9\s]/g, ' ').split(/\s+/).filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}


const share = (n: number, total: number) => (total === 0 ? 0 : n / total);
const pct = (x: number) => `${Math.round(x * 100)}%`;

export function areaReports(items: readonly BankItem[], index: FrameworkIndex): AreaReport[] {
  return index.framework.areas.map((a) => {
    const inArea = items.filter((i) => i.area === a.number);
    const letters = Object.fromEntries(LETTERS.map((l) => [l, inArea.filter((i) => i.content.answer === l).length]));
    const perCode = Object.fromEntries(a.codes.map((c) => [c.code, inArea.filter((i) => i.code === c.code).length]));
    const difficulty = { 1: 0, 2: 0, 3: 0 } as Record<1 | 2 | 3, number>;
    for (const i of inArea) difficulty[i.content.difficulty as 1 | 2 | 3]++;
    return {
      area: a.number,
      name: a.name,
      weight: a.weight,
      target: areaTarget(a.weight, a.codes.length),
      items: inArea.length,
      perCode,
      letters,
      longestKey: inArea.filter(isKeyLongest).length,
      difficulty,
      passed: inArea.filter((i) => i.verdict === 'PASS').length,
    };
  });
}

function balanceProblems(scope: string, file: string, group: readonly BankItem[]): BankProblem[] {
  const out: BankProblem[] = [];
  const problem = (message: string) => out.push({ file, line: null, field: null, itemId: null, message: `${scope}: ${message}` });
  if (group.length === 0) return out;
  for (const l of LETTERS) {
    const s = share(group.filter((i) => i.content.answer === l).length, group.length);
    if (s < RULES.letterShare[0] || s > RULES.letterShare[1]) {
      problem(`answer ${l} is the key in ${pct(s)} of items; each letter must be ${pct(RULES.letterShare[0])}–${pct(RULES.letterShare[1])}`);
    }
  }
  const longest = group.filter(isKeyLongest);
  if (share(longest.length, group.length) > RULES.longestKeyShare) {
    problem(`the key is the longest option in ${pct(share(longest.length, group.length))} of items (limit ${pct(RULES.longestKeyShare)}); e.g. ${longest.slice(0, 5).map((i) => i.id).join(', ')}`);
  }
  return out;
}

/** `cues`: the test-wiseness report when the caller has already made it (it trains a model). */
export function qualityProblems(items: readonly BankItem[], index: FrameworkIndex, cues: CueReport = cueReport(items)): BankProblem[] {
  const out: BankProblem[] = [];
  const at = (item: BankItem, field: string, message: string) =>
    out.push({ file: item.file, line: item.line, field, itemId: item.id, message });

  for (const item of items) {
    const texts = [item.content.stem, ...LETTERS.map((l) => item.content.options[l])].join(' ');
    for (const ref of item.content.refs) {
      // An unquoted YAML list splits "16 CFR 312 (COPPA Rule, 2025 amendments)" at its comma.
      if ((ref.match(/\(/g)?.length ?? 0) !== (ref.match(/\)/g)?.length ?? 0)) at(item, 'refs', `ref "${ref}" has unbalanced parentheses; quote a ref that contains a comma`);
    }
    if (/\b(all|none|both) of the above\b|\bboth [A-D] and [A-D]\b/i.test(texts)) at(item, 'options', 'uses "all/none/both of the above"; write four independent options');
    const negative = negativeWord(item.content.stem);
    if (negative && negative !== negative.toUpperCase()) at(item, 'stem', `negative stem must write "${negative.toUpperCase()}" in capitals`);
    if (item.verdict === null) at(item, 'review', 'not yet read by an independent reviewer (review: { verdict: PASS, note })');
    else if (item.verdict !== 'PASS') at(item, 'review', `the reviewer's verdict is ${item.verdict}; only PASS items ship`);
  }

  const negatives = items.filter((i) => negativeWord(i.content.stem));
  if (share(negatives.length, items.length) > RULES.negativeShare) {
    out.push({ file: 'question-bank/part1', line: null, field: 'stem', itemId: null, message: `${negatives.length} negative stems (${pct(share(negatives.length, items.length))}); at most ${pct(RULES.negativeShare)}` });
  }

  for (const pair of similarPairs(items.map((i) => shingles(i.content.stem)), RULES.duplicateStemSimilarity)) {
    const [a, b] = [items[pair.first], items[pair.second]];
    at(b, 'stem', `stem is a near-duplicate of ${a.id} (${a.file}); similarity ${pair.similarity.toFixed(2)} ≥ ${RULES.duplicateStemSimilarity}`);
  }

  out.push(...balanceProblems('whole bank', 'question-bank/part1', items));
  for (const message of cueProblems(cues)) out.push({ file: 'question-bank/part1', line: null, field: 'options', itemId: null, message });
  for (const report of areaReports(items, index)) {
    const folder = `question-bank/part1/${String(report.area).padStart(2, '0')}`;
    const problem = (message: string) => out.push({ file: folder, line: null, field: null, itemId: null, message: `area ${report.area}: ${message}` });
    if (report.items < report.target) problem(`${report.items} items; the target is at least ${report.target}`);
    for (const [code, n] of Object.entries(report.perCode)) {
      if (n < RULES.itemsPerCode) problem(`code ${code} has ${n} items; every code needs at least ${RULES.itemsPerCode}`);
    }
    for (const level of [1, 2, 3] as const) {
      if (report.items > 0 && report.difficulty[level] === 0) problem(`no items of difficulty ${level}; every area needs a mix`);
      if (share(report.difficulty[level], report.items) > RULES.difficultyShare) problem(`difficulty ${level} holds ${pct(share(report.difficulty[level], report.items))} of items (limit ${pct(RULES.difficultyShare)})`);
    }
    out.push(...balanceProblems(`area ${report.area}`, folder, items.filter((i) => i.area === report.area)));
  }
  return out;
}
