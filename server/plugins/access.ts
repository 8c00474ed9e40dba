// Who may call each route, stated next to its schema (`config: { access }`) and enforced here in
// one place. A route under /api without a stated rule stops the app from starting. Group routes
// (`:groupId` in the path) look the caller's membership up once: a stranger gets 404, as if the
// group did not exist; a member asking for a coach's or owner's route gets 403. Admin routes answer
// 404 to everyone but admins.
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { perDatabase } from '../db/per-database.ts';
import { HttpError, notFound } from './errors.ts';
import { requireUser } from './session.ts';

export type Access = 'anonymous' | 'user' | 'member' | 'coach' | 'owner' | 'admin';
export type Role = 'owner' | 'coach' | 'member';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    /** The caller's role in the group the route names; set on member, coach and owner routes. */
    membership: { groupId: string; role: Role } | null;
  }
}

/** Which roles satisfy a rule: the owner is a coach, and every coach is a member. */
export const ROLES_FOR: Record<'member' | 'coach' | 'owner', readonly Role[]> = {
  member: ['member', 'coach', 'owner'],
  coach: ['coach', 'owner'],
  owner: ['owner'],
};

const roles = perDatabase((db: Db) => db.$client.prepare('select role from group_members where group_id = ? and user_id = ?').pluck());

export function roleIn(db: Db, groupId: string, userId: number): Role | null {
  return (roles.of(db).get(groupId, userId) as Role | undefined) ?? null;
}

/** The caller's membership, as checked by the access plugin. */
export function requireMembership(request: FastifyRequest) {
  if (!request.membership) throw new Error(`${request.routeOptions.url} reads a membership but does not state a group access rule`);
  return request.membership;
}

export const accessPlugin = fp(async (app) => {
  app.decorateRequest('membership', null);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (route.url.startsWith('/api/') && !access) throw new Error(`${[route.method].flat().join(',')} ${route.url} states no access rule (config.access)`);
    if (access && ['member', 'coach', 'owner'].includes(access) && !route.url.includes(':groupId')) {
      throw new Error(`${route.url} has a group access rule but no :groupId in its path`);
    }
  });
  // Before validation: a stranger learns nothing about a route's schema, only that there is nothing here.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'anonymous') return;
    const user = requireUser(request);
    if (access === 'user') return;
    // Admin routes do not exist for anyone else.
    if (access === 'admin') {
      if (user.role !== 'admin') throw notFound('This page');
      return;
    }
    const groupId = (request.params as { groupId: string }).groupId;
    const role = roleIn(app.db, groupId, user.id);
    if (!role) throw notFound('This group');
    if (!ROLES_FOR[access].includes(role)) {
      throw new HttpError(403, access === 'owner' ? 'owner_only' : 'coach_only', `Only the group's ${access === 'owner' ? 'owner' : 'coaches'} can do this.`);
    }
    request.membership = { groupId, role };
  });
});
