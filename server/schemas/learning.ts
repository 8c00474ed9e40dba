// Schemas of the learning engine API (/api/learning): mastery, self-ratings, readiness, review, history.
import { Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Estimate = { mean: Type.Number(), low: Type.Number(), high: Type.Number(), answered: Type.Integer() };
const Rating = Type.Integer({ minimum: 1, maximum: 5 });

export const MasterySchema = Type.Object({
  areas: Type.Array(
    Type.Object({
      area: Type.Integer(),
      name: Type.String(),
      weight: Type.Integer(),
      ...Estimate,
      selfRating: Nullable(Rating),
      codes: Type.Array(Type.Object({ code: Type.String(), ...Estimate, selfRating: Nullable(Rating) })),
    }),
  ),
  /** Areas where the candidate's own rating and the measured mastery differ most (at least 5 answers). */
  disagreements: Type.Array(Type.Object({ area: Type.Integer(), selfRating: Rating, measuredRating: Rating, gap: Type.Integer() })),
  /** Expected percent correct on a fresh weighted 100-item form, with an 80% range. */
  readiness: Type.Object({ expected: Type.Number(), low: Type.Number(), high: Type.Number(), answered: Type.Integer() }),
});

export const SelfRatingsSchema = Type.Object(
  {
    ratings: Type.Array(
      Type.Object({ area: Type.Integer({ minimum: 1, maximum: 99 }), code: Type.Optional(Type.String({ pattern: '^\\d{1,2}[A-Z]$' })), rating: Rating }, { additionalProperties: false }),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);

export const WeakDrillSchema = Type.Object(
  { length: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), mode: Type.Optional(Type.Union([Type.Literal('exam'), Type.Literal('tutor')])) },
  { additionalProperties: false },
);

export const ReviewStatusSchema = Type.Object({
  /** Cards due by the end of today (UTC). */
  dueToday: Type.Integer(),
  cards: Type.Integer(),
  nextDue: Nullable(Type.Integer()),
  examDate: Nullable(Type.Integer()),
  daysToExam: Nullable(Type.Integer()),
});

export const HistorySchema = Type.Object({
  /** Finished exam-mode attempts: the simulations. */
  exams: Type.Array(Type.Object({ id: Type.String(), submittedAt: Type.Integer(), length: Type.Integer(), percent: Type.Number() })),
  /** Finished tutor-mode attempts: drills and reviews. */
  drills: Type.Array(Type.Object({ id: Type.String(), submittedAt: Type.Integer(), length: Type.Integer(), percent: Type.Number() })),
  /** Area mastery (mean) after each finished attempt. */
  trend: Type.Array(Type.Object({ at: Type.Integer(), areas: Type.Array(Type.Object({ area: Type.Integer(), mean: Type.Number() })) })),
  /** This week (the last 7 days): items answered and minutes spent in finished attempts. */
  week: Type.Object({ answered: Type.Integer(), minutes: Type.Integer() }),
});
