// The automated first reading: key points found in inflected forms, jargon used before it is
// explained, the opening, paragraphs, grade level, and levels suggested only where tuning allows.
import { describe, expect, it } from 'vitest';
import { readEssay, type ReaderTuning } from '../../server/domain/reading/reading.ts';
import { analyse } from '../../server/domain/reading/text.ts';
import { countWords } from '../../server/domain/words.ts';
import { board, E_RATE, MFA, promptWith } from '../fixtures/reading.ts';

const prompt = promptWith('P99-01');
const jargon = [
  MFA,
  E_RATE,
  { term: 'OneRoster', means: 'a standard for exchanging class rosters between systems' },
];
const tuning: ReaderTuning = {
  criteria: {
    understanding: { thresholds: [0.2, 0.5, 0.9], suggest: true },
    strategy: { thresholds: [0.2, 0.5, 0.9], suggest: false },
    audience: { thresholds: [0.2, 0.5, 0.9], suggest: true },
    organisation: { thresholds: [0.2, 0.5, 0.9], suggest: true },
  },
};
const read = (text: string, t: ReaderTuning | null = tuning) => readEssay(text, prompt, board, jargon, t);
const quoted = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('key points', () => {
  it('finds a point in inflected forms and quotes the sentence that makes it', () => {
    const text = 'We recommend the plan. Last year we piloted two programs in small schools. Nothing else.';
    const k1 = read(text).keyPoints.find((k) => k.id === 'K1')!;
    expect(k1.covered).toBe(true);
    expect(quoted(text, k1.evidence)).toEqual(['Last year we piloted two programs in small schools.']);
  });

  it('needs every content word of a phrase in one sentence', () => {
    const text = 'We will run a pilot. The program starts later.';
    expect(read(text).keyPoints.find((k) => k.id === 'K1')!.covered).toBe(false);
  });

  it('a point is covered by any one of its phrases', () => {
    const text = 'We will be surveying our teachers each term.';
    expect(read(text).keyPoints.find((k) => k.id === 'K2')!.covered).toBe(true);
    expect(read(text).keyPoints.find((k) => k.id === 'K3')!.covered).toBe(false);
  });
});

describe('jargon', () => {
  it('flags a term used without an explanation, quoting its sentence', () => {
    const text = 'We will turn on MFA for all staff this spring.';
    const uses = read(text).jargon;
    expect(uses.map((u) => u.term)).toEqual(['MFA']);
    expect(quoted(text, uses.map((u) => u.at))).toEqual([text]);
  });

  it('accepts a term spelled out before it, glossed after it, or named as such', () => {
    expect(read('We will require multi-factor authentication (MFA) for staff.').jargon).toEqual([]);
    expect(read('We will turn on MFA, which asks for a code from your phone.').jargon).toEqual([]);
    expect(read('E-rate, the federal discount program, pays most of it.').jargon).toEqual([]);
    expect(read('The rosters will move through a standard called OneRoster.').jargon).toEqual([]);
    expect(read('E-rate discounts school internet through a federal program.').jargon).toEqual([]);
  });

  it('matches an acronym only as written in capitals and as a whole word', () => {
    expect(read('The mfa folder and MFAX are unrelated.').jargon).toEqual([]);
  });
});

describe('structure and readability', () => {
  it('counts paragraphs separated by blank lines and words as a writer counts them', () => {
    const text = 'We recommend a pilot.\n\nSecond paragraph here.\n\nThird one, and the end.';
    const r = read(text);
    expect(r.paragraphs).toBe(3);
    expect(r.words).toBe(12);
    expect(countWords('  two  words \n')).toBe(2);
    expect(countWords('   ')).toBe(0);
  });

  it('sees a recommendation in the opening and a request at the close', () => {
    const yes = read('I recommend that the board fund a pilot. It costs little. Please approve it at the March meeting.');
    expect(yes.opening.states).toBe(true);
    expect(yes.closing.asks).toBe(true);
    const no = read('The network is old. It costs little. It is what it is.');
    expect(no.opening.states).toBe(false);
    expect(no.closing.asks).toBe(false);
  });

  it('grades long sentences of long words higher than short plain ones', () => {
    const plain = analyse('We will fix the Wi-Fi first. Then we buy new laptops. Kids will get them in the fall. Teachers will get help too. We will check how it goes each month. '.repeat(2));
    const dense = analyse('The organizational infrastructure modernization initiative necessitates comprehensive evaluation of interoperability considerations, authentication methodologies, and sustainability implications prior to procurement authorization by administrative leadership. '.repeat(3));
    expect(plain.grade).not.toBeNull();
    expect(dense.grade!).toBeGreaterThan(plain.grade! + 6);
    expect(analyse('Too short to grade.').grade).toBeNull();
  });
});

describe('suggested levels', () => {
  const strong = 'I recommend a pilot program in three schools this fall.\n\nWe will use our replacement budget and survey teachers each month.\n\nPlease approve the pilot at the next meeting.';

  it('suggests a level only for criteria the tuning trusts, and never for accuracy', () => {
    const r = read(strong);
    const byId = Object.fromEntries(r.criteria.map((c) => [c.criterion, c]));
    expect(byId.understanding.level).toBe(4);
    expect(byId.strategy.level).toBeNull();
    expect(byId.accuracy).toBeUndefined();
    expect(byId.organisation.level).not.toBeNull();
  });

  it('suggests nothing before the reader is tuned', () => {
    expect(read(strong, null).criteria.every((c) => c.level === null)).toBe(true);
  });

  it('has nothing to read in an empty answer', () => {
    const r = read('');
    expect(r.empty).toBe(true);
    expect(r.words).toBe(0);
    expect(r.criteria.every((c) => c.level === null && c.basis === 'There is nothing to read.')).toBe(true);
  });

  it('covers more key points → a higher understanding level', () => {
    const weak = read('I recommend we wait and see.');
    const byId = (r: ReturnType<typeof read>) => Object.fromEntries(r.criteria.map((c) => [c.criterion, c.level]));
    expect(byId(weak).understanding).toBe(1);
    expect(byId(read(strong)).understanding).toBe(4);
  });
});
