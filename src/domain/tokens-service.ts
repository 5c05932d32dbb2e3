import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import {
  countTokens,
  findActiveTokenByHash,
  insertToken,
  listTokens,
  revokeToken,
  touchToken,
} from '../db/repositories/tokens-repository.js';
import type { Clock } from '../shared/clock.js';
import { newId, randomToken } from '../shared/ids.js';
import { NotFoundError } from './errors.js';

export const roles = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

export interface Principal {
  tokenId: string;
  name: string;
  role: Role;
}

export interface TokenSummary {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
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

export function createTokensService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  async function store(name: string, role: Role, token: string) {
    const id = newId();
    await insertToken(db, {
      id,
      name,
      role,
      token_hash: hashToken(token),
      created_at: clock.now().toISOString(),
      last_used_at: null,
      revoked_at: null,
    });
    return { id, name, role, token };
  }

  return {
    /** The plaintext token is returned here once and never again. */
    async create(name: string, role: Role) {
      return store(name, role, `zt_${randomToken(32)}`);
    },

    /**
     * First start: use ADMIN_TOKEN when given (stored hashed, idempotent), else generate one when
     * no token exists yet. Returns the plaintext only when it was generated, to print once.
     */
    async bootstrapAdmin(adminToken?: string): Promise<string | null> {
      if (adminToken) {
        if (!(await findActiveTokenByHash(db, hashToken(adminToken))))
          await store('admin (ADMIN_TOKEN)', 'admin', adminToken);
        return null;
      }
      if ((await countTokens(db)) > 0) return null;
      return (await this.create('admin (generated)', 'admin')).token;
    },

    async verify(token: string): Promise<Principal | null> {
      if (!token || token.length > 512) return null;
      const hash = hashToken(token);
      const row = await findActiveTokenByHash(db, hash);
      // The lookup is by hash, so timing reveals nothing about the token; compare anyway.
      if (!row || !timingSafeEqual(Buffer.from(row.token_hash), Buffer.from(hash))) return null;
      await touchToken(db, row.id, clock.now().toISOString());
      return { tokenId: row.id, name: row.name, role: row.role };
    },

    async list(): Promise<TokenSummary[]> {
      return (await listTokens(db)).map((row) => ({
        id: row.id,
        name: row.name,
        role: row.role,
        createdAt: row.created_at,
        lastUsedAt: row.last_used_at,
        revokedAt: row.revoked_at,
      }));
    },

    async revoke(id: string): Promise<void> {
      if (!(await revokeToken(db, id, clock.now().toISOString()))) throw new NotFoundError('token', id);
    },
  };
}

export type TokensService = ReturnType<typeof createTokensService>;
