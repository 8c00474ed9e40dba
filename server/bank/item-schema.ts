// The shape of a Part I item file (question-bank/part1/<area>/<code>.yaml).
import { Type, type Static } from 'typebox';

const Letter = Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C'), Type.Literal('D')]);
const Text = Type.String({ minLength: 1 });
const PerOption = Type.Object({ A: Text, B: Text, C: Text, D: Text }, { additionalProperties: false });

export const ItemSchema = Type.Object(
  {
    id: Type.String({ pattern: '^\\d{1,2}[A-Z]-\\d{3,}$' }),
    difficulty: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]),
    stem: Text,
    options: PerOption,
    answer: Letter,
    rationale: PerOption,
    refs: Type.Array(Text, { minItems: 1 }),
    /** An independent expert read by someone who did not write the item; only PASS ships. */
    review: Type.Optional(
      Type.Object(
        { verdict: Type.Union([Type.Literal('PASS'), Type.Literal('MINOR'), Type.Literal('FAIL')]), note: Type.String() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ItemFileSchema = Type.Object(
  { code: Type.String({ pattern: '^\\d{1,2}[A-Z]$' }), items: Type.Array(ItemSchema, { minItems: 1 }) },
  { additionalProperties: false },
);

export type ItemFile = Static<typeof ItemFileSchema>;
