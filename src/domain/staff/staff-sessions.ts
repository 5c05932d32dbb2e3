import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../common/clock.js';
import { newId, randomToken } from '../../common/ids.js';
import type { Database } from '../../db/database.js';
import {
  deleteSession,
  deleteSessionsSeenBefore,
  findSessionWithUser,
  insertSession,
  touchSession,
} from '../../db/repositories/user-sessions-repository.js';
import { type StaffUser, toStaffUser } from './staff-user.js';

export interface StaffSession {
  id: string;
  csrfToken: string;
  user: StaffUser;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** last_seen_at is written at most this often, so every page view is not a write. */
const touchEveryMs = 60_000;

/**
 * Browser sessions kept in the database: the cookie holds 32 random bytes, the row only their
 * hash. A session ends after `idleMinutes` without use, at sign-out, or when its account is
 * disabled, on every process at once since each request reads the row.
 */
export function createStaffSessions(deps: { db: Kysely<Database>; clock: Clock; idleMinutes?: number }) {
  const { db, clock } = deps;
  const idleMs = (deps.idleMinutes ?? 60) * 60_000;

  return {
    idleSeconds: idleMs / 1000,

    async start(userId: string): Promise<{ cookie: string; csrfToken: string }> {
      const cookie = randomToken(32);
      const csrfToken = randomToken(24);
      const at = clock.now().toISOString();
      await insertSession(db, {
        id: newId(),
        token_hash: sha256(cookie),
        user_id: userId,
        csrf_token: csrfToken,
        created_at: at,
        last_seen_at: at,
      });
      // Housekeeping on sign-in rather than a job: cheap, and sessions are made rarely.
      await deleteSessionsSeenBefore(db, new Date(clock.now().getTime() - idleMs).toISOString());
      return { cookie, csrfToken };
    },

    /** The live session for a cookie value, or null (unknown, idle too long, account disabled). */
    async resume(cookie: string | undefined): Promise<StaffSession | null> {
      if (!cookie || cookie.length > 100) return null;
      const found = await findSessionWithUser(db, sha256(cookie));
      if (!found) return null;
      const now = clock.now().getTime();
      const lastSeen = Date.parse(found.session.last_seen_at);
      if (found.user.disabled_at || now - lastSeen > idleMs) {
        await deleteSession(db, found.session.id);
        return null;
      }
      if (now - lastSeen > touchEveryMs)
        await touchSession(db, found.session.id, new Date(now).toISOString());
      return { id: found.session.id, csrfToken: found.session.csrf_token, user: toStaffUser(found.user) };
    },

    async end(sessionId: string): Promise<void> {
      await deleteSession(db, sessionId);
    },
  };
}

export type StaffSessions = ReturnType<typeof createStaffSessions>;
