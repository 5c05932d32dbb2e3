import { createHmac, randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { insertDownloadEvent, saltForDay } from '../db/repositories/analytics-repository.js';
import type { Clock } from '../shared/clock.js';
import { newId } from '../shared/ids.js';

/** IPv6 clients rotate the lower 64 bits; the /64 is the stable "visitor" unit. */
export function anonymisableAddress(ip: string): string {
  const address = ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
  if (!isIPv6(address)) return address;
  const [head, tail = ''] = address.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const missing = 8 - headParts.length - tailParts.length;
  const full = [...headParts, ...Array(Math.max(0, missing)).fill('0'), ...tailParts];
  return `${full
    .slice(0, 4)
    .map((part) => Number.parseInt(part || '0', 16).toString(16))
    .join(':')}::/64`;
}

export interface DownloadInput {
  episodeId: string;
  fileKind: 'audio' | 'peaks' | 'transcript' | 'chapters';
  ip: string | null;
  userAgent: string | null;
  range?: { start: number; end: number };
}

/**
 * Download analytics without personal data (GDPR): the IP address is never stored, only an HMAC
 * of it keyed with a random salt that lives one day. Counting unique listeners per day works;
 * linking a hash back to an address, or across days, does not.
 */
export function createDownloadAnalytics(deps: { db: Kysely<Database>; clock: Clock }) {
  return {
    async record(input: DownloadInput): Promise<void> {
      const now = deps.clock.now();
      const day = now.toISOString().slice(0, 10);
      const salt = await saltForDay(deps.db, day, () => randomBytes(32).toString('hex'));
      const visitor = createHmac('sha256', salt)
        .update(anonymisableAddress(input.ip ?? 'unknown'))
        .digest('hex')
        .slice(0, 32);
      await insertDownloadEvent(deps.db, {
        id: newId(),
        episode_id: input.episodeId,
        file_kind: input.fileKind,
        at: now.toISOString(),
        visitor_hash: visitor,
        user_agent: input.userAgent?.slice(0, 500) ?? null,
        range_start: input.range?.start ?? null,
        range_end: input.range?.end ?? null,
      });
    },
  };
}

export type DownloadAnalytics = ReturnType<typeof createDownloadAnalytics>;
