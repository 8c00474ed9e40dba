// Schemas of the Part II API (/api/part2 and /api/essays): one source for validation, types and OpenAPI.
import { Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const LevelSchema = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4)]);
export const LevelsSchema = Type.Record(Type.String({ pattern: '^[a-z]+$' }), Type.Integer(), { maxProperties: 12 });
const CommentsSchema = Type.Record(Type.String({ pattern: '^[a-z]+$' }), Type.String({ maxLength: 2000 }), { maxProperties: 12 });

export const RubricSchema = Type.Object({
  version: Type.String(),
  title: Type.String(),
  levels: Type.Array(Type.Object({ level: LevelSchema, name: Type.String() })),
  criteria: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      question: Type.String(),
      descriptors: Type.Object({ 4: Type.String(), 3: Type.String(), 2: Type.String(), 1: Type.String() }),
    }),
  ),
});

/** What a writer sees before and while writing: never the key points, exemplar or anchors. */
export const PromptSummarySchema = Type.Object({
  id: Type.String(),
  area: Type.Integer(),
  title: Type.String(),
  codes: Type.Array(Type.String()),
  audience: Type.String(),
  audienceName: Type.String(),
  minutes: Type.Integer(),
  words: Type.Object({ min: Type.Integer(), max: Type.Integer() }),
});
export const PromptSchema = Type.Object({ ...PromptSummarySchema.properties, scenario: Type.String(), task: Type.String() });
export const PromptIdParams = Type.Object({ id: Type.String({ pattern: '^P\\d{2}-\\d{2}$' }) });

const Span = Type.Object({ start: Type.Integer(), end: Type.Integer() });
export const ReadingSchema = Type.Object({
  empty: Type.Boolean(),
  words: Type.Integer(),
  range: Type.Object({ min: Type.Integer(), max: Type.Integer() }),
  paragraphs: Type.Integer(),
  grade: Nullable(Type.Number()),
  targetGrade: Type.Number(),
  keyPoints: Type.Array(Type.Object({ id: Type.String(), point: Type.String(), covered: Type.Boolean(), evidence: Type.Array(Span) })),
  jargon: Type.Array(Type.Object({ term: Type.String(), means: Type.String(), at: Span })),
  opening: Type.Object({ states: Type.Boolean(), at: Nullable(Span) }),
  closing: Type.Object({ asks: Type.Boolean(), at: Nullable(Span) }),
  steps: Type.Array(Span),
  criteria: Type.Array(
    Type.Object({ criterion: Type.String(), strength: Type.Number(), level: Nullable(LevelSchema), basis: Type.String(), evidence: Type.Array(Span) }),
  ),
});

const Source = Type.Union([Type.Literal('auto'), Type.Literal('self'), Type.Literal('self_revised'), Type.Literal('peer'), Type.Literal('coach')]);
export const ScoreSchema = Type.Object({
  id: Type.Integer(),
  source: Source,
  reader: Nullable(Type.String()),
  rubricVersion: Type.String(),
  levels: LevelsSchema,
  comments: CommentsSchema,
  total: Nullable(Type.Integer()),
  /** The reader's calibration gap on this prompt (mean levels off the anchor's reference). */
  calibrationGap: Nullable(Type.Number()),
  createdAt: Type.Integer(),
});

const Status = Type.Union([Type.Literal('open'), Type.Literal('submitted')]);
const EssayMode = Type.Union([Type.Literal('timed'), Type.Literal('practice')]);

export const EssaySummarySchema = Type.Object({
  id: Type.String(),
  promptId: Type.String(),
  title: Type.String(),
  area: Type.Integer(),
  mode: EssayMode,
  status: Status,
  startedAt: Type.Integer(),
  deadline: Nullable(Type.Integer()),
  remainingMs: Nullable(Type.Integer()),
  submittedAt: Nullable(Type.Integer()),
  words: Type.Integer(),
  /** The latest levels given by each kind of reader. */
  levels: Type.Record(Type.String(), LevelsSchema),
});

export const EssaySchema = Type.Object({
  id: Type.String(),
  prompt: PromptSchema,
  mode: EssayMode,
  status: Status,
  startedAt: Type.Integer(),
  deadline: Nullable(Type.Integer()),
  remainingMs: Nullable(Type.Integer()),
  timeMultiplier: Type.Number(),
  text: Type.String(),
  revision: Type.Integer(),
  words: Type.Integer(),
  savedAt: Nullable(Type.Integer()),
  submittedAt: Nullable(Type.Integer()),
  closedBy: Nullable(Type.Union([Type.Literal('candidate'), Type.Literal('time')])),
  rubric: Nullable(RubricSchema),
  reading: Nullable(ReadingSchema),
  scores: Type.Array(ScoreSchema),
  /** Shown once the writer has scored themselves: what a strong answer covers. */
  exemplar: Nullable(Type.Object({ text: Type.String(), keyPoints: Type.Array(Type.Object({ id: Type.String(), point: Type.String() })) })),
  shares: Type.Array(Type.Object({ id: Type.Integer(), createdAt: Type.Integer(), revokedAt: Nullable(Type.Integer()) })),
});

export const CreateEssaySchema = Type.Object(
  {
    promptId: Type.Optional(Type.String({ pattern: '^P\\d{2}-\\d{2}$' })),
    /** Instead of a prompt: a random one in the writer's weakest Part I area. */
    pick: Type.Optional(Type.Literal('weakest')),
    mode: Type.Optional(EssayMode),
  },
  { additionalProperties: false },
);
export const EssayIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const ShareParams = Type.Object({ id: Type.String({ format: 'uuid' }), shareId: Type.Integer({ minimum: 1 }) });
export const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{32,64}$' }) });

// Text is limited here at the 100 KB rule plus room for JSON escapes; textProblem gives the clear answer.
export const SaveTextSchema = Type.Object(
  { text: Type.String({ maxLength: 120_000 }), revision: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) },
  { additionalProperties: false },
);
export const SavedTextSchema = Type.Object({
  revision: Type.Integer(),
  savedAt: Nullable(Type.Integer()),
  words: Type.Integer(),
  remainingMs: Nullable(Type.Integer()),
  /** True when a newer revision was already saved; the stored text is unchanged. */
  stale: Type.Boolean(),
});

export const GiveScoreSchema = Type.Object({ levels: LevelsSchema, comments: Type.Optional(CommentsSchema) }, { additionalProperties: false });
export const CalibrateSchema = Type.Object({ levels: LevelsSchema }, { additionalProperties: false });

export const ShareCreatedSchema = Type.Object({ id: Type.Integer(), token: Type.String(), path: Type.String() });

/** What a reader sees through a review link: first an anchor answer to score blind, then the essay. */
export const SharedSchema = Type.Object({
  prompt: PromptSchema,
  rubric: RubricSchema,
  writer: Type.String(),
  calibration: Type.Object({
    /** True until the reader has scored this prompt's anchor answer. */
    needed: Type.Boolean(),
    anchorText: Nullable(Type.String()),
    gap: Nullable(Type.Number()),
    given: Nullable(LevelsSchema),
    reference: Nullable(LevelsSchema),
    why: Nullable(Type.Record(Type.String(), Type.String())),
  }),
  essay: Nullable(Type.Object({ text: Type.String(), words: Type.Integer(), submittedAt: Nullable(Type.Integer()) })),
  myScore: Nullable(ScoreSchema),
});
