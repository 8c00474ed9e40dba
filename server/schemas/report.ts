// Schemas of question reports (/api/items/:itemId/reports, /api/me/reports, /api/admin/reports).
import { Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Status = Type.Union([Type.Literal('open'), Type.Literal('upheld'), Type.Literal('rejected')]);
const Reason = Type.Union([Type.Literal('key_wrong'), Type.Literal('two_right'), Type.Literal('outdated'), Type.Literal('unclear'), Type.Literal('other')]);

export const ItemParams = Type.Object({ itemId: Type.String({ pattern: '^\\d{1,2}[A-Z]-\\d{3,}$' }) });
export const ReportIdParams = Type.Object({ reportId: Type.Integer({ minimum: 1 }) });

export const CreateReportSchema = Type.Object(
  {
    /** The attempt where the candidate saw the item with its key (tutor after answering, or handed in). */
    attemptId: Type.String({ format: 'uuid' }),
    reason: Reason,
    text: Type.String({ maxLength: 2000 }),
  },
  { additionalProperties: false },
);

export const QuestionReportSchema = Type.Object({
  id: Type.Integer(),
  itemId: Type.String(),
  version: Type.Integer(),
  reason: Reason,
  text: Type.String(),
  status: Status,
  reply: Nullable(Type.String()),
  createdAt: Type.Integer(),
  resolvedAt: Nullable(Type.Integer()),
});

export const AdminQueueSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      itemId: Type.String(),
      code: Type.String(),
      stem: Type.String(),
      answer: Type.String(),
      reports: Type.Array(Type.Object({ id: Type.Integer(), version: Type.Integer(), reason: Type.String(), text: Type.String(), reporter: Type.String(), createdAt: Type.Integer() })),
    }),
  ),
});

export const ResolveReportSchema = Type.Object(
  { status: Type.Union([Type.Literal('upheld'), Type.Literal('rejected')]), reply: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
