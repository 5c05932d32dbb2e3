import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../common/clock.js';
import { newId } from '../../common/ids.js';
import type { Database } from '../../db/database.js';
import {
  attemptsSince,
  deleteAttempts,
  deleteAttemptsBefore,
  insertAttempts,
} from '../../db/repositories/sign-in-attempts-repository.js';

export interface ThrottleLimits {
  windowMinutes: number;
  perAccount: number;
  perAddress: number;
}

const defaults: ThrottleLimits = { windowMinutes: 15, perAccount: 5, perAddress: 20 };

/**
 * Failed sign-ins counted per account and per client address over a sliding window, in the
 * database so every API process counts the same. Addresses are kept only as a hash and only as
 * long as the window: enough to slow guessing, nothing to track anyone with.
 */
export function createSignInThrottle(deps: {
  db: Kysely<Database>;
  clock: Clock;
  limits?: Partial<ThrottleLimits>;
}) {
  const { db, clock } = deps;
  const limits = { ...defaults, ...deps.limits };
  const windowMs = limits.windowMinutes * 60_000;
  const keys = (email: string, address: string) => ({
    account: `account:${email.trim().toLowerCase()}`,
    address: `ip:${createHash('sha256').update(`zender-sign-in:${address}`).digest('hex')}`,
  });

  /** Seconds until the oldest counted failure leaves the window, when `limit` is reached. */
  async function waitFor(key: string, limit: number): Promise<number> {
    const now = clock.now().getTime();
    const times = await attemptsSince(db, key, new Date(now - windowMs).toISOString());
    if (times.length < limit) return 0;
    const oldest = Date.parse(times[times.length - limit]);
    return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
  }

  return {
    /** 0 when a sign-in may be tried; else the seconds to wait (Retry-After). */
    async retryAfter(email: string, address: string): Promise<number> {
      const key = keys(email, address);
      return Math.max(
        await waitFor(key.account, limits.perAccount),
        await waitFor(key.address, limits.perAddress),
      );
    },

    async failed(email: string, address: string): Promise<void> {
      const key = keys(email, address);
      const at = clock.now();
      await deleteAttemptsBefore(db, new Date(at.getTime() - windowMs).toISOString());
      await insertAttempts(db, [
        { id: newId(), key: key.account, at: at.toISOString() },
        { id: newId(), key: key.address, at: at.toISOString() },
      ]);
    },

    /** A good sign-in clears the account's count (not the address's: others may share it). */
    async succeeded(email: string): Promise<void> {
      await deleteAttempts(db, keys(email, '').account);
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
