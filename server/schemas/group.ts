// Schemas of the study-group API (/api/groups, /api/drills): validation, types and OpenAPI in one.
import { Type } from 'typebox';
import { LevelsSchema, RubricSchema, ScoreSchema } from './essay.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Role = Type.Union([Type.Literal('owner'), Type.Literal('coach'), Type.Literal('member')]);
const Tally = { correct: Type.Integer(), total: Type.Integer(), percent: Type.Number() };

export const GroupParams = Type.Object({ groupId: Type.String({ format: 'uuid' }) });
export const MemberParams = Type.Object({ groupId: Type.String({ format: 'uuid' }), userId: Type.Integer({ minimum: 1 }) });
export const DrillParams = Type.Object({ groupId: Type.String({ format: 'uuid' }), drillId: Type.String({ format: 'uuid' }) });
export const GroupEssayParams = Type.Object({ groupId: Type.String({ format: 'uuid' }), essayId: Type.String({ format: 'uuid' }) });
export const InviteParams = Type.Object({ code: Type.String({ pattern: '^[A-Z2-9]{10}$' }) });

export const CreateGroupSchema = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
export const RenameGroupSchema = CreateGroupSchema;
export const InviteSettingSchema = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });
export const JoinSchema = Type.Object({ code: Type.String({ pattern: '^[A-Z2-9]{10}$' }) }, { additionalProperties: false });
export const SetRoleSchema = Type.Object({ role: Type.Union([Type.Literal('coach'), Type.Literal('member')]) }, { additionalProperties: false });

/** What joining shares, in plain words: shown before joining and on the group page. */
export const SHARING_NOTICE =
  "The group's coaches will see your individual results (scores by area and code, and which drills you started and finished) " +
  'for as long as you are a member, and any essay you send them. Other members see only group totals, and only when at least 3 members contribute.';

export const GroupSummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Role,
  members: Type.Integer(),
});

export const GroupSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Role,
  /** Coaches and the owner only; null when joining is switched off. */
  inviteCode: Nullable(Type.String()),
  sharingNotice: Type.String(),
  members: Type.Array(Type.Object({ userId: Type.Integer(), name: Type.String(), role: Role, joinedAt: Type.Integer() })),
});

export const InvitePreviewSchema = Type.Object({ name: Type.String(), owner: Type.String(), members: Type.Integer(), sharingNotice: Type.String() });

export const ResultsQuery = Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) }, { additionalProperties: false });
export const MemberAreaQuery = Type.Object({ area: Type.Integer({ minimum: 1, maximum: 99 }), days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) }, { additionalProperties: false });

export const GroupResultsSchema = Type.Object({
  days: Type.Integer(),
  /** Members who answered anything in the period. */
  contributors: Type.Integer(),
  /** False for a member when fewer than 3 members contribute: no group figures are shown then. */
  visible: Type.Boolean(),
  areas: Type.Array(Type.Object({ area: Type.Integer(), name: Type.String(), weight: Type.Integer(), ...Tally })),
  codes: Type.Array(Type.Object({ code: Type.String(), area: Type.Integer(), ...Tally })),
  weakest: Type.Array(Type.Integer()),
  /** Coaches only: one row per member, one cell per area. */
  heatmap: Nullable(
    Type.Array(Type.Object({ userId: Type.Integer(), name: Type.String(), areas: Type.Array(Type.Object({ area: Type.Integer(), ...Tally })) })),
  ),
});

export const MemberAreaResultsSchema = Type.Object({
  userId: Type.Integer(),
  name: Type.String(),
  area: Type.Integer(),
  codes: Type.Array(Type.Object({ code: Type.String(), ...Tally })),
});

const Letter = Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C'), Type.Literal('D')]);
export const MisconceptionsSchema = Type.Object({
  days: Type.Integer(),
  /** Members whose answers are counted (current members, closed attempts in the period). */
  contributors: Type.Integer(),
  /** False for a member while fewer than 3 members contribute: no counts are shown then. */
  visible: Type.Boolean(),
  items: Type.Array(
    Type.Object({
      itemId: Type.String(),
      code: Type.String(),
      area: Type.Integer(),
      stem: Type.String(),
      options: Type.Array(Type.Object({ key: Letter, text: Type.String(), chosen: Type.Integer() })),
      blank: Type.Integer(),
      answered: Type.Integer(),
      percentWrong: Type.Number(),
      answer: Letter,
      tempting: Nullable(Letter),
      rationale: Type.Object({ A: Type.String(), B: Type.String(), C: Type.String(), D: Type.String() }),
    }),
  ),
});

export const CreateDrillSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 120 }),
    areas: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 99 }), { minItems: 1, uniqueItems: true })),
    codes: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{1,2}[A-Z]$' }), { minItems: 1, uniqueItems: true })),
    /** Instead of areas or codes: the group's weakest areas, or the items it missed most (as of now). */
    target: Type.Optional(Type.Union([Type.Literal('weakest'), Type.Literal('missed')])),
    length: Type.Integer({ minimum: 1, maximum: 200 }),
    mode: Type.Union([Type.Literal('exam'), Type.Literal('tutor')]),
    minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 600 })),
    dueAt: Type.Optional(Type.Integer({ minimum: 0 })),
    /** Chosen members; the whole group when left out. */
    assignees: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, uniqueItems: true })),
  },
  { additionalProperties: false },
);

const DrillStateSchema = Type.Union([Type.Literal('not_started'), Type.Literal('started'), Type.Literal('finished')]);
export const DrillSchema = Type.Object({
  id: Type.String(),
  groupId: Type.String(),
  groupName: Type.String(),
  title: Type.String(),
  areas: Type.Array(Type.Integer()),
  codes: Type.Array(Type.String()),
  items: Type.Integer(),
  length: Type.Integer(),
  mode: Type.Union([Type.Literal('exam'), Type.Literal('tutor')]),
  minutes: Nullable(Type.Integer()),
  dueAt: Nullable(Type.Integer()),
  createdAt: Type.Integer(),
  /** The caller's own progress on it (null for a coach it is not assigned to). */
  mine: Nullable(Type.Object({ state: DrillStateSchema, attemptId: Nullable(Type.String()), overdue: Type.Boolean() })),
  /** Coaches only: every assignee's progress. */
  progress: Nullable(
    Type.Array(
      Type.Object({
        userId: Type.Integer(),
        name: Type.String(),
        state: DrillStateSchema,
        overdue: Type.Boolean(),
        score: Nullable(Type.Object(Tally)),
      }),
    ),
  ),
});

export const SendEssaySchema = Type.Object({ groupId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const EssayQueueSchema = Type.Object({
  essays: Type.Array(
    Type.Object({ essayId: Type.String(), writer: Type.String(), title: Type.String(), words: Type.Integer(), sentAt: Type.Integer(), scored: Type.Boolean() }),
  ),
});
export const CoachScoreSchema = Type.Object({ levels: LevelsSchema, comments: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z]+$' }), Type.String({ maxLength: 2000 }), { maxProperties: 12 })) }, { additionalProperties: false });
export const ExportQuery = Type.Object({ kind: Type.Union([Type.Literal('areas'), Type.Literal('responses')]), days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) }, { additionalProperties: false });

export const CoachEssaySchema = Type.Object({
  essayId: Type.String(),
  writer: Type.String(),
  prompt: Type.Object({ id: Type.String(), title: Type.String(), audienceName: Type.String(), scenario: Type.String(), task: Type.String(), words: Type.Object({ min: Type.Integer(), max: Type.Integer() }) }),
  keyPoints: Type.Array(Type.Object({ id: Type.String(), point: Type.String() })),
  text: Type.String(),
  words: Type.Integer(),
  submittedAt: Nullable(Type.Integer()),
  rubric: RubricSchema,
  scores: Type.Array(ScoreSchema),
  /** This coach's own score, once given (one per coach). */
  myScore: Nullable(ScoreSchema),
});
