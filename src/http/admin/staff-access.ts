import type { Context } from 'hono';
import { NotFoundError } from '../../domain/errors.js';
import type { Actor } from '../../domain/staff/audit-trail.js';
import { type Role, roleAllows } from '../../domain/tokens-service.js';
import type { AdminEnv } from './admin-env.js';

/** Thrown when the account's role is too weak; the admin app answers 403 with a page. */
export class StaffForbiddenError extends Error {}

export function staffOf(c: Context<AdminEnv>) {
  return c.get('staff').user;
}

export function actorOf(c: Context<AdminEnv>): Actor {
  const user = staffOf(c);
  return { kind: 'user', id: user.id, name: user.name };
}

export function requireRole(c: Context<AdminEnv>, role: Role): void {
  if (!roleAllows(staffOf(c).role, role)) throw new StaffForbiddenError(role);
}

export function canSeeShow(c: Context<AdminEnv>, showId: string): boolean {
  const limit = staffOf(c).showIds;
  return limit === null || limit.includes(showId);
}

/** A show outside the account's limit is answered as if it did not exist. */
export function requireShowAccess(c: Context<AdminEnv>, showId: string): void {
  if (!canSeeShow(c, showId)) throw new NotFoundError('show', showId);
}

export const canEdit = (c: Context<AdminEnv>) => roleAllows(staffOf(c).role, 'editor');
