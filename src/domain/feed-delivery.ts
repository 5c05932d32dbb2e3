import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { findFeedDocumentBySlug, findFeedEtagBySlug } from '../db/repositories/feed-documents-repository.js';
import type { Clock } from '../shared/clock.js';

type Bytes = Uint8Array<ArrayBuffer>;

export interface ReadyFeed {
  xml: Bytes;
  gzip: Bytes;
  br: Bytes;
  etag: string;
  lastModified: Date;
}

interface CacheEntry {
  feed: ReadyFeed;
  checkedAt: number;
}

/**
 * The read side of feeds: answers from memory, compressed once per build. Each process checks
 * the stored etag at most once per `revalidateMs`, so a rebuild by any worker shows up within
 * that time while a burst of podcast-app polls costs no database work.
 */
export function createFeedDelivery(deps: { db: Kysely<Database>; clock: Clock; revalidateMs?: number }) {
  const revalidateMs = deps.revalidateMs ?? 1000;
  const cache = new Map<string, CacheEntry>();

  async function load(slug: string): Promise<ReadyFeed | null> {
    const row = await findFeedDocumentBySlug(deps.db, slug);
    if (!row) return null;
    const xml = Buffer.from(row.xml, 'utf8');
    // Compressed once per build, not per request.
    return {
      xml: new Uint8Array(xml),
      gzip: new Uint8Array(gzipSync(xml, { level: 9 })),
      br: new Uint8Array(
        brotliCompressSync(xml, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: xml.length },
        }),
      ),
      etag: `"${row.etag}"`,
      lastModified: new Date(row.updated_at),
    };
  }

  /**
   * The feed when it is in memory and checked within `revalidateMs`, without waiting on a
   * promise: the node-level fast path answers most polls with it; anything else goes to `get`.
   */
  function fresh(slug: string, now = deps.clock.now().getTime()): ReadyFeed | null {
    const entry = cache.get(slug);
    return entry && now - entry.checkedAt < revalidateMs ? entry.feed : null;
  }

  return {
    fresh: (slug: string) => fresh(slug),
    async get(slug: string): Promise<ReadyFeed | null> {
      const now = deps.clock.now().getTime();
      const ready = fresh(slug, now);
      if (ready) return ready;
      const entry = cache.get(slug);
      if (entry) {
        const etag = await findFeedEtagBySlug(deps.db, slug);
        if (etag && `"${etag}"` === entry.feed.etag) {
          entry.checkedAt = now;
          return entry.feed;
        }
      }
      const feed = await load(slug);
      if (feed) cache.set(slug, { feed, checkedAt: now });
      else cache.delete(slug);
      return feed;
    },
  };
}

export type FeedDelivery = ReturnType<typeof createFeedDelivery>;
