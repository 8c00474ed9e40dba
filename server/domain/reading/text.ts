// An essay's text as the reading sees it: sentences with their character ranges, each word's
// lemma and stem (wink-nlp with its English model), paragraphs and readability.
import winkNLP, { type ItemSentence, type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { countWords } from '../words.ts';

let nlp: ReturnType<typeof winkNLP> | null = null;
/** The model takes a moment to load; only essays need it. */
const engine = () => (nlp ??= winkNLP(model));
// wink's typings reject the model's lemma and stem helpers; they are token helpers like the rest.
type Its = Record<'normal' | 'lemma' | 'stem' | 'type' | 'stopWordFlag' | 'readabilityStats', Parameters<ItemToken['out']>[0]>;
const its = () => engine().its as unknown as Its;

function tokenOf(t: ItemToken) {
  const h = its();
  return {
    type: String(t.out(h.type)),
    forms: [...new Set([t.out(h.normal), t.out(h.lemma), t.out(h.stem)].map((f) => String(f).toLowerCase()))],
    stop: Boolean(t.out(h.stopWordFlag)),
  };
}

export interface Word {
  text: string;
  /** Lower-case forms the word matches on: as written, lemma and stem. */
  forms: string[];
  stop: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
  words: Word[];
}

export interface AnalysedText {
  text: string;
  sentences: Sentence[];
  paragraphs: number;
  words: number;
  /** Flesch–Kincaid grade level; null for text too short to measure. */
  grade: number | null;
}


/** Lower-case forms of a phrase's words, for matching against sentences. */
export function phraseForms(phrase: string): { forms: string[]; stop: boolean }[] {
  const out: { forms: string[]; stop: boolean }[] = [];
  engine().readDoc(phrase).tokens().each((t: ItemToken) => {
    const { type, forms, stop } = tokenOf(t);
    if (type === 'word' || type === 'number') out.push({ forms, stop });
  });
  return out;
}

export function analyse(text: string): AnalysedText {
  const doc = engine().readDoc(text);
  const sentences: Sentence[] = [];
  let cursor = 0;
  let paragraph = 0;
  doc.sentences().each((s: ItemSentence) => {
    let start = -1;
    const words: Word[] = [];
    s.tokens().each((t: ItemToken) => {
      const value = String(t.out());
      const { type, forms, stop } = tokenOf(t);
      const at = text.indexOf(value, cursor);
      if (at >= 0) cursor = at + value.length;
      if (type === 'tabCRLF') {
        // A blank line (two line breaks) starts a new paragraph.
        if ((value.match(/\n/g) ?? []).length >= 2 && (sentences.length || words.length)) paragraph++;
        return;
      }
      if (start < 0 && at >= 0) start = at;
      if (type === 'word' || type === 'number') {
        words.push({ text: value, forms, stop });
      }
    });
    if (start >= 0 && words.length) sentences.push({ start, end: cursor, paragraph, words });
  });
  const stats = (doc.out as (f: unknown) => unknown)(its().readabilityStats) as { fres: number; numOfWords: number; numOfSentences: number };
  return {
    text,
    sentences,
    paragraphs: sentences.length ? sentences[sentences.length - 1].paragraph + 1 : 0,
    words: countWords(text),
    grade: gradeLevel(stats.fres, stats.numOfWords, stats.numOfSentences),
  };
}

/**
 * Flesch–Kincaid grade from wink's Flesch reading ease: both formulas use words per sentence and
 * syllables per word, so the syllable rate is recovered from the ease and turned into a grade.
 */
export function gradeLevel(ease: number, words: number, sentences: number): number | null {
  if (words < 30 || sentences === 0) return null;
  const wordsPerSentence = words / sentences;
  const syllablesPerWord = (206.835 - 1.015 * wordsPerSentence - ease) / 84.6;
  return Math.round((0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59) * 10) / 10;
}
