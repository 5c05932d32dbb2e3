import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../common/clock.js';
import { newId, randomToken } from '../../common/ids.js';
import type { Database } from '../../db/database.js';
import {
  closeInvitationsOfUser,
  findOpenInvitation,
  insertInvitation,
  useInvitation,
} from '../../db/repositories/user-invitations-repository.js';
import { deleteSessionsOfUser } from '../../db/repositories/user-sessions-repository.js';
import {
  countUsers,
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  updateUser,
} from '../../db/repositories/users-repository.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import type { Role } from '../tokens-service.js';
import { dummyHash, hashPassword, verifyPassword } from './password-hash.js';
import { passwordProblem } from './password-policy.js';
import { type StaffUser, showIdsColumn, toStaffUser } from './staff-user.js';

export const invitationHours = 24;
const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  showIds?: string[] | null;
  /** Without a password the account waits for its invitation link. */
  password?: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function normalEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

function checkPassword(password: string, personal: string[]): void {
  const problem = passwordProblem(password, personal);
  if (problem) {
    throw new InvalidInputError('invalid_input', [
      { field: 'password', code: `password_${problem}`, message: `password: ${problem.replace('_', ' ')}` },
    ]);
  }
}

/** Staff accounts: create, change, disable, invitations (one-time links) and password checks. */
export function createUsersService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;
  const now = () => clock.now().toISOString();

  async function requireRow(id: string) {
    const row = await findUserById(db, id);
    if (!row) throw new NotFoundError('user', id);
    return row;
  }

  return {
    async count(): Promise<number> {
      return countUsers(db);
    },

    async create(input: NewUser): Promise<StaffUser> {
      const email = normalEmail(input.email);
      const name = input.name.trim();
      const problems = [];
      if (!emailPattern.test(email) || email.length > 254)
        problems.push({ field: 'email', code: 'invalid_email', message: 'email: not an e-mail address' });
      if (!name || name.length > 100)
        problems.push({ field: 'name', code: 'invalid_name', message: 'name: 1 to 100 characters' });
      if (problems.length > 0) throw new InvalidInputError('invalid_input', problems);
      if (input.password !== undefined) checkPassword(input.password, [name, email.split('@')[0]]);
      if (await findUserByEmail(db, email)) throw new ConflictError('email_taken', { email });
      const id = newId();
      const at = now();
      await insertUser(db, {
        id,
        email,
        name,
        role: input.role,
        show_ids: showIdsColumn(input.showIds),
        password_hash: input.password === undefined ? null : await hashPassword(input.password),
        locale: null,
        disabled_at: null,
        last_sign_in_at: null,
        created_at: at,
        updated_at: at,
      });
      return toStaffUser(await requireRow(id));
    },

    async get(id: string): Promise<StaffUser> {
      return toStaffUser(await requireRow(id));
    },

    async list(): Promise<StaffUser[]> {
      return (await listUsers(db)).map(toStaffUser);
    },

    async update(
      id: string,
      patch: { role?: Role; showIds?: string[] | null; name?: string; locale?: 'nl' | 'en' | null },
    ): Promise<StaffUser> {
      await requireRow(id);
      await updateUser(db, id, {
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.showIds !== undefined ? { show_ids: showIdsColumn(patch.showIds) } : {}),
        ...(patch.name?.trim() ? { name: patch.name.trim().slice(0, 100) } : {}),
        ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
        updated_at: now(),
      });
      return toStaffUser(await requireRow(id));
    },

    /** Disabling ends every session of the account at once. */
    async setDisabled(id: string, disabled: boolean): Promise<StaffUser> {
      await requireRow(id);
      await updateUser(db, id, { disabled_at: disabled ? now() : null, updated_at: now() });
      if (disabled) await deleteSessionsOfUser(db, id);
      return toStaffUser(await requireRow(id));
    },

    /**
     * A one-time link token valid for 24 hours (a new account's first password, or a reset). Only
     * its hash is stored; older open links of the account stop working.
     */
    async invite(id: string): Promise<{ token: string; expiresAt: string }> {
      await requireRow(id);
      const at = clock.now();
      const token = randomToken(32);
      const expiresAt = new Date(at.getTime() + invitationHours * 3600_000).toISOString();
      await closeInvitationsOfUser(db, id, at.toISOString());
      await insertInvitation(db, {
        id: newId(),
        token_hash: sha256(token),
        user_id: id,
        expires_at: expiresAt,
        created_at: at.toISOString(),
      });
      return { token, expiresAt };
    },

    /** The account an open invitation is for, or null (unknown, used or expired). */
    async invitation(token: string): Promise<StaffUser | null> {
      if (!token || token.length > 100) return null;
      const invitation = await findOpenInvitation(db, sha256(token), now());
      return invitation ? toStaffUser(await requireRow(invitation.user_id)) : null;
    },

    /** Sets the password through an invitation; ends the account's sessions (a reset). */
    async acceptInvitation(token: string, password: string): Promise<StaffUser | null> {
      const invitation = token.length <= 100 ? await findOpenInvitation(db, sha256(token), now()) : undefined;
      if (!invitation) return null;
      const row = await requireRow(invitation.user_id);
      checkPassword(password, [row.name, row.email.split('@')[0]]);
      const hash = await hashPassword(password);
      if (!(await useInvitation(db, invitation.id, now()))) return null;
      await updateUser(db, row.id, { password_hash: hash, updated_at: now() });
      await deleteSessionsOfUser(db, row.id);
      return toStaffUser(await requireRow(row.id));
    },

    async setPassword(id: string, password: string): Promise<void> {
      const row = await requireRow(id);
      checkPassword(password, [row.name, row.email.split('@')[0]]);
      await updateUser(db, id, { password_hash: await hashPassword(password), updated_at: now() });
    },

    /**
     * The account when the e-mail and password match an enabled account, else null. The same
     * scrypt work is done for unknown addresses, so timing does not reveal which exist.
     */
    async checkCredentials(email: string, password: string): Promise<StaffUser | null> {
      if (password.length > 1000) return null;
      const row = await findUserByEmail(db, normalEmail(email));
      const ok = await verifyPassword(password, row?.password_hash ?? dummyHash);
      if (!row || !ok || !row.password_hash || row.disabled_at) return null;
      await updateUser(db, row.id, { last_sign_in_at: now() });
      return toStaffUser(row);
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
