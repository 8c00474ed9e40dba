// Drills: a coach assigns one to the whole group or chosen members (areas, codes, the group's
// weakest areas or the items it missed most); members see theirs first and start each once, as an
// attempt built from exactly that spec with their own accommodation; coaches see who did what.
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { drillState, isOverdueDrill, misconceptions, rankWeakAreas, sumBy } from '../../domain/groups.ts';
import { percent } from '../../domain/scoring.ts';
import { currentKeys } from './results.ts';
import { requireMembership } from '../../plugins/access.ts';
import { HttpError, notFound } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/session.ts';
import { AttemptReplySchema } from '../../schemas/attempt.ts';
import { errors } from '../../schemas/common.ts';
import { CreateDrillSchema, DrillParams, DrillSchema, GroupParams } from '../../schemas/group.ts';
import { attemptStore } from '../attempts/store.ts';
import { attemptView } from '../attempts/view.ts';
import { startAttempt } from '../attempts/start.ts';
import { groupStore, type DrillRow } from './store.ts';

const SEMESTER_MS = 120 * 86_400_000;
/** "This group's weakest areas" means its three weakest. */
const WEAKEST = 3;

/** Each group's name and members, read once per request however many of its drills are shown. */
function groupsOf(app: FastifyInstance) {
  const store = groupStore(app.db);
  const seen = new Map<string, { name: string; members: ReturnType<typeof store.members> }>();
  return (groupId: string) => {
    let g = seen.get(groupId);
    if (!g) seen.set(groupId, (g = { name: store.group(groupId).name, members: store.members(groupId) }));
    return g;
  };
}

function drillView(app: FastifyInstance, group: ReturnType<ReturnType<typeof groupsOf>>, drill: DrillRow, viewerId: number, coach: boolean) {
  const store = groupStore(app.db);
  const now = app.now();
  const { members } = group;
  const assignees = members.filter((m) => (drill.assignees ? drill.assignees.includes(m.userId) : true));
  const attempts = new Map(store.drillAttempts(drill.id).map((a) => [a.userId, a]));
  const progressOf = (userId: number) => {
    const attempt = attempts.get(userId) ?? null;
    const state = drillState(attempt);
    return { state, attempt, overdue: isOverdueDrill(state, drill.dueAt, now) };
  };
  const mine = assignees.some((m) => m.userId === viewerId) ? progressOf(viewerId) : null;
  return {
    id: drill.id, groupId: drill.groupId, groupName: group.name, title: drill.title,
    areas: drill.spec.areas ?? [], codes: drill.spec.codes ?? [], items: drill.spec.itemIds?.length ?? 0,
    length: drill.spec.length, mode: drill.spec.mode, minutes: drill.spec.minutes ?? null, dueAt: drill.dueAt, createdAt: drill.createdAt,
    mine: mine && { state: mine.state, attemptId: mine.attempt?.attemptId ?? null, overdue: mine.overdue },
    progress: coach
      ? assignees.map((m) => {
          const p = progressOf(m.userId);
          const a = p.attempt;
          return {
            userId: m.userId, name: m.name, state: p.state, overdue: p.overdue,
            score: a && a.status === 'submitted' && a.correct !== null ? { correct: a.correct, total: a.length, percent: percent(a.correct, a.length) } : null,
          };
        })
      : null,
  };
}

export const drillRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const store = groupStore(app.db);

  app.post('/api/groups/:groupId/drills', { config: { access: 'coach' }, schema: { params: GroupParams, body: CreateDrillSchema, response: { 201: DrillSchema, ...errors } } }, async (request, reply) => {
    const m = requireMembership(request);
    const coach = requireUser(request);
    const body = request.body;
    const members = store.members(m.groupId);
    const memberIds = new Set(members.map((x) => x.userId));
    if (body.dueAt !== undefined && body.dueAt <= app.now()) throw new HttpError(400, 'due_in_past', 'The due date has passed; choose a later one, or none.');
    const strangers = body.assignees?.filter((id) => !memberIds.has(id)) ?? [];
    if (strangers.length) throw new HttpError(400, 'not_members', `Users ${strangers.join(', ')} are not members of this group; assign drills to members only.`);
    if (body.target && (body.areas || body.codes)) throw new HttpError(400, 'choose_target', 'Give areas and/or codes, or a target ("weakest" or "missed"), not both.');
    const spec: DrillRow['spec'] = { length: body.length, mode: body.mode, ...(body.minutes && { minutes: body.minutes }) };
    const since = app.now() - SEMESTER_MS;
    if (body.target === 'weakest') {
      const byArea = sumBy(store.tallies(m.groupId, since), (r) => r.area);
      const areas = app.framework.framework.areas.map((a) => ({ area: a.number, weight: a.weight, ...byArea(a.number) }));
      const weakest = rankWeakAreas(areas).slice(0, WEAKEST).map((a) => a.area);
      if (!weakest.length) throw new HttpError(422, 'no_results', 'The group has no results yet to find its weakest areas; choose areas instead.');
      spec.areas = weakest.sort((a, b) => a - b);
    } else if (body.target === 'missed') {
      const counts = store.groupChoiceCounts(m.groupId, since);
      const keys = currentKeys(app.db, counts);
      const missed = misconceptions(counts, keys, body.length).map((x) => x.itemId);
      if (!missed.length) throw new HttpError(422, 'no_results', 'The group has not missed any item yet; choose areas instead.');
      spec.itemIds = missed;
      spec.length = missed.length;
    } else {
      if (body.areas) spec.areas = body.areas;
      if (body.codes) spec.codes = body.codes;
    }
    const drill: DrillRow = {
      // "The whole group" means its members (not its coaches) as of now; later joiners start fresh.
      id: randomUUID(), groupId: m.groupId, createdBy: coach.id, title: body.title.trim(), spec,
      assignees: body.assignees ?? members.filter((x) => x.role === 'member').map((x) => x.userId),
      dueAt: body.dueAt ?? null, createdAt: app.now(),
    };
    store.createDrill(drill);
    return reply.code(201).send(drillView(app, groupsOf(app)(m.groupId), drill, coach.id, true));
  });

  app.get('/api/groups/:groupId/drills', { config: { access: 'member' }, schema: { params: GroupParams, response: { 200: Type.Object({ drills: Type.Array(DrillSchema) }), ...errors } } }, async (request) => {
    const m = requireMembership(request);
    const viewer = requireUser(request);
    const coach = m.role !== 'member';
    const group = groupsOf(app)(m.groupId);
    const drills = store.drills(m.groupId).map((d) => drillView(app, group, d, viewer.id, coach));
    return { drills: coach ? drills : drills.filter((d) => d.mine !== null) };
  });

  app.get('/api/drills', { config: { access: 'user' }, schema: { response: { 200: Type.Object({ drills: Type.Array(DrillSchema) }), ...errors } } }, async (request) => {
    const user = requireUser(request);
    const group = groupsOf(app);
    return { drills: store.drillsForUser(user.id).map((d) => drillView(app, group(d.groupId), d, user.id, false)).filter((d) => d.mine !== null) };
  });

  app.post('/api/groups/:groupId/drills/:drillId/start', { config: { access: 'member' }, schema: { params: DrillParams, response: { 200: AttemptReplySchema, 201: AttemptReplySchema, ...errors } } }, async (request, reply) => {
    const m = requireMembership(request);
    const user = requireUser(request);
    const drill = store.drill(m.groupId, request.params.drillId);
    if (!drill) throw notFound('This drill');
    if (drill.assignees && !drill.assignees.includes(user.id)) throw notFound('This drill');
    // Starting twice opens the same attempt: check and create run in one synchronous step.
    const existing = store.drillAttempts(drill.id).find((a) => a.userId === user.id);
    if (existing) {
      const attempts = attemptStore(app.db);
      const attempt = attempts.touchAttempt(attempts.loadOwnAttempt(existing.attemptId, user.id), app.framework, app.now());
      return reply.code(200).send(attemptView(attempt, attempts.loadSlots(attempt.id), app.now(), attempts.openExamItems(user.id, attempt.id)));
    }
    const { spec } = drill;
    const view = startAttempt(app, user, { mode: spec.mode, length: spec.length, minutes: spec.minutes, areas: spec.areas, codes: spec.codes, itemIds: spec.itemIds });
    store.recordDrillAttempt(drill.id, user.id, view.attempt.id);
    return reply.code(201).send(view);
  });
};
