// The automated first reading in detail: every word that marks a recommendation, a step or a
// closing request; every way a term may be explained; each criterion's strength from its signals
// (the weights written out); the basis sentences; and the Flesch–Kincaid grade.
import { describe, expect, it } from 'vitest';
import { readEssay, type ReaderTuning } from '../../server/domain/reading/reading.ts';
import { analyse, gradeLevel, phraseForms } from '../../server/domain/reading/text.ts';
import { board, E_RATE, MFA, promptWith } from '../fixtures/reading.ts';

const prompt = promptWith('P99-02');
const jargon = [MFA, E_RATE];
const read = (text: string, audience = board, tuning: ReaderTuning | null = null) => readEssay(text, prompt, audience, jargon, tuning);
const strength = (text: string, criterion: string, audience = board) => read(text, audience).criteria.find((c) => c.criterion === criterion)!.strength;

const RECOMMEND = ['recommend', 'propose', 'urge', 'ask', 'request', 'should', 'suggest', 'advise', 'approve', 'adopt', 'plan'];
const STEP = ['first', 'second', 'third', 'then', 'next', 'finally', 'phase', 'stage', 'step', 'week', 'month', 'quarter',
  'semester', 'timeline', 'deadline', 'measure', 'metric', 'track', 'survey', 'review', 'pilot', 'summer', 'fall', 'spring', 'january', 'august'];
const CLOSE = ['approve', 'vote', 'decide', 'decision', 'ask', 'request', 'next', 'support', 'endorse', 'authorize', 'meeting', 'recommend'];

describe('marker words', () => {
  it('a plain opening, closing and body mark nothing', () => {
    const r = read('Hello there. Please do it now.');
    expect([r.opening.states, r.closing.asks, r.steps.length]).toEqual([false, false, 0]);
  });

  it.each(RECOMMEND)('“%s” in the first sentence states a recommendation', (word) => {
    expect(read(`Please ${word} it.`).opening.states).toBe(true);
  });

  it.each(RECOMMEND)('“%s” in the second sentence of the first paragraph does too', (word) => {
    expect(read(`Hello there. Please ${word} it.`).opening.states).toBe(true);
  });

  it('a recommendation in a later paragraph or a third sentence is not an opening', () => {
    expect(read('Hello there.\n\nPlease recommend it.').opening.states).toBe(false);
    expect(read('Hello there. Good day. Please recommend it.').opening.states).toBe(false);
  });

  it.each(STEP)('“%s” marks a step', (word) => {
    expect(read(`Hello there. Do ${word} now.`).steps).toHaveLength(1);
  });

  it.each(CLOSE)('“%s” in the last sentence is a closing request', (word) => {
    expect(read(`Hello there. Please ${word} now.`).closing.asks).toBe(true);
  });

  it('a single sentence is an opening, never a closing', () => {
    const r = read('Please approve it.');
    expect(r.opening).toEqual({ states: true, at: { start: 0, end: 18 } });
    expect(r.closing).toEqual({ asks: false, at: null });
  });

  it('nothing is an opening or closing in an empty answer', () => {
    const r = read('');
    expect(r.opening).toEqual({ states: false, at: null });
    expect(r.closing).toEqual({ asks: false, at: null });
    expect(r.paragraphs).toBe(0);
    expect(r.grade).toBeNull();
    expect(r.range).toEqual({ min: 20, max: 80 });
    expect(r.targetGrade).toBe(12);
  });
});

describe('jargon explained', () => {
  const explained = [
    'We use MFA (a phone code) now.',
    'We use MFA - a phone code - now.',
    'We use MFA — a phone code — now.',
    'We use MFA, the phone code, now.',
    'We use MFA, a phone code.',
    'We use MFA, an app.',
    'We use MFA, which is good.',
    'We use MFA, meaning codes.',
    'We use MFA, or codes.',
    'We use MFA, that is codes.',
    'MFA is a phone code.',
    'MFA are codes.',
    'MFA means codes.',
    'MFA stands for codes.',
    'We use MFA: codes.',
    'A thing known as MFA helps.',
    'A thing named MFA helps.',
    'A thing called MFA helps.',
    'The law, MFA, helps.',
    'Multi-factor authentication is here. We use MFA.',
  ];
  it.each(explained)('%s', (text) => {
    expect(read(text).jargon).toEqual([]);
  });

  const unexplained = [
    'We use MFA now.',
    'We use MFA and more MFA.',
    'We use MFA. Multi-factor authentication is here.',
    'We use MFA, then codes.',
    'MFA helps us.',
    'We use MFA to log in, said a staff member (who knows).',
  ];
  it.each(unexplained)('unexplained: %s', (text) => {
    expect(read(text).jargon.map((j) => j.term)).toEqual(['MFA']);
  });

  it('quotes the sentence where a term first appears, and reports each term once', () => {
    const text = 'All is well. We use MFA now. MFA again. E-rate pays.';
    const uses = read(text).jargon;
    expect(uses).toEqual([
      { term: 'MFA', means: 'multi-factor authentication', at: { start: 13, end: 28 } },
      { term: 'E-rate', means: 'the federal program that discounts school internet and network costs', at: { start: 40, end: 52 } },
    ]);
  });

  it('matches a term that is not an acronym in any case, and an acronym only in capitals', () => {
    expect(read('We use e-rate now.').jargon.map((j) => j.term)).toEqual(['E-rate']);
    expect(read('We use E-RATE now.').jargon.map((j) => j.term)).toEqual(['E-rate']);
    expect(read('We use Mfa now.').jargon).toEqual([]);
    expect(read('We use MFAs now.').jargon).toEqual([]);
    expect(read('We use xMFA now.').jargon).toEqual([]);
  });

  it('accepts a meaning spelled out (without its article) earlier in the text', () => {
    expect(read('The federal program that discounts school internet and network costs matters. E-rate pays.').jargon).toEqual([]);
  });
});

describe('strengths from signals', () => {
  it('a short answer with two unexplained terms and a step', () => {
    const r = read('We will turn on MFA for all staff. Then E-rate pays.');
    expect(r.criteria.map((c) => [c.criterion, c.strength, c.level, c.basis])).toEqual([
      ['understanding', 0, null, 'Makes 0 of the 3 key points a strong answer covers.'],
      // 0.6 × coverage 0 + 0.4 × (1 step / 5)
      ['strategy', 0.08, null, '1 sentence set out steps, timing or measures.'],
      // 0.5 × grade fit 0 (too short to grade) + 0.5 × (1 − 0.25 × 2 terms)
      ['audience', 0.25, null, 'Reads at grade – for the school board (aim for 12 or below); 2 technical terms used without an explanation.'],
      // 0.25 × length fit 11/20 words = 0.1375
      ['organisation', 0.138, null, 'The opening does not state a recommendation; 1 paragraph; 11 words (range 20–80); no closing request or next step.'],
    ]);
    expect(r.words).toBe(11);
    expect(r.paragraphs).toBe(1);
  });

  it('a strong short answer: every key point, three steps, opening, close and three paragraphs', () => {
    const strong = 'I recommend a pilot program in three schools this fall.\n\nWe will use our replacement budget and survey teachers each month.\n\nPlease approve the pilot at the next meeting.';
    const r = read(strong);
    expect(r.criteria.map((c) => [c.criterion, c.strength, c.basis])).toEqual([
      ['understanding', 1, 'Makes 3 of the 3 key points a strong answer covers.'],
      ['strategy', 0.84, '3 sentences set out steps, timing or measures.'],
      ['audience', 0.5, 'Reads at grade – for the school board (aim for 12 or below); 0 technical terms used without an explanation.'],
      ['organisation', 1, 'Opens with a recommendation; 3 paragraphs; 29 words (range 20–80); closes with a request or next step.'],
    ]);
    // Evidence: the first sentence of each covered point; the step sentences; opening and close.
    expect(r.criteria[0].evidence).toEqual([{ start: 0, end: 55 }, { start: 57, end: 123 }, { start: 57, end: 123 }]);
    expect(r.criteria[1].evidence).toEqual([{ start: 0, end: 55 }, { start: 57, end: 123 }, { start: 125, end: 170 }]);
    expect(r.criteria[2].evidence).toEqual([]);
    expect(r.criteria[3].evidence).toEqual([{ start: 0, end: 55 }, { start: 125, end: 170 }]);
  });

  it('caps the step signal at five sentences and the term penalty at four terms', () => {
    const six = 'Hello there. First we plan. Second we build. Third we test. Then we wait. Next we ship. Finally we rest.';
    expect(read(six).steps).toHaveLength(6);
    expect(strength(six, 'strategy')).toBe(0.4);
    const five = 'Hello there. First we plan. Second we build. Third we test. Then we wait. Next we ship.';
    expect(strength(five, 'strategy')).toBe(0.4);
    expect(strength('Hello there. First we plan. Second we build.', 'strategy')).toBe(0.16);
    const terms = [...jargon, { term: 'SSO', means: 'single sign-on' }, { term: 'LMS', means: 'learning management system' }, { term: 'SIS', means: 'student information system' }];
    const r = readEssay('We use MFA. We use SSO. We use LMS. We use SIS. E-rate pays.', prompt, board, terms, null);
    expect(r.jargon).toHaveLength(5);
    expect(r.criteria.find((c) => c.criterion === 'audience')!.strength).toBe(0);
    expect(r.criteria.find((c) => c.criterion === 'audience')!.basis).toMatch(/; 5 technical terms used/);
  });

  it('scores one paragraph 0, two 0.5 and three or more 1, and length below, within and above the range', () => {
    // Two paragraphs (0.25 × 0.5) and 6 of the 20 words asked for (0.25 × 0.3).
    expect(strength('One two.\n\nThree four five. Six.', 'organisation')).toBe(0.2);
    // One paragraph, 101 words against a maximum of 80: 0.25 × 80/101.
    expect(strength('word '.repeat(100) + '.', 'organisation')).toBe(0.198);
    // Within the range: 0.25 × 1, one paragraph.
    // (N repetitions and the final '.' make N + 1 words.)
    expect(strength('word '.repeat(40) + '.', 'organisation')).toBe(0.25);
    expect(strength('word '.repeat(19) + '.', 'organisation')).toBe(0.25); // 20
    expect(strength('word '.repeat(79) + '.', 'organisation')).toBe(0.25); // 80
    expect(strength('word '.repeat(80) + '.', 'organisation')).toBe(0.247); // 81: 0.25 × 80/81
    expect(strength('word '.repeat(15) + '.', 'organisation')).toBe(0.2); // 16: 0.25 × 16/20
  });

  it('weighs a grade above the audience’s by one sixth per grade', () => {
    const text = 'word '.repeat(100) + '.';
    const grade = read(text).grade!;
    expect(grade).toBe(35.2);
    expect(strength(text, 'audience', { id: 'x', name: 'x', grade: 35.2 })).toBe(1);
    expect(strength(text, 'audience', { id: 'x', name: 'x', grade: 40 })).toBe(1);
    expect(strength(text, 'audience', { id: 'x', name: 'x', grade: 32.2 })).toBe(0.75);
    expect(strength(text, 'audience', { id: 'x', name: 'x', grade: 29.2 })).toBe(0.5);
    expect(strength(text, 'audience', { id: 'x', name: 'x', grade: 6 })).toBe(0.5);
    expect(read(text, { id: 'x', name: 'parents', grade: 6 }).criteria[2].basis).toBe('Reads at grade 35.2 for parents (aim for 6 or below); 0 technical terms used without an explanation.');
  });

  it('names one step and one term in the singular, others in the plural', () => {
    expect(read('Hello there. Nothing here.').criteria[1].basis).toBe('0 sentences set out steps, timing or measures.');
    expect(read('We use MFA now.').criteria[2].basis).toMatch(/; 1 technical term used without an explanation\.$/);
    expect(read('word word.').criteria[3].basis).toBe('The opening does not state a recommendation; 1 paragraph; 2 words (range 20–80); no closing request or next step.');
  });
});

describe('suggested levels follow the tuning thresholds', () => {
  const tuning: ReaderTuning = {
    criteria: {
      understanding: { thresholds: [0.3, 0.6, 0.9], suggest: true },
      strategy: { thresholds: [0.05, 0.1, 0.2], suggest: true },
      audience: { thresholds: [0.2, 0.3, 0.9], suggest: true },
      organisation: { thresholds: [0.1, 0.2, 0.3], suggest: false },
    },
  };

  it('gives each trusted criterion the level its strength reaches', () => {
    const r = read('We will turn on MFA for all staff. Then E-rate pays.', board, tuning);
    expect(r.criteria.map((c) => c.level)).toEqual([1, 2, 2, null]);
  });

  it('a criterion the tuning does not name gets no level', () => {
    const r = read('We will turn on MFA for all staff. Then E-rate pays.', board, { criteria: { strategy: { thresholds: [0.05, 0.1, 0.2], suggest: true } } });
    expect(r.criteria.map((c) => c.level)).toEqual([null, 2, null, null]);
  });
});

describe('text analysis', () => {
  it('gives each sentence its character range and paragraph', () => {
    const a = analyse('One two.\n\nThree four five. Six.');
    expect(a.sentences.map((s) => [s.start, s.end, s.paragraph, s.words.map((w) => w.text)])).toEqual([
      [0, 8, 0, ['One', 'two']],
      [10, 26, 1, ['Three', 'four', 'five']],
      [27, 31, 1, ['Six']],
    ]);
    expect(a.paragraphs).toBe(2);
    expect(a.words).toBe(6);
  });

  it('does not start a paragraph at a single line break, nor before the first sentence', () => {
    expect(analyse('One two.\nThree four.').paragraphs).toBe(1);
    expect(analyse('\n\n\nOne two. Three four.').paragraphs).toBe(1);
    expect(analyse('\n\nOne two.\n\nThree four.').sentences.map((s) => s.paragraph)).toEqual([0, 1]);
  });

  it('keeps the lower-case forms of a word and marks stop words', () => {
    expect(phraseForms('Surveying teachers')).toEqual([
      { forms: expect.arrayContaining(['surveying', 'survey']), stop: false },
      { forms: expect.arrayContaining(['teachers', 'teacher']), stop: false },
    ]);
    expect(phraseForms('the 3 plans!').map((w) => w.stop)).toEqual([true, false, false]);
  });

  it('computes the Flesch–Kincaid grade from the reading ease, words and sentences', () => {
    // 20 words a sentence, (206.835 − 1.015·20 − 60) / 84.6 syllables a word → 0.39·20 + 11.8·1.4957 − 15.59.
    expect(gradeLevel(60, 100, 5)).toBe(9.9);
    expect(gradeLevel(30, 30, 1)).toBe(16.5);
    expect(gradeLevel(80, 29, 2)).toBeNull();
    expect(gradeLevel(80, 30, 0)).toBeNull();
    expect(gradeLevel(100, 30, 3)).toBe(1.8);
  });
});
