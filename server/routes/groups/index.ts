// Groups and membership: create, list, preview and join by invite code, rename, rotate or switch
// off the code, make coaches, remove members, leave. Access is stated per route (see plugins/access.ts).
import { randomInt, randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireMembership } from '../../plugins/access.ts';
import { HttpError, notFound } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/session.ts';
import { errors } from '../../schemas/common.ts';
import {
  CreateGroupSchema, GroupParams, GroupSchema, GroupSummarySchema, InviteParams, InvitePreviewSchema, InviteSettingSchema, JoinSchema, MemberParams,
  RenameGroupSchema, SetRoleSchema, SHARING_NOTICE,
} from '../../schemas/group.ts';
import { groupStore } from './store.ts';

// No 0/O or 1/I: codes are read aloud and typed from a projector.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const noSuchCode = () => new HttpError(404, 'not_found', 'No group uses this invite code (it may have been changed or switched off); ask the owner for a new one.');
const newCode = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

export const groupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const store = groupStore(app.db);
  const view = (groupId: string, role: 'owner' | 'coach' | 'member') => {
    const g = store.group(groupId);
    return { id: g.id, name: g.name, role, inviteCode: role === 'member' ? null : g.inviteCode, sharingNotice: SHARING_NOTICE, members: store.members(groupId) };
  };

  app.post('/api/groups', { config: { access: 'user' }, schema: { body: CreateGroupSchema, response: { 201: GroupSchema, ...errors } } }, async (request, reply) => {
    const user = requireUser(request);
    const id = randomUUID();
    store.createGroup(id, request.body.name.trim(), user.id, newCode(), app.now());
    return reply.code(201).send(view(id, 'owner'));
  });

  app.get('/api/groups', { config: { access: 'user' }, schema: { response: { 200: Type.Object({ groups: Type.Array(GroupSummarySchema) }), ...errors } } }, async (request) => ({
    groups: store.myGroups(requireUser(request).id),
  }));

  app.get('/api/groups/invites/:code', { config: { access: 'user' }, schema: { params: InviteParams, response: { 200: InvitePreviewSchema, ...errors } } }, async (request) => {
    requireUser(request);
    const g = store.groupByCode(request.params.code);
    if (!g) throw noSuchCode();
    return { name: g.name, owner: store.members(g.id).find((m) => m.role === 'owner')!.name, members: store.memberCount(g.id), sharingNotice: SHARING_NOTICE };
  });

  app.post('/api/groups/join', { config: { access: 'user' }, schema: { body: JoinSchema, response: { 200: GroupSchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const g = store.groupByCode(request.body.code);
    if (!g) throw noSuchCode();
    store.join(g.id, user.id, app.now());
    return view(g.id, store.members(g.id).find((m) => m.userId === user.id)!.role);
  });

  app.get('/api/groups/:groupId', { config: { access: 'member' }, schema: { params: GroupParams, response: { 200: GroupSchema, ...errors } } }, async (request) => {
    const m = requireMembership(request);
    return view(m.groupId, m.role);
  });

  app.patch('/api/groups/:groupId', { config: { access: 'owner' }, schema: { params: GroupParams, body: RenameGroupSchema, response: { 200: GroupSchema, ...errors } } }, async (request) => {
    const m = requireMembership(request);
    store.rename(m.groupId, request.body.name.trim());
    return view(m.groupId, m.role);
  });

  app.post('/api/groups/:groupId/invite', { config: { access: 'owner' }, schema: { params: GroupParams, body: InviteSettingSchema, response: { 200: GroupSchema, ...errors } } }, async (request) => {
    const m = requireMembership(request);
    // Turning it on always makes a new code: the old one stops working at once.
    store.setInviteCode(m.groupId, request.body.enabled ? newCode() : null);
    return view(m.groupId, m.role);
  });

  app.patch('/api/groups/:groupId/members/:userId', { config: { access: 'owner' }, schema: { params: MemberParams, body: SetRoleSchema, response: { 200: GroupSchema, ...errors } } }, async (request) => {
    const m = requireMembership(request);
    if (!store.setRole(m.groupId, request.params.userId, request.body.role)) throw notFound('This member (other than the owner)');
    return view(m.groupId, m.role);
  });

  app.delete('/api/groups/:groupId/members/:userId', { config: { access: 'owner' }, schema: { params: MemberParams, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
    const m = requireMembership(request);
    if (!store.removeMember(m.groupId, request.params.userId)) throw notFound('This member (other than the owner)');
    return reply.code(204).send(null);
  });

  app.post('/api/groups/:groupId/leave', { config: { access: 'member' }, schema: { params: GroupParams, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
    const m = requireMembership(request);
    if (m.role === 'owner') throw new HttpError(409, 'owner_stays', 'The owner cannot leave their group; remove the other members or keep it.');
    store.removeMember(m.groupId, requireUser(request).id);
    return reply.code(204).send(null);
  });
};
