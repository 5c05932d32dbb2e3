import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import { newId, randomToken } from '../common/ids.js';
import type { Database } from '../db/database.js';
import {
  countTokens,
  findActiveTokenByHash,
  findTokenByHash,
  insertToken,
  listTokens,
  revokeBootstrapTokens,
  revokeToken,
  touchToken,
} from '../db/repositories/tokens-repository.js';
import { NotFoundError } from './errors.js';
import { parseShowIds, showIdsColumn } from './staff/staff-user.js';

export const roles = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
  /** The shows the token may reach; null: every show. */
  showIds: string[] | null;
}

export interface TokenSummary {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  showIds: string[] | null;
}

/** True when `held` is at least `needed` (viewer < editor < admin). */
export function roleAllows(held: Role, needed: Role): boolean {
  return roles.indexOf(held) >= roles.indexOf(needed);
}

/**
 * A token has 32 random bytes, so a plain SHA-256 is as strong as a slow password hash here
 * (nothing to brute-force) and keeps every request's check cheap. Only the hash is stored.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * What start-up did with ADMIN_TOKEN, for its one log line: `generated` holds the plaintext to
 * print once; `revoked` means the ADMIN_TOKEN value was revoked and stays so.
 */
export type BootstrapOutcome =
  | { kind: 'generated'; token: string }
  | { kind: 'created' | 'replaced' | 'kept' | 'none' }
  | { kind: 'revoked'; revokedAt: string };

export function createTokensService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function store(
    name: string,
    role: Role,
    token: string,
    within: Kysely<Database> = db,
    bootstrap = 0,
    showIds: string[] | null = null,
  ) {
    const id = newId();
    await insertToken(within, {
      id,
      name,
      role,
      token_hash: hashToken(token),
      created_at: clock.now().toISOString(),
      last_used_at: null,
      revoked_at: null,
      bootstrap,
      show_ids: showIdsColumn(showIds),
    });
    return { id, name, role, token, showIds: parseShowIds(showIdsColumn(showIds)) };
  }

  /** ADMIN_TOKEN given: stored hashed once; a new value revokes the previous one. */
  async function bootstrapFrom(adminToken: string): Promise<BootstrapOutcome> {
    const existing = await findTokenByHash(db, hashToken(adminToken));
    // Revoked stays revoked: a restart with the same variable must not bring it back (nor crash).
    if (existing?.revoked_at) return { kind: 'revoked', revokedAt: existing.revoked_at };
    if (existing) return { kind: 'kept' };
    try {
      const replaced = await db.transaction().execute(async (trx) => {
        const revoked = await revokeBootstrapTokens(trx, clock.now().toISOString());
        await store('admin (ADMIN_TOKEN)', 'admin', adminToken, trx, 1);
        return revoked > 0;
      });
      return { kind: replaced ? 'replaced' : 'created' };
    } catch (error) {
      // Two API processes starting at once with the same new value: the other one stored it.
      if (await findTokenByHash(db, hashToken(adminToken))) return bootstrapFrom(adminToken);
      throw error;
    }
  }

  return {
    /** The plaintext token is returned here once and never again. */
    async create(name: string, role: Role, showIds: string[] | null = null) {
      return store(name, role, `zt_${randomToken(32)}`, db, 0, showIds);
    },

    /**
     * At start-up: use ADMIN_TOKEN when given (see bootstrapFrom), else generate one when no
     * token exists yet, returned only then, to print once.
     */
    async bootstrapAdmin(adminToken?: string): Promise<BootstrapOutcome> {
      if (adminToken) return bootstrapFrom(adminToken);
      if ((await countTokens(db)) > 0) return { kind: 'none' };
      return { kind: 'generated', token: (await this.create('admin (generated)', 'admin')).token };
    },

    async verify(token: string): Promise<Principal | null> {
      if (!token || token.length > 512) return null;
      const hash = hashToken(token);
      const row = await findActiveTokenByHash(db, hash);
      // The lookup is by hash, so timing reveals nothing about the token; compare anyway.
      if (!row || !timingSafeEqual(Buffer.from(row.token_hash), Buffer.from(hash))) return null;
      await touchToken(db, row.id, clock.now().toISOString());
      return { tokenId: row.id, name: row.name, role: row.role, showIds: parseShowIds(row.show_ids ?? null) };
    },

    async list(): Promise<TokenSummary[]> {
      return (await listTokens(db)).map((row) => ({
        id: row.id,
        name: row.name,
        role: row.role,
        createdAt: row.created_at,
        lastUsedAt: row.last_used_at,
        revokedAt: row.revoked_at,
        showIds: parseShowIds(row.show_ids ?? null),
      }));
    },

    async revoke(id: string): Promise<void> {
      if (!(await revokeToken(db, id, clock.now().toISOString()))) throw new NotFoundError('token', id);
    },
  };
}

export type TokensService = ReturnType<typeof createTokensService>;
