// "Report this question": a candidate reports an item they have seen with its key (tutor mode
// after answering, or a handed-in attempt); admins answer from a queue grouped by item; the
// candidate sees the reply. Admin routes are 404 to everyone else.
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { mayRevealKey } from '../../domain/attempt.ts';
import { catalogOf } from '../../bank/catalog.ts';
import { perDatabase } from '../../db/per-database.ts';
import type { Db } from '../../db/client.ts';
import { HttpError, notFound } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/session.ts';
import { errors } from '../../schemas/common.ts';
import { AdminQueueSchema, CreateReportSchema, ItemParams, QuestionReportSchema, ReportIdParams, ResolveReportSchema } from '../../schemas/report.ts';
import { attemptStore } from '../attempts/store.ts';

const REPORT_COLS = `id, item_id as itemId, version, reason, text, status, reply, created_at as createdAt, resolved_at as resolvedAt`;
const statements = perDatabase((db: Db) => {
  const c = db.$client;
  return {
    insert: c.prepare('insert into question_reports (user_id, item_id, version, reason, text, created_at) values (?, ?, ?, ?, ?, ?)'),
    byId: c.prepare(`select ${REPORT_COLS} from question_reports where id = ?`),
    mine: c.prepare(`select ${REPORT_COLS} from question_reports where user_id = ? order by created_at desc`),
    open: c.prepare(`select r.id, r.item_id as itemId, r.version, r.reason, r.text, u.name as reporter, r.created_at as createdAt
      from question_reports r join users u on u.id = r.user_id where r.status = 'open' order by r.item_id, r.created_at`),
    resolve: c.prepare(`update question_reports set status = ?, reply = ?, resolved_at = ?, resolved_by = ? where id = ? and status = 'open'`),
  };
});

export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const q = statements.of(app.db);
  const attempts = attemptStore(app.db);

  app.post('/api/items/:itemId/reports', { config: { access: 'user' }, schema: { params: ItemParams, body: CreateReportSchema, response: { 201: QuestionReportSchema, ...errors } } }, async (request, reply) => {
    const user = requireUser(request);
    const attempt = attempts.loadOwnAttempt(request.body.attemptId, user.id);
    const slot = attempts.loadSlots(attempt.id).find((s) => s.itemId === request.params.itemId);
    if (!slot) throw notFound(`Item ${request.params.itemId} in this attempt`);
    // Only a question whose key the candidate has seen can be reported: nothing leaks, nothing is guessed at.
    if (!mayRevealKey(attempt.mode, attempt.status, slot.choice)) {
      throw new HttpError(409, 'key_not_shown', 'Report a question once its key is shown: after answering it in tutor mode, or after handing in the exam.');
    }
    const id = Number(q.insert.run(user.id, slot.itemId, slot.version, request.body.reason, request.body.text.trim(), app.now()).lastInsertRowid);
    return reply.code(201).send(q.byId.get(id) as never);
  });

  app.get('/api/me/reports', { config: { access: 'user' }, schema: { response: { 200: Type.Object({ reports: Type.Array(QuestionReportSchema) }), ...errors } } }, async (request) => ({
    reports: q.mine.all(requireUser(request).id) as never[],
  }));

  app.get('/api/admin/reports', { config: { access: 'admin' }, schema: { response: { 200: AdminQueueSchema, ...errors } } }, async () => {
    const rows = q.open.all() as { id: number; itemId: string; version: number; reason: string; text: string; reporter: string; createdAt: number }[];
    const { active, version } = catalogOf(app.db);
    const byItem = new Map<string, typeof rows>();
    for (const r of rows) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r]);
    return {
      items: [...byItem].map(([itemId, reports]) => {
        const v = version(itemId, active.get(itemId)?.version ?? reports[0].version);
        return { itemId, code: v.code, stem: v.content.stem, answer: v.content.answer, reports: reports.map(({ itemId: _i, ...r }) => r) };
      }),
    };
  });

  app.post('/api/admin/reports/:reportId', { config: { access: 'admin' }, schema: { params: ReportIdParams, body: ResolveReportSchema, response: { 200: QuestionReportSchema, ...errors } } }, async (request) => {
    const admin = requireUser(request);
    const done = q.resolve.run(request.body.status, request.body.reply.trim(), app.now(), admin.id, request.params.reportId).changes === 1;
    if (!done) {
      if (!q.byId.get(request.params.reportId)) throw notFound('This report');
      throw new HttpError(409, 'already_resolved', 'This report has been answered already.');
    }
    return q.byId.get(request.params.reportId) as never;
  });
};
