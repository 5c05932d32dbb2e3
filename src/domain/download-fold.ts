import type { Kysely } from 'kysely';
import type { UserAgentClassifier } from '../analytics/user-agent-kind.js';
import type { Clock } from '../common/clock.js';
import { eachWithin } from '../common/each-within.js';
import type { Database } from '../db/database.js';
import {
  addDownloadCounts,
  advanceWatermark,
  type CountDelta,
  deleteRequestsBefore,
  deleteSaltsBefore,
  readSetting,
} from '../db/repositories/analytics-repository.js';
import {
  episodesOfDay,
  type FoldDay,
  firstRequestAfter,
} from '../db/repositories/download-fold-repository.js';
import type { BlobStore } from '../storage/blob-store.js';
import { createEpisodeFacts, type EpisodeFactsLookup } from './download-episode-facts.js';
import { foldEpisode } from './download-fold-episode.js';

export interface DownloadFoldOptions {
  db: Kysely<Database>;
  store: BlobStore;
  clock: Clock;
  classify: UserAgentClassifier;
  /** Episodes folded at once (PostgreSQL runs each on a connection of its own; SQLite in turn). */
  parallel?: number;
}

export interface FoldResult {
  requests: number;
  downloads: number;
  deleted: number;
  foldedUpTo: string;
}

const WATERMARK = 'fold-watermark';
const DAY_MS = 24 * 3600_000;

/**
 * Folds raw requests into daily counts per episode, app and device. Requests are taken a UTC day
 * at a time after a watermark (a listener hash lives one day, the life of its secret, so a day
 * holds every listener's whole history), and within a day an episode at a time: SQL settles the
 * plain listeners, the others are replayed request by request (download-fold-episode.ts). Each
 * day commits with the watermark, so a crash or a second worker never counts a download twice.
 * Afterwards requests older than a day whose day is folded are deleted.
 */
export function createDownloadFold(options: DownloadFoldOptions) {
  const { db, store, clock, classify } = options;
  const parallel = options.parallel ?? 4;

  /** The downloads made in (after, upTo] of one day, per episode, app and device. */
  async function foldDay(piece: FoldDay, facts: EpisodeFactsLookup) {
    const deltas = new Map<string, CountDelta>();
    let requests = 0;
    let downloads = 0;
    await eachWithin(await episodesOfDay(db, piece.day), parallel, async (episodeId) => {
      const folded = await foldEpisode({ db, facts, classify }, piece, episodeId);
      requests += folded.requests;
      const episode = await facts(episodeId);
      if (!episode) return; // the episode is gone
      for (const { kind, count } of folded.downloads) {
        const key = `${episodeId}\n${kind.app}\n${kind.device}`;
        const delta = deltas.get(key);
        if (delta) delta.downloads += count;
        else
          deltas.set(key, {
            ...{ day: piece.day, showId: episode.showId, episodeId },
            ...{ app: kind.app, device: kind.device, downloads: count },
          });
        downloads += count;
      }
    });
    return { deltas: [...deltas.values()], requests, downloads };
  }

  let running: Promise<FoldResult> = Promise.resolve({
    requests: 0,
    downloads: 0,
    deleted: 0,
    foldedUpTo: '',
  });

  async function foldNow(marginMs: number): Promise<FoldResult> {
    const now = clock.now();
    const upTo = new Date(now.getTime() - marginMs).toISOString();
    let stored = await readSetting(db, WATERMARK);
    const facts = createEpisodeFacts(db, store);
    let requests = 0;
    let downloads = 0;
    let after = stored ?? new Date(0).toISOString();
    while (after < upTo) {
      // The next day with new requests (or, when there are none, straight to upTo).
      const day = (await firstRequestAfter(db, after, upTo))?.slice(0, 10);
      const dayEnd = day ? `${day}T23:59:59.999Z` : upTo;
      const end = dayEnd < upTo ? dayEnd : upTo;
      const piece = day ? await foldDay({ day, after, upTo: end }, facts) : null;
      const moved = await db.transaction().execute(async (trx) => {
        if (!(await advanceWatermark(trx, WATERMARK, stored, end, clock.now().toISOString()))) return false;
        if (piece) await addDownloadCounts(trx, piece.deltas);
        return true;
      });
      if (!moved) break; // another process folds right now; it will finish the work
      stored = end;
      after = end;
      requests += piece?.requests ?? 0;
      downloads += piece?.downloads ?? 0;
    }
    const watermark = stored ?? after;
    // A listener's requests are needed until its day (its secret's) is folded, and never kept
    // longer than a day plus one fold interval.
    const foldedDay = `${watermark.slice(0, 10)}T00:00:00.000Z`;
    const dayAgo = new Date(now.getTime() - DAY_MS).toISOString();
    const deleted = await deleteRequestsBefore(db, foldedDay < dayAgo ? foldedDay : dayAgo);
    await deleteSaltsBefore(db, now.toISOString().slice(0, 10));
    return { requests, downloads, deleted, foldedUpTo: watermark };
  }

  return {
    /**
     * Folds every request up to `marginMs` ago (requests still waiting in a recorder's memory are
     * younger than that). Safe to run in several processes: days commit with the watermark.
     */
    fold({ marginMs = 60_000 }: { marginMs?: number } = {}): Promise<FoldResult> {
      // One fold at a time in this process; across processes the watermark decides.
      running = running.catch(() => undefined).then(() => foldNow(marginMs));
      return running;
    },
  };
}

export type DownloadFold = ReturnType<typeof createDownloadFold>;
