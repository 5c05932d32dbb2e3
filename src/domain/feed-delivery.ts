import type { Kysely } from 'kysely';
import type { Clock } from '../common/clock.js';
import type { Database } from '../db/database.js';
import { findFeedDocumentBySlug, findFeedEtagBySlug } from '../db/repositories/feed-documents-repository.js';
import { compressFeed } from './compress-feed.js';

type Bytes = Uint8Array<ArrayBuffer>;

export interface ReadyFeed {
  xml: Bytes;
  gzip: Bytes;
  br: Bytes;
  etag: string;
  lastModified: Date;
  /** WebSub discovery as the spec asks it of a topic's answers: `<HUB>; rel="hub", <FEED>; rel="self"` (null: no hub). */
  link: string | null;
}

interface CacheEntry {
  feed: ReadyFeed;
  checkedAt: number;
}

/** A Buffer's bytes as a plain Uint8Array (one copy, once per version), as web Responses take them. */
function bytes(buffer: Uint8Array): Bytes {
  return new Uint8Array(buffer);
}

/**
 * The read side of feeds: answers from memory. The rebuild job stores each build with its gzip
 * and brotli bodies, so serving never compresses (a document stored before that is compressed
 * once, asynchronously). Each process checks the stored etag at most once per `revalidateMs`,
 * so a rebuild by any worker shows up within that time while a burst of podcast-app polls costs
 * no database work; concurrent polls that find the memory stale share one check and one load,
 * however many there are. The cache belongs to this instance.
 */
export function createFeedDelivery(deps: {
  db: Kysely<Database>;
  clock: Clock;
  revalidateMs?: number;
  /** The public URL of a feed (the rel="self" of its Link header). */
  feedUrl?: (slug: string) => string;
}) {
  const revalidateMs = deps.revalidateMs ?? 1000;
  const cache = new Map<string, CacheEntry>();
  const pending = new Map<string, Promise<ReadyFeed | null>>();

  async function load(slug: string): Promise<ReadyFeed | null> {
    const row = await findFeedDocumentBySlug(deps.db, slug);
    if (!row) return null;
    const xml = Buffer.from(row.xml, 'utf8');
    const compressed = row.gzip && row.br ? { gzip: row.gzip, br: row.br } : await compressFeed(xml);
    return {
      xml: bytes(xml),
      gzip: bytes(compressed.gzip),
      br: bytes(compressed.br),
      etag: `"${row.etag}"`,
      lastModified: new Date(row.updated_at),
      // The hub the stored build names, so header and document always agree.
      link:
        row.hub_url && deps.feedUrl
          ? `<${row.hub_url}>; rel="hub", <${deps.feedUrl(slug)}>; rel="self"`
          : null,
    };
  }

  async function refresh(slug: string): Promise<ReadyFeed | null> {
    const entry = cache.get(slug);
    if (entry) {
      const etag = await findFeedEtagBySlug(deps.db, slug);
      if (etag && `"${etag}"` === entry.feed.etag) {
        entry.checkedAt = deps.clock.now().getTime();
        return entry.feed;
      }
    }
    const feed = await load(slug);
    if (feed) cache.set(slug, { feed, checkedAt: deps.clock.now().getTime() });
    else cache.delete(slug);
    return feed;
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
    get(slug: string): Promise<ReadyFeed | null> {
      const ready = fresh(slug);
      if (ready) return Promise.resolve(ready);
      let shared = pending.get(slug);
      if (!shared) {
        shared = refresh(slug).finally(() => pending.delete(slug));
        pending.set(slug, shared);
      }
      return shared;
    },
  };
}

export type FeedDelivery = ReturnType<typeof createFeedDelivery>;
