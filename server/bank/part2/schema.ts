// The shapes of the Part II files under question-bank/part2/: rubric, audiences, jargon, prompts.
import { Type, type Static } from 'typebox';

const Text = Type.String({ minLength: 1 });
const Level = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4)]);
const CriterionId = Type.String({ pattern: '^[a-z]+$' });

export const RubricFileSchema = Type.Object(
  {
    title: Text,
    levels: Type.Array(Type.Object({ level: Level, name: Text }, { additionalProperties: false }), { minItems: 4, maxItems: 4 }),
    criteria: Type.Array(
      Type.Object(
        {
          id: CriterionId,
          name: Text,
          question: Text,
          descriptors: Type.Object({ 4: Text, 3: Text, 2: Text, 1: Text }, { additionalProperties: false }),
        },
        { additionalProperties: false },
      ),
      { minItems: 4, maxItems: 6 },
    ),
  },
  { additionalProperties: false },
);

export const AudiencesFileSchema = Type.Object(
  {
    audiences: Type.Array(
      Type.Object({ id: CriterionId, name: Text, grade: Type.Integer({ minimum: 4, maximum: 18 }) }, { additionalProperties: false }),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);

export const JargonFileSchema = Type.Object(
  {
    terms: Type.Array(
      Type.Object({ term: Text, means: Text }, { additionalProperties: false }),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);

const Scores = Type.Record(CriterionId, Level);

export const PromptSchema = Type.Object(
  {
    id: Type.String({ pattern: '^P\\d{2}-\\d{2}$' }),
    title: Text,
    codes: Type.Array(Type.String({ pattern: '^\\d{1,2}[A-Z]$' }), { minItems: 1, maxItems: 4 }),
    audience: CriterionId,
    minutes: Type.Integer({ minimum: 5, maximum: 120 }),
    words: Type.Object({ min: Type.Integer({ minimum: 50 }), max: Type.Integer({ maximum: 3000 }) }, { additionalProperties: false }),
    scenario: Text,
    task: Text,
    keyPoints: Type.Array(
      Type.Object(
        {
          id: Type.String({ pattern: '^K\\d$' }),
          point: Text,
          evidence: Type.Array(Text, { minItems: 1, maxItems: 10 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 5, maxItems: 8 },
    ),
    exemplar: Text,
    anchors: Type.Optional(
      Type.Array(
        Type.Object(
          { id: Type.String({ pattern: '^A\\d$' }), text: Text, scores: Scores, why: Type.Record(CriterionId, Text) },
          { additionalProperties: false },
        ),
        { minItems: 3 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const PromptFileSchema = Type.Object(
  { area: Type.Integer({ minimum: 1, maximum: 10 }), prompts: Type.Array(PromptSchema, { minItems: 1 }) },
  { additionalProperties: false },
);

export type RubricFile = Static<typeof RubricFileSchema>;
export type PromptFile = Static<typeof PromptFileSchema>;
export type PromptSource = Static<typeof PromptSchema>;

/** Written by `npm run essays:agreement -- --write`: the automated reader's tuned thresholds. */
export const ReaderFileSchema = Type.Object(
  {
    split: Type.String(),
    criteria: Type.Record(
      CriterionId,
      Type.Object(
        {
          thresholds: Type.Tuple([Type.Number(), Type.Number(), Type.Number()]),
          suggest: Type.Boolean(),
          trainKappa: Type.Number(),
          heldOutKappa: Type.Number(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ReaderFile = Static<typeof ReaderFileSchema>;
