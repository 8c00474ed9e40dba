// Reads and writes of groups, members, drills and essay reviews. Results are counted in SQL over
// the members' closed attempts (item_versions.answer holds each key), never by loading responses.
import type { Db } from '../../db/client.ts';
import { perDatabase } from '../../db/per-database.ts';
import type { DrillSpec } from '../../db/schema/groups.ts';
import type { Role } from '../../plugins/access.ts';

export interface CodeTally {
  userId: number;
  area: number;
  code: string;
  correct: number;
  total: number;
}

export interface DrillRow {
  id: string;
  groupId: string;
  createdBy: number;
  title: string;
  spec: DrillSpec;
  assignees: number[] | null;
  dueAt: number | null;
  createdAt: number;
}

const stores = perDatabase(prepare);
export const groupStore = (db: Db) => stores.of(db);

function prepare(db: Db) {
  const c = db.$client;
  const insertGroup = c.prepare('insert into groups (id, name, owner_id, invite_code, created_at) values (?, ?, ?, ?, ?)');
  const insertMember = c.prepare('insert into group_members (group_id, user_id, role, joined_at) values (?, ?, ?, ?) on conflict do nothing');
  const groupById = c.prepare('select id, name, owner_id as ownerId, invite_code as inviteCode, created_at as createdAt from groups where id = ?');
  const groupByCode = c.prepare('select id, name, owner_id as ownerId from groups where invite_code = ?');
  const myGroups = c.prepare(`select g.id, g.name, m.role, (select count(*) from group_members x where x.group_id = g.id) as members
    from group_members m join groups g on g.id = m.group_id where m.user_id = ? order by g.created_at`);
  const members = c.prepare(`select m.user_id as userId, u.name, m.role, m.joined_at as joinedAt
    from group_members m join users u on u.id = m.user_id where m.group_id = ? order by m.joined_at, m.user_id`);
  const memberCount = c.prepare('select count(*) from group_members where group_id = ?').pluck();
  const rename = c.prepare('update groups set name = ? where id = ?');
  const setCode = c.prepare('update groups set invite_code = ? where id = ?');
  const setRole = c.prepare("update group_members set role = ? where group_id = ? and user_id = ? and role != 'owner'");
  const removeMember = c.prepare("delete from group_members where group_id = ? and user_id = ? and role != 'owner'");
  // Per member, area and code: answered slots of closed attempts in the period, and how many were right.
  const tallies = c.prepare(`select a.user_id as userId, i.area, i.code,
      sum(s.choice is not null and s.choice = iv.answer) as correct, count(*) as total
    from group_members m
    join attempts a on a.user_id = m.user_id and a.status = 'submitted' and a.submitted_at >= ?
    join slots s on s.attempt_id = a.id
    join items i on i.id = s.item_id
    join item_versions iv on iv.item_id = s.item_id and iv.version = s.version
    where m.group_id = ?
    group by a.user_id, i.area, i.code`);
  // Choices on each item by current members, in closed attempts, limited to items the viewer has
  // seen in a closed attempt of their own (so no key ahead of the viewer is ever shown). The unary +
  // keeps SQLite from driving the join by item (every slot of that item in the whole database):
  // the group's own slots are read through its members' attempts, and each is checked against the list.
  const choiceCounts = c.prepare(`select s.item_id as itemId, s.choice, count(*) as count
    from group_members m
    join attempts a on a.user_id = m.user_id and a.status = 'submitted' and a.submitted_at >= ?
    join slots s on s.attempt_id = a.id
    where m.group_id = ? and +s.item_id in (
      select vs.item_id from slots vs join attempts va on va.id = vs.attempt_id where va.user_id = ? and va.status = 'submitted')
    group by s.item_id, s.choice`);
  const contributors = c.prepare(`select count(distinct a.user_id) from group_members m
    join attempts a on a.user_id = m.user_id and a.status = 'submitted' and a.submitted_at >= ? where m.group_id = ?`).pluck();
  // The same counts over every item the group answered: for a drill of the group's most-missed items.
  const groupChoiceCounts = c.prepare(`select s.item_id as itemId, s.choice, count(*) as count
    from group_members m
    join attempts a on a.user_id = m.user_id and a.status = 'submitted' and a.submitted_at >= ?
    join slots s on s.attempt_id = a.id
    where m.group_id = ? group by s.item_id, s.choice`);
  const responses = c.prepare(`select u.name, a.id as attemptId, a.mode, a.submitted_at as submittedAt, s.slot, i.code, i.area, s.item_id as itemId,
      s.choice, iv.answer
    from group_members m join users u on u.id = m.user_id
    join attempts a on a.user_id = m.user_id and a.status = 'submitted' and a.submitted_at >= ?
    join slots s on s.attempt_id = a.id
    join items i on i.id = s.item_id
    join item_versions iv on iv.item_id = s.item_id and iv.version = s.version
    where m.group_id = ? order by u.name, a.submitted_at, s.slot`);
  const insertDrill = c.prepare(`insert into drills (id, group_id, created_by, title, spec, assignees, due_at, created_at)
    values (@id, @groupId, @createdBy, @title, @spec, @assignees, @dueAt, @createdAt)`);
  const drillCols = 'id, group_id as groupId, created_by as createdBy, title, spec, assignees, due_at as dueAt, created_at as createdAt';
  const drillsOf = c.prepare(`select ${drillCols} from drills where group_id = ? order by created_at desc`);
  const drillById = c.prepare(`select ${drillCols} from drills where id = ? and group_id = ?`);
  const myDrills = c.prepare(`select d.id, d.group_id as groupId, d.created_by as createdBy, d.title, d.spec, d.assignees, d.due_at as dueAt,
      d.created_at as createdAt from drills d join group_members m on m.group_id = d.group_id and m.user_id = ?
    order by d.due_at is null, d.due_at, d.created_at desc`);
  const drillAttempts = c.prepare(`select da.user_id as userId, da.attempt_id as attemptId, a.status, a.correct, a.length
    from drill_attempts da join attempts a on a.id = da.attempt_id where da.drill_id = ?`);
  const insertDrillAttempt = c.prepare('insert into drill_attempts (drill_id, user_id, attempt_id) values (?, ?, ?)');
  const sendEssay = c.prepare('insert into essay_reviews (essay_id, group_id, sent_at) values (?, ?, ?) on conflict do nothing');
  // Essays sent to this group by current members, oldest first, with whether a coach has scored them.
  const queue = c.prepare(`select r.essay_id as essayId, u.name as writer, e.prompt_id as promptId, e.prompt_version as promptVersion, e.text,
      r.sent_at as sentAt,
      exists(select 1 from essay_scores sc join group_members gm on gm.user_id = sc.reader_id and gm.group_id = r.group_id and gm.role != 'member'
        where sc.essay_id = r.essay_id and sc.source = 'coach') as scored
    from essay_reviews r join essays e on e.id = r.essay_id
    join group_members m on m.group_id = r.group_id and m.user_id = e.user_id
    join users u on u.id = e.user_id
    where r.group_id = ? order by scored, r.sent_at`);
  const sentTo = c.prepare(`select 1 from essay_reviews r join essays e on e.id = r.essay_id
    join group_members m on m.group_id = r.group_id and m.user_id = e.user_id where r.essay_id = ? and r.group_id = ?`).pluck();

  const parseDrill = (r: Record<string, unknown>): DrillRow => ({ ...(r as unknown as DrillRow), spec: JSON.parse(r.spec as string), assignees: r.assignees === null ? null : JSON.parse(r.assignees as string) });

  return {
    createGroup(id: string, name: string, ownerId: number, inviteCode: string, now: number) {
      c.transaction(() => {
        insertGroup.run(id, name, ownerId, inviteCode, now);
        insertMember.run(id, ownerId, 'owner', now);
      })();
    },
    group: (id: string) => groupById.get(id) as { id: string; name: string; ownerId: number; inviteCode: string | null; createdAt: number },
    groupByCode: (code: string) => (groupByCode.get(code) as { id: string; name: string; ownerId: number } | undefined) ?? null,
    myGroups: (userId: number) => myGroups.all(userId) as { id: string; name: string; role: Role; members: number }[],
    members: (groupId: string) => members.all(groupId) as { userId: number; name: string; role: Role; joinedAt: number }[],
    memberCount: (groupId: string) => memberCount.get(groupId) as number,
    /** Joining again changes nothing: a coach who follows the invite link again stays a coach. */
    join: (groupId: string, userId: number, now: number) => { insertMember.run(groupId, userId, 'member', now); },
    rename: (groupId: string, name: string) => rename.run(name, groupId),
    setInviteCode: (groupId: string, code: string | null) => setCode.run(code, groupId),
    /** False when there is no such non-owner member. */
    setRole: (groupId: string, userId: number, role: 'coach' | 'member') => setRole.run(role, groupId, userId).changes === 1,
    removeMember: (groupId: string, userId: number) => removeMember.run(groupId, userId).changes === 1,
    tallies: (groupId: string, since: number) => tallies.all(since, groupId) as CodeTally[],
    choiceCounts: (groupId: string, since: number, viewerId: number) =>
      choiceCounts.all(since, groupId, viewerId) as { itemId: string; choice: 'A' | 'B' | 'C' | 'D' | null; count: number }[],
    /** Members with a finished attempt in the period (what an aggregate rests on). */
    contributors: (groupId: string, since: number) => contributors.get(since, groupId) as number,
    groupChoiceCounts: (groupId: string, since: number) =>
      groupChoiceCounts.all(since, groupId) as { itemId: string; choice: 'A' | 'B' | 'C' | 'D' | null; count: number }[],
    responses: (groupId: string, since: number) => responses.all(since, groupId) as Record<string, string | number | null>[],
    createDrill: (row: DrillRow) => insertDrill.run({ ...row, spec: JSON.stringify(row.spec), assignees: row.assignees && JSON.stringify(row.assignees) }),
    drills: (groupId: string) => (drillsOf.all(groupId) as Record<string, unknown>[]).map(parseDrill),
    drill: (groupId: string, drillId: string) => {
      const row = drillById.get(drillId, groupId) as Record<string, unknown> | undefined;
      return row ? parseDrill(row) : null;
    },
    drillsForUser: (userId: number) => (myDrills.all(userId) as Record<string, unknown>[]).map(parseDrill),
    drillAttempts: (drillId: string) =>
      drillAttempts.all(drillId) as { userId: number; attemptId: string; status: 'open' | 'submitted'; correct: number | null; length: number }[],
    recordDrillAttempt: (drillId: string, userId: number, attemptId: string) => insertDrillAttempt.run(drillId, userId, attemptId),
    sendEssay: (essayId: string, groupId: string, now: number) => sendEssay.run(essayId, groupId, now).changes === 1,
    queue: (groupId: string) =>
      queue.all(groupId) as { essayId: string; writer: string; promptId: string; promptVersion: string; text: string; sentAt: number; scored: number }[],
    /** The essay was sent to this group by someone who is still a member. */
    isSentTo: (essayId: string, groupId: string) => sentTo.get(essayId, groupId) === 1,
  };
}
