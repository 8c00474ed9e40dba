// Test-wiseness (pure): content-blind pickers that try to find each item's key from the shape of
// its options alone. A bank whose keys have a shape teaches tricks and inflates scores.
import type { BankItem } from './load.ts';

const LETTERS = ['A', 'B', 'C', 'D'] as const;
type Letter = (typeof LETTERS)[number];

export const CUE_LIMITS = {
  /** No picker may find the key in more than this share of the bank (chance is 25%). */
  bank: 0.32,
  /** … or of any one area. */
  area: 0.4,
  /** Keys and distractors may differ by at most this share in justification clauses and absolutes. */
  gap: 0.1,
};

const JUSTIFICATION = /(,\s*(since|because|as|which|so)\b|\b(because|since|so that|in order to|given that|to ensure|so it|so the|so they)\b)/i;
const ABSOLUTE = /\b(always|never|only|all|every|none|immediately|entirely|completely|any|must|no one|nothing)\b/i;
const STOP = new Set('the a an of to and or in on for with by at from as is are be it its this that these those their they them what which who should first best most than then into over under about can will would may'.split(' '));

const words = (text: string) => text.toLowerCase().match(/[a-z0-9][a-z0-9'-]*/g) ?? [];
const contentWords = (text: string) => words(text).filter((w) => w.length > 2 && !STOP.has(w));

/** Surface features of one option, as a content-blind reader sees it. */
export interface OptionShape {
  length: number;
  words: number;
  /** Clauses or steps: commas, semicolons, "and", "then", "before", "after". */
  parts: number;
  justification: boolean;
  absolute: boolean;
  /** Content words shared with the stem. */
  stemOverlap: number;
}

export function optionShape(option: string, stem: string): OptionShape {
  const stemWords = new Set(contentWords(stem));
  const w = words(option);
  return {
    length: option.length,
    words: w.length,
    parts: 1 + (option.match(/[,;]/g)?.length ?? 0) + w.filter((x) => x === 'and' || x === 'then' || x === 'before' || x === 'after' || x === 'while').length,
    justification: JUSTIFICATION.test(option),
    absolute: ABSOLUTE.test(option),
    stemOverlap: new Set(contentWords(option).filter((x) => stemWords.has(x))).size,
  };
}

export const shapesOf = (item: BankItem): OptionShape[] => LETTERS.map((l) => optionShape(item.content.options[l], item.content.stem));

/**
 * A fixed picker scores each option; the pick is the top score. Ties are broken at random, so a
 * picker is credited 1/k when the key is one of k tied options (its expected hit rate).
 */
export type Scorer = (shapes: OptionShape[]) => number[];

export const FIXED_PICKERS: Record<string, Scorer> = {
  'longest option': (s) => s.map((o) => o.length),
  'fewest words': (s) => s.map((o) => -o.words),
  'most parts': (s) => s.map((o) => o.parts),
  'no justification clause': (s) => s.map((o) => (o.justification ? 0 : 1)),
  'no absolute': (s) => s.map((o) => (o.absolute ? 0 : 1)),
  'most words shared with the stem': (s) => s.map((o) => o.stemOverlap),
  'combined (parts − justification − absolute)': (s) => s.map((o) => o.parts - (o.justification ? 1 : 0) - (o.absolute ? 1 : 0)),
};

/** Expected credit for a pick by the highest score with random tie-breaks. */
export function credit(scores: readonly number[], key: number): number {
  const top = Math.max(...scores);
  const tied = scores.filter((s) => s === top).length;
  return scores[key] === top ? 1 / tied : 0;
}

const keyIndex = (item: BankItem) => LETTERS.indexOf(item.content.answer as Letter);

// ── The learned picker: a conditional (multinomial) logit over the four options' features ──

/** Per-option features, centred within the item so the model compares options, not items. */
export function featureMatrix(shapes: OptionShape[]): number[][] {
  const maxLen = Math.max(...shapes.map((s) => s.length));
  const minLen = Math.min(...shapes.map((s) => s.length));
  const meanLen = shapes.reduce((t, s) => t + s.length, 0) / shapes.length || 1;
  const raw = shapes.map((s) => [
    s.length / meanLen - 1,
    s.length === maxLen ? 1 : 0,
    s.length === minLen ? 1 : 0,
    s.words / 10,
    s.parts,
    s.justification ? 1 : 0,
    s.absolute ? 1 : 0,
    s.stemOverlap,
    s.stemOverlap === Math.max(...shapes.map((x) => x.stemOverlap)) ? 1 : 0,
    s.parts === Math.max(...shapes.map((x) => x.parts)) ? 1 : 0,
  ]);
  const width = raw[0].length;
  const mean = Array.from({ length: width }, (_, j) => raw.reduce((t, r) => t + r[j], 0) / raw.length);
  return raw.map((r) => r.map((v, j) => v - mean[j]));
}

function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const t = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / t);
}

const dot = (w: number[], x: number[]) => x.reduce((t, v, j) => t + v * w[j], 0);

/** Fits weights by full-batch gradient descent on the log-loss with L2 regularisation. */
export function trainLogit(data: { x: number[][]; key: number }[], iterations = 300, rate = 0.5, l2 = 0.01): number[] {
  const width = data[0]?.x[0]?.length ?? 0;
  const w = new Array<number>(width).fill(0);
  if (data.length === 0) return w;
  for (let it = 0; it < iterations; it++) {
    const grad = w.map((v) => l2 * v);
    for (const { x, key } of data) {
      const p = softmax(x.map((row) => dot(w, row)));
      for (let o = 0; o < x.length; o++) {
        const g = (p[o] - (o === key ? 1 : 0)) / data.length;
        for (let j = 0; j < width; j++) grad[j] += g * x[o][j];
      }
    }
    for (let j = 0; j < width; j++) w[j] -= rate * grad[j];
  }
  return w;
}

/** Training beyond this many items adds nothing for ten features; it keeps a 100,000-item check fast. */
const MAX_TRAINING_ITEMS = 4000;

/** Every n-th training item, n the smallest stride that keeps at most MAX_TRAINING_ITEMS. */
export function trainingSample<T>(training: readonly T[]): T[] {
  const stride = Math.max(1, Math.ceil(training.length / MAX_TRAINING_ITEMS));
  return training.filter((_, i) => i % stride === 0);
}

/** Held-out credit per item from k-fold cross-validation (fold = position mod k, deterministic). */
export function crossValidatedCredits(items: readonly BankItem[], folds = 5): number[] {
  const data = items.map((item) => ({ x: featureMatrix(shapesOf(item)), key: keyIndex(item) }));
  const out = new Array<number>(items.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const w = trainLogit(trainingSample(data.filter((_, i) => i % folds !== f)));
    data.forEach((d, i) => {
      if (i % folds === f) out[i] = credit(d.x.map((row) => dot(w, row)), d.key);
    });
  }
  return out;
}

// ── The report ──

export interface PickerRates {
  picker: string;
  bank: number;
  byArea: Map<number, number>;
}

export interface CueReport {
  pickers: PickerRates[];
  justification: { keys: number; distractors: number };
  absolute: { keys: number; distractors: number };
}

function rates(picker: string, items: readonly BankItem[], credits: readonly number[]): PickerRates {
  const byArea = new Map<number, { sum: number; n: number }>();
  credits.forEach((c, i) => {
    const a = byArea.get(items[i].area) ?? { sum: 0, n: 0 };
    a.sum += c;
    a.n++;
    byArea.set(items[i].area, a);
  });
  const total = credits.reduce((a, b) => a + b, 0);
  return {
    picker,
    bank: items.length ? total / items.length : 0,
    byArea: new Map([...byArea].sort((x, y) => x[0] - y[0]).map(([area, a]) => [area, a.sum / a.n])),
  };
}

export function cueReport(items: readonly BankItem[]): CueReport {
  const shapes = items.map(shapesOf);
  const pickers = Object.entries(FIXED_PICKERS).map(([name, score]) =>
    rates(name, items, shapes.map((s, i) => credit(score(s), keyIndex(items[i])))),
  );
  pickers.push(rates('learned (softmax, 5-fold cross-validated)', items, crossValidatedCredits(items)));
  const shareOf = (flag: (s: OptionShape) => boolean) => {
    let keys = 0;
    let distractors = 0;
    shapes.forEach((s, i) => s.forEach((o, j) => {
      if (!flag(o)) return;
      if (j === keyIndex(items[i])) keys++;
      else distractors++;
    }));
    return { keys: items.length ? keys / items.length : 0, distractors: items.length ? distractors / (3 * items.length) : 0 };
  };
  return { pickers, justification: shareOf((o) => o.justification), absolute: shareOf((o) => o.absolute) };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The limits the bank must keep, as messages (empty when the bank passes). */
export function cueProblems(report: CueReport): string[] {
  const out: string[] = [];
  for (const p of report.pickers) {
    if (p.bank > CUE_LIMITS.bank) out.push(`the "${p.picker}" picker finds the key in ${pct(p.bank)} of the bank without reading it (limit ${pct(CUE_LIMITS.bank)})`);
    for (const [area, r] of p.byArea) {
      if (r > CUE_LIMITS.area) out.push(`area ${area}: the "${p.picker}" picker finds the key in ${pct(r)} of items (limit ${pct(CUE_LIMITS.area)})`);
    }
  }
  for (const [name, s] of [['a justification clause', report.justification], ['an absolute', report.absolute]] as const) {
    const gap = Math.abs(s.keys - s.distractors);
    if (gap > CUE_LIMITS.gap + 1e-9) out.push(`${pct(s.keys)} of keys but ${pct(s.distractors)} of distractors carry ${name}; the gap may be at most ${pct(CUE_LIMITS.gap)} points`);
  }
  return out;
}

export function formatCueReport(report: CueReport): string {
  const areas = [...(report.pickers[0]?.byArea.keys() ?? [])];
  const pad = (s: string, n: number) => s.padStart(n);
  const lines = [
    `Content-blind pickers: how often each finds the key without reading the subject (chance 25%; limit ${pct(CUE_LIMITS.bank)} of the bank, ${pct(CUE_LIMITS.area)} of an area)`,
    `${'picker'.padEnd(46)} ${pad('bank', 5)} ${areas.map((a) => pad(`a${a}`, 4)).join(' ')}`,
    ...report.pickers.map((p) => `${p.picker.padEnd(46)} ${pad(pct(p.bank), 5)} ${areas.map((a) => pad(pct(p.byArea.get(a) ?? 0), 4)).join(' ')}`),
    `justification clause: ${pct(report.justification.keys)} of keys, ${pct(report.justification.distractors)} of distractors; absolute: ${pct(report.absolute.keys)} of keys, ${pct(report.absolute.distractors)} of distractors (gap limit ${pct(CUE_LIMITS.gap)} points)`,
  ];
  return lines.join('\n');
}
