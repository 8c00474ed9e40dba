import { Type } from 'typebox';
import { Letter, PerLetter } from './common.ts';

const Mode = Type.Union([Type.Literal('exam'), Type.Literal('tutor')]);

export const CreateAttemptSchema = Type.Object(
  {
    mode: Type.Optional(Mode),
    length: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 600 })),
    areas: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 99 }), { minItems: 1, uniqueItems: true })),
    codes: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{1,2}[A-Z]$' }), { minItems: 1, uniqueItems: true })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1 })),
    /**
     * `now` (default): a timed attempt's clock starts as it is created. `on_begin`: it starts only at
     * POST /api/attempts/:id/begin, after the candidate has read the intro screen.
     */
    startClock: Type.Optional(Type.Union([Type.Literal('now'), Type.Literal('on_begin')])),
  },
  { additionalProperties: false },
);

export const AttemptSummarySchema = Type.Object({
  id: Type.String(),
  mode: Mode,
  status: Type.Union([Type.Literal('open'), Type.Literal('submitted')]),
  length: Type.Integer(),
  startedAt: Type.Integer(),
  deadline: Type.Union([Type.Integer(), Type.Null()]),
  remainingMs: Type.Union([Type.Integer(), Type.Null()]),
  timeMultiplier: Type.Number(),
  submittedAt: Type.Union([Type.Integer(), Type.Null()]),
  closedBy: Type.Union([Type.Literal('candidate'), Type.Literal('time'), Type.Null()]),
  answered: Type.Integer(),
  /** Planned minutes before the accommodation (null: untimed). */
  minutes: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  /** False while a timed attempt waits for POST /api/attempts/:id/begin (its clock has not started). */
  begun: Type.Optional(Type.Boolean()),
  score: Type.Union([Type.Object({ correct: Type.Integer(), total: Type.Integer(), percent: Type.Number() }), Type.Null()]),
});

export const SlotItemSchema = Type.Object({
  slot: Type.Integer(),
  itemId: Type.String(),
  code: Type.String(),
  area: Type.Integer(),
  stem: Type.String(),
  options: Type.Array(Type.Object({ key: Letter, text: Type.String() })),
});

/** Keys appear only where the domain allows (tutor after answering, or after submission). */
const Reveal = {
  answer: Type.Optional(Letter),
  correct: Type.Optional(Type.Boolean()),
  rationale: Type.Optional(PerLetter),
};

export const ResponseSchema = Type.Object({
  slot: Type.Integer(),
  choice: Type.Union([Letter, Type.Null()]),
  flagged: Type.Boolean(),
  guessed: Type.Boolean(),
  /** Options struck out by the candidate, letters in order ("AC"); absent when none. */
  struck: Type.Optional(Type.String()),
  savedAt: Type.Union([Type.Integer(), Type.Null()]),
  ...Reveal,
});

export const AttemptReplySchema = Type.Object({
  attempt: AttemptSummarySchema,
  blueprint: Type.Array(Type.Object({ area: Type.Integer(), count: Type.Integer() })),
  items: Type.Array(SlotItemSchema),
  responses: Type.Optional(Type.Array(ResponseSchema)),
});

export const PutResponseSchema = Type.Object(
  {
    choice: Type.Optional(Type.Union([Letter, Type.Null()])),
    flagged: Type.Optional(Type.Boolean()),
    /** "I guessed": a right answer marked so still comes back in spaced review. */
    guessed: Type.Optional(Type.Boolean()),
    /** Options struck out, letters in order without repeats ("AC"); "" strikes none. Independent of the choice. */
    struck: Type.Optional(Type.String({ pattern: '^A?B?C?D?$', maxLength: 4 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const SavedResponseSchema = Type.Object({
  slot: Type.Integer(),
  choice: Type.Union([Letter, Type.Null()]),
  flagged: Type.Boolean(),
  guessed: Type.Boolean(),
  struck: Type.Optional(Type.String()),
  savedAt: Type.Integer(),
  remainingMs: Type.Union([Type.Integer(), Type.Null()]),
  ...Reveal,
});

const Tally = { correct: Type.Integer(), total: Type.Integer(), percent: Type.Number() };

export const ReportSchema = Type.Object({
  attemptId: Type.String(),
  mode: Mode,
  status: Type.Union([Type.Literal('open'), Type.Literal('submitted')]),
  closedBy: Type.Union([Type.Literal('candidate'), Type.Literal('time'), Type.Null()]),
  length: Type.Integer(),
  startedAt: Type.Integer(),
  deadline: Type.Union([Type.Integer(), Type.Null()]),
  submittedAt: Type.Union([Type.Integer(), Type.Null()]),
  timeMultiplier: Type.Number(),
  notice: Type.String(),
  withheld: Type.Integer(),
  score: Type.Object(Tally),
  categories: Type.Array(Type.Object({ id: Type.String(), ...Tally })),
  areas: Type.Array(Type.Object({ area: Type.Integer(), ...Tally })),
  codes: Type.Array(Type.Object({ code: Type.String(), correct: Type.Integer(), total: Type.Integer() })),
  items: Type.Array(
    Type.Object({
      slot: Type.Integer(),
      itemId: Type.String(),
      version: Type.Integer(),
      code: Type.String(),
      area: Type.Integer(),
      stem: Type.String(),
      options: Type.Array(Type.Object({ key: Letter, text: Type.String() })),
      choice: Type.Union([Letter, Type.Null()]),
      flagged: Type.Boolean(),
      answer: Letter,
      correct: Type.Boolean(),
      rationale: PerLetter,
    }),
  ),
});

export const AttemptIdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const SlotParams = Type.Object({ id: Type.String({ maxLength: 64 }), slot: Type.Integer({ minimum: 1 }) });

const AreaTally = Type.Object({ area: Type.Integer(), correct: Type.Integer(), total: Type.Integer(), percent: Type.Number() });

export const ProgressSchema = Type.Object({
  attempts: Type.Array(
    Type.Object({ id: Type.String(), mode: Mode, submittedAt: Type.Integer(), areas: Type.Array(AreaTally) }),
  ),
});
