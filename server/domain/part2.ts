// A Part II scenario prompt as the engine uses it (loaded from question-bank/part2/prompts/).
import type { Levels } from './rubric.ts';

export interface KeyPoint {
  id: string;
  point: string;
  evidence: string[];
}

export interface Anchor {
  id: string;
  text: string;
  scores: Levels;
  why: Record<string, string>;
}

export interface Prompt {
  id: string;
  /** Content hash of everything below: an essay keeps the version it was written to. */
  version: string;
  area: number;
  title: string;
  codes: string[];
  audience: string;
  minutes: number;
  words: { min: number; max: number };
  scenario: string;
  task: string;
  keyPoints: KeyPoint[];
  exemplar: string;
  anchors: Anchor[];
}

export interface Audience {
  id: string;
  name: string;
  /** Highest reading grade an answer for this audience should need. */
  grade: number;
}

export interface JargonTerm {
  term: string;
  means: string;
}
