// The automated first reading of a Part II answer (pure): signals a reader can check, each tied to
// the criteria it informs, and a suggested level per criterion where the reader is trusted
// (see question-bank/part2/reader.yaml). It is an estimate, labelled as one wherever it is shown.
import type { Audience, JargonTerm, Prompt } from '../part2.ts';
import type { Level } from '../rubric.ts';
import { levelAt } from '../agreement.ts';
import { analyse, phraseForms, type AnalysedText, type Sentence } from './text.ts';

export interface Span {
  start: number;
  end: number;
}

export interface KeyPointReading {
  id: string;
  point: string;
  covered: boolean;
  /** Sentences that make the point. */
  evidence: Span[];
}

export interface JargonUse {
  term: string;
  means: string;
  /** The sentence where the term first appears unexplained. */
  at: Span;
}

export interface CriterionReading {
  criterion: string;
  /** 0–1: how strongly the signals point to a high level. */
  strength: number;
  /** Null where automated reading of this criterion has not shown useful agreement. */
  level: Level | null;
  basis: string;
  evidence: Span[];
}

export interface Reading {
  empty: boolean;
  words: number;
  range: { min: number; max: number };
  paragraphs: number;
  grade: number | null;
  targetGrade: number;
  keyPoints: KeyPointReading[];
  jargon: JargonUse[];
  opening: { states: boolean; at: Span | null };
  closing: { asks: boolean; at: Span | null };
  steps: Span[];
  criteria: CriterionReading[];
}

/** Thresholds on a criterion's strength for levels 2, 3 and 4, tuned on the training anchors. */
export interface ReaderTuning {
  criteria: Record<string, { thresholds: [number, number, number]; suggest: boolean }>;
}

// Words that mark a recommendation in the opening, ordered steps, and a closing request.
const RECOMMEND = ['recommend', 'propose', 'urge', 'ask', 'request', 'should', 'suggest', 'advise', 'approve', 'adopt', 'plan'];
const STEP = ['first', 'second', 'third', 'then', 'next', 'finally', 'phase', 'stage', 'step', 'week', 'month', 'quarter',
  'semester', 'timeline', 'deadline', 'measure', 'metric', 'track', 'survey', 'review', 'pilot', 'summer', 'fall', 'spring', 'january', 'august'];
const CLOSE = ['approve', 'vote', 'decide', 'decision', 'ask', 'request', 'next', 'support', 'endorse', 'authorize', 'meeting', 'recommend'];

const has = (s: Sentence, words: readonly string[]) => s.words.some((w) => w.forms.some((f) => words.includes(f)));
const span = (s: Sentence): Span => ({ start: s.start, end: s.end });
const clamp = (x: number) => Math.max(0, Math.min(1, x));

/** A phrase is present in a sentence when each of its content words occurs there in some form. */
function matcher(phrase: string) {
  const words = phraseForms(phrase);
  const content = words.some((w) => !w.stop) ? words.filter((w) => !w.stop) : words;
  return (s: Sentence) => content.length > 0 && content.every((w) => s.words.some((x) => x.forms.some((f) => w.forms.includes(f))));
}

const ACRONYM = /^[A-Z0-9][A-Za-z0-9:'\- ]*$/;
// A gloss right after the term: "MFA (a code from your phone)", "E-rate, the federal program…", "SSO, which…".
const GLOSS_AFTER = /^(\s*\(|\s+[—–-]\s|,\s+(the|a|an|which|meaning|or|that is)\s|\s+(is|are|means|stands for)\s|:\s)/i;
// A name introduced as such: "a standard called OneRoster", "the privacy law, FERPA,".
const GLOSS_BEFORE = /(called|known as|named|\(|,)\s*$/i;

/** Words of a term's meaning that carry content: two of them in the sentence explain it well enough. */
const meaningWords = (means: string) => phraseForms(means).filter((w) => !w.stop && w.forms[0].length > 3);

function jargonUses(text: string, analysed: AnalysedText, terms: readonly JargonTerm[]): JargonUse[] {
  const out: JargonUse[] = [];
  const lower = text.toLowerCase();
  for (const { term, means } of terms) {
    const acronym = term === term.toUpperCase() && ACRONYM.test(term);
    const pattern = new RegExp(`(^|[^A-Za-z0-9])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, acronym ? 'g' : 'gi');
    const first = pattern.exec(text);
    if (!first) continue;
    const at = first.index + first[1].length;
    const sentence = analysed.sentences.find((s) => at >= s.start && at < s.end);
    if (!sentence) continue;
    // Every use of the term inside its first sentence may carry the gloss.
    const uses: number[] = [];
    for (let m: RegExpExecArray | null = first; m && m.index < sentence.end; m = pattern.exec(text)) uses.push(m.index + m[1].length);
    const glossed = uses.some((u) => GLOSS_AFTER.test(text.slice(u + term.length, sentence.end)) || GLOSS_BEFORE.test(text.slice(sentence.start, u)));
    const spelled = means.toLowerCase().replace(/^(the|a|an) /, '').split(/[,(]/)[0].trim();
    const spelledOut = lower.slice(0, sentence.end).includes(spelled);
    const inWords = meaningWords(means).filter((w) => sentence.words.some((x) => x.forms.some((f) => w.forms.includes(f)))).length >= 2;
    if (!glossed && !spelledOut && !inWords) out.push({ term, means, at: span(sentence) });
  }
  return out;
}

export function readEssay(text: string, prompt: Prompt, audience: Audience, jargon: readonly JargonTerm[], tuning: ReaderTuning | null): Reading {
  const analysed = analyse(text);
  const { sentences } = analysed;
  const keyPoints = prompt.keyPoints.map((k) => {
    const matchers = k.evidence.map(matcher);
    const evidence = sentences.filter((s) => matchers.some((m) => m(s))).map(span);
    return { id: k.id, point: k.point, covered: evidence.length > 0, evidence };
  });
  const uses = jargonUses(text, analysed, jargon);
  const first = sentences[0];
  const last = sentences[sentences.length - 1];
  const opening = { states: Boolean(first && (has(first, RECOMMEND) || (sentences[1] && sentences[1].paragraph === 0 && has(sentences[1], RECOMMEND)))), at: first ? span(first) : null };
  const closing = { asks: Boolean(last && sentences.length > 1 && has(last, CLOSE)), at: last && sentences.length > 1 ? span(last) : null };
  const steps = sentences.filter((s) => has(s, STEP)).map(span);

  const coverage = keyPoints.length ? keyPoints.filter((k) => k.covered).length / keyPoints.length : 0;
  const { min, max } = prompt.words;
  const lengthFit = analysed.words >= min && analysed.words <= max ? 1 : analysed.words < min ? analysed.words / min : max / analysed.words;
  const gradeFit = analysed.grade === null ? 0 : clamp(1 - Math.max(0, analysed.grade - audience.grade) / 6);
  const paragraphFit = analysed.paragraphs >= 3 ? 1 : analysed.paragraphs === 2 ? 0.5 : 0;

  const strengths: Record<string, { strength: number; basis: string; evidence: Span[] }> = {
    understanding: {
      strength: coverage,
      basis: `Makes ${keyPoints.filter((k) => k.covered).length} of the ${keyPoints.length} key points a strong answer covers.`,
      evidence: keyPoints.flatMap((k) => k.evidence.slice(0, 1)),
    },
    strategy: {
      strength: 0.6 * coverage + 0.4 * clamp(steps.length / 5),
      basis: `${steps.length} sentence${steps.length === 1 ? '' : 's'} set out steps, timing or measures.`,
      evidence: steps,
    },
    audience: {
      strength: 0.5 * gradeFit + 0.5 * clamp(1 - 0.25 * uses.length),
      basis: `Reads at grade ${analysed.grade ?? '–'} for ${audience.name} (aim for ${audience.grade} or below); ` +
        `${uses.length} technical term${uses.length === 1 ? '' : 's'} used without an explanation.`,
      evidence: uses.map((u) => u.at),
    },
    organisation: {
      strength: 0.35 * Number(opening.states) + 0.25 * paragraphFit + 0.25 * lengthFit + 0.15 * Number(closing.asks),
      basis: `${opening.states ? 'Opens with a recommendation' : 'The opening does not state a recommendation'}; ` +
        `${analysed.paragraphs} paragraph${analysed.paragraphs === 1 ? '' : 's'}; ${analysed.words} words (range ${min}–${max}); ` +
        `${closing.asks ? 'closes with a request or next step' : 'no closing request or next step'}.`,
      evidence: [opening.at, closing.at].filter((s): s is Span => s !== null),
    },
  };
  const empty = analysed.words === 0;
  const criteria: CriterionReading[] = Object.entries(strengths).map(([criterion, s]) => {
    const tuned = tuning?.criteria[criterion];
    return {
      criterion,
      strength: Math.round(s.strength * 1000) / 1000,
      level: empty || !tuned?.suggest ? null : levelAt(s.strength, tuned.thresholds),
      basis: empty ? 'There is nothing to read.' : s.basis,
      evidence: s.evidence,
    };
  });
  return {
    empty, words: analysed.words, range: { min, max }, paragraphs: analysed.paragraphs, grade: analysed.grade, targetGrade: audience.grade,
    keyPoints, jargon: uses, opening, closing, steps, criteria,
  };
}
