// What a group looks at together: results by area and code against the blueprint weights, its
// weakest areas, the coaches' members × areas heatmap, one member's area by code, the items the
// group misses most, and the coaches' CSV export. Figures come from SQL aggregates.
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { aggregateVisible, misconceptions, rankWeakAreas, sumBy, toCsv } from '../../domain/groups.ts';
import { catalogOf } from '../../bank/catalog.ts';
import type { Db } from '../../db/client.ts';
import { requireMembership } from '../../plugins/access.ts';
import { notFound } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/session.ts';
import { errors } from '../../schemas/common.ts';
import { ExportQuery, GroupParams, GroupResultsSchema, MemberAreaQuery, MemberAreaResultsSchema, MemberParams, MisconceptionsSchema, ResultsQuery } from '../../schemas/group.ts';
import { groupStore } from './store.ts';

const DAY = 86_400_000;
/** The default period: a semester. */
const DEFAULT_DAYS = 120;
const MISCONCEPTIONS = 20;

/** Each counted item's key as it reads now (retired items drop out). */
export function currentKeys(db: Db, counts: readonly { itemId: string }[]): Map<string, string> {
  const { current } = catalogOf(db);
  const keys = new Map<string, string>();
  for (const { itemId } of counts) {
    if (keys.has(itemId)) continue;
    const item = current(itemId);
    if (item) keys.set(itemId, item.answer);
  }
  return keys;
}

export const groupResultRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const store = groupStore(app.db);
  const since = (days: number) => app.now() - days * DAY;

  app.get('/api/groups/:groupId/results', { config: { access: 'member' }, schema: { params: GroupParams, querystring: ResultsQuery, response: { 200: GroupResultsSchema, ...errors } } }, async (request) => {
    const m = requireMembership(request);
    const days = request.query.days ?? DEFAULT_DAYS;
    const rows = store.tallies(m.groupId, since(days));
    const contributors = new Set(rows.map((r) => r.userId)).size;
    const visible = aggregateVisible(contributors, m.role);
    const byArea = sumBy(rows, (r) => r.area);
    const byCode = sumBy(rows, (r) => r.code);
    const byCell = sumBy(rows, (r) => `${r.userId}:${r.area}`);
    const areas = app.framework.framework.areas.map((a) => ({ area: a.number, name: a.name, weight: a.weight, ...byArea(a.number) }));
    const codes = app.framework.framework.areas.flatMap((a) => a.codes.map((c) => ({ code: c.code, area: a.number, ...byCode(c.code) })));
    const coach = m.role !== 'member';
    return {
      days,
      contributors,
      visible,
      areas: visible ? areas : [],
      codes: visible ? codes.filter((c) => c.total > 0) : [],
      weakest: visible ? rankWeakAreas(areas).slice(0, 3).map((a) => a.area) : [],
      heatmap: coach
        ? store.members(m.groupId).map((member) => ({
            userId: member.userId,
            name: member.name,
            areas: app.framework.framework.areas.map((a) => ({ area: a.number, ...byCell(`${member.userId}:${a.number}`) })),
          }))
        : null,
    };
  });

  app.get('/api/groups/:groupId/members/:userId/results', {
    config: { access: 'coach' },
    schema: { params: MemberParams, querystring: MemberAreaQuery, response: { 200: MemberAreaResultsSchema, ...errors } },
  }, async (request) => {
    const m = requireMembership(request);
    // A member who left is out of sight at once: only current members are looked up.
    const member = store.members(m.groupId).find((x) => x.userId === request.params.userId);
    if (!member) throw notFound('This member');
    const area = app.framework.area.get(request.query.area);
    if (!area) throw notFound(`Area ${request.query.area}`);
    const byCode = sumBy(store.tallies(m.groupId, since(request.query.days ?? DEFAULT_DAYS)).filter((r) => r.userId === member.userId), (r) => r.code);
    return { userId: member.userId, name: member.name, area: area.number, codes: area.codes.map((c) => ({ code: c.code, ...byCode(c.code) })) };
  });

  app.get('/api/groups/:groupId/misconceptions', { config: { access: 'member' }, schema: { params: GroupParams, querystring: ResultsQuery, response: { 200: MisconceptionsSchema, ...errors } } }, async (request) => {
    const m = requireMembership(request);
    const viewer = requireUser(request);
    const days = request.query.days ?? DEFAULT_DAYS;
    // Choice counts are group figures: a member sees them only from 3 contributors (else one
    // other member's answers could be read off the counts).
    const contributors = store.contributors(m.groupId, since(days));
    if (!aggregateVisible(contributors, m.role)) return { days, contributors, visible: false, items: [] };
    const counts = store.choiceCounts(m.groupId, since(days), viewer.id);
    // Shown as the item reads now (retired items drop out); choices on earlier versions still count.
    const { active, current } = catalogOf(app.db);
    const content = (itemId: string) => current(itemId)!;
    const keys = currentKeys(app.db, counts);
    return {
      days, contributors, visible: true,
      items: misconceptions(counts, keys, MISCONCEPTIONS).map((x) => {
        const item = content(x.itemId);
        const meta = active.get(x.itemId)!;
        return {
          itemId: x.itemId, code: meta.code, area: meta.area, stem: item.stem,
          options: (['A', 'B', 'C', 'D'] as const).map((key) => ({ key, text: item.options[key], chosen: x.choices[key] })),
          blank: x.choices.blank, answered: x.answered, percentWrong: x.percentWrong, answer: item.answer, tempting: x.tempting, rationale: item.rationale,
        };
      }),
    };
  });

  app.get('/api/groups/:groupId/export.csv', {
    config: { access: 'coach' },
    // A CSV text body (sent as is: only JSON replies are serialised).
    schema: { params: GroupParams, querystring: ExportQuery, response: { 200: Type.String({ description: 'text/csv' }), ...errors } },
  }, async (request, reply) => {
    const m = requireMembership(request);
    const from = since(request.query.days ?? DEFAULT_DAYS);
    let rows: (string | number | null)[][];
    if (request.query.kind === 'areas') {
      const byCell = sumBy(store.tallies(m.groupId, from), (r) => `${r.userId}:${r.area}`);
      rows = [['member', 'area', 'area name', 'correct', 'answered', 'percent']];
      for (const member of store.members(m.groupId)) {
        for (const a of app.framework.framework.areas) {
          const t = byCell(`${member.userId}:${a.number}`);
          rows.push([member.name, a.number, a.name, t.correct, t.total, t.total ? t.percent : null]);
        }
      }
    } else {
      rows = [['member', 'attempt', 'mode', 'handed in', 'slot', 'area', 'code', 'item', 'choice', 'key', 'correct']];
      for (const r of store.responses(m.groupId, from)) {
        rows.push([r.name, r.attemptId, r.mode, new Date(r.submittedAt as number).toISOString(), r.slot, r.area, r.code, r.itemId, r.choice, r.answer, r.choice === r.answer ? 1 : 0]);
      }
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="group-${request.query.kind}.csv"`)
      .send(toCsv(rows));
  });
};
