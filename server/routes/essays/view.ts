// Shapes of what the API sends about an essay: the exemplar and key points only after the writer
// has scored themselves; scores with the reader's name and calibration gap.
import { remainingMs } from '../../domain/attempt.ts';
import type { Part2Bank } from '../../bank/part2/load.ts';
import type { Prompt } from '../../domain/part2.ts';
import { totalOf, type Levels } from '../../domain/rubric.ts';
import { countWords } from '../../domain/words.ts';
import type { Reading } from '../../domain/reading/reading.ts';
import type { EssayRow, ScoreRow, ShareRow } from './store.ts';

export function promptSummary(p: Prompt, part2: Part2Bank) {
  return {
    id: p.id, area: p.area, title: p.title, codes: p.codes, audience: p.audience,
    audienceName: part2.audiences.get(p.audience)?.name ?? p.audience, minutes: p.minutes, words: p.words,
  };
}

export const promptView = (p: Prompt, part2: Part2Bank) => ({ ...promptSummary(p, part2), scenario: p.scenario, task: p.task });

export function scoreView(s: ScoreRow) {
  const complete = s.source !== 'auto';
  return {
    id: s.id, source: s.source, reader: s.readerName, rubricVersion: s.rubricVersion, levels: s.levels as Levels, comments: s.comments,
    total: complete ? totalOf(s.levels as Levels) : null, calibrationGap: s.gap === null ? null : Math.round(s.gap * 100) / 100, createdAt: s.createdAt,
  };
}

/** Key points describe the exemplar: until the writer has scored themselves, they are only numbered. */
function withheldPoints(reading: Reading, selfScored: boolean): Reading {
  if (selfScored) return reading;
  return { ...reading, keyPoints: reading.keyPoints.map((k, i) => ({ ...k, point: `Key point ${i + 1}` })) };
}

export function essayView(e: EssayRow, prompt: Prompt, part2: Part2Bank, scores: ScoreRow[], shares: ShareRow[], now: number) {
  const auto = scores.find((s) => s.source === 'auto');
  const selfScored = scores.some((s) => s.source === 'self');
  return {
    id: e.id,
    prompt: promptView(prompt, part2),
    mode: e.mode,
    status: e.status,
    startedAt: e.startedAt,
    deadline: e.deadline,
    remainingMs: remainingMs(e, now),
    timeMultiplier: e.timeMultiplier,
    text: e.text,
    revision: e.revision,
    words: countWords(e.text),
    savedAt: e.savedAt,
    submittedAt: e.submittedAt,
    closedBy: e.closedBy,
    rubric: e.status === 'submitted' ? part2.rubric : null,
    reading: auto ? withheldPoints(auto.detail as Reading, selfScored) : null,
    scores: scores.map(scoreView),
    exemplar: selfScored ? { text: prompt.exemplar, keyPoints: prompt.keyPoints.map(({ id, point }) => ({ id, point })) } : null,
    shares: shares.map(({ id, createdAt, revokedAt }) => ({ id, createdAt, revokedAt })),
  };
}
