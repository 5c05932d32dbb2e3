import type { Kysely } from 'kysely';
import { type ByteThreshold, byteThreshold, id3TagSize } from '../analytics/byte-coverage.js';
import { DownloadWindow } from '../analytics/count-downloads.js';
import type { UserAgentClassifier, UserAgentKind } from '../analytics/user-agent-kind.js';
import type { Database } from '../db/database.js';
import {
  addDownloadCounts,
  advanceWatermark,
  type CountDelta,
  deleteRequestsBefore,
  deleteSaltsBefore,
  readSetting,
  requestsBetween,
  requestTimeAfter,
} from '../db/repositories/analytics-repository.js';
import { findEpisodeById } from '../db/repositories/episodes-repository.js';
import type { Clock } from '../shared/clock.js';
import type { BlobStore } from '../storage/blob-store.js';

export interface DownloadFoldOptions {
  db: Kysely<Database>;
  store: BlobStore;
  clock: Clock;
  classify: UserAgentClassifier;
  /** Requests folded per transaction; a large backlog is cut in pieces of about this many. */
  pieceSize?: number;
}

export interface FoldResult {
  requests: number;
  downloads: number;
  deleted: number;
  foldedUpTo: string;
}

const WATERMARK = 'fold-watermark';
const DAY_MS = 24 * 3600_000;

interface EpisodeFacts {
  showId: string;
  thresholdFor: (fileSize: number) => ByteThreshold;
}

/**
 * Folds raw requests into daily counts per episode, app and device. Requests are taken in time
 * pieces after a watermark; for every listener seen in a piece its whole stored history is
 * replayed (a listener hash lives one UTC day, the life of its secret, so that history is all
 * still there), and the downloads whose counting moment falls in the piece are added. Each piece
 * commits with the watermark, so a crash or a second worker never counts a download twice.
 * Afterwards requests older than a day whose listener's day is folded are deleted.
 */
export function createDownloadFold(options: DownloadFoldOptions) {
  const { db, store, clock, classify } = options;
  const pieceSize = options.pieceSize ?? 50_000;

  async function episodeFacts(episodeId: string): Promise<EpisodeFacts | null> {
    const episode = await findEpisodeById(db, episodeId);
    if (!episode) return null;
    let id3Size = 0;
    if (episode.audio) id3Size = await readId3Size(episode.audio.key, episode.audio.size);
    const durationSeconds = episode.duration_seconds;
    const thresholds = new Map<number, ByteThreshold>();
    return {
      showId: episode.show_id,
      thresholdFor(fileSize) {
        let threshold = thresholds.get(fileSize);
        if (!threshold) {
          threshold = byteThreshold({ size: fileSize, durationSeconds, id3Size });
          thresholds.set(fileSize, threshold);
        }
        return threshold;
      },
    };
  }

  async function readId3Size(key: string, size: number): Promise<number> {
    if (size < 10) return 0;
    try {
      const { body } = await store.get(key, { start: 0, end: 9 });
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(chunk as Buffer);
      return id3TagSize(Buffer.concat(chunks));
    } catch {
      return 0; // the file is gone: count by bitrate alone
    }
  }

  interface ListenerState {
    window: DownloadWindow;
    kind: UserAgentKind;
    webPlayer: boolean;
  }

  /**
   * Replays the requests in (from, to] in time order, one window per listener and episode, and
   * returns the downloads counted after `countAfter` per day, episode, app and device.
   */
  async function replay(
    from: string,
    to: string,
    countAfter: string,
    memory: { day: string; states: Map<string, ListenerState> },
    facts: Map<string, EpisodeFacts | null>,
  ) {
    const rows = await requestsBetween(db, from, to);
    for (const row of rows) {
      if (!facts.has(row.episode_id)) facts.set(row.episode_id, await episodeFacts(row.episode_id));
    }
    const countAfterMs = Date.parse(countAfter);
    const deltas = new Map<string, CountDelta>();
    let requests = 0;
    let downloads = 0;
    for (const row of rows) {
      const at = Date.parse(row.at);
      if (at > countAfterMs) requests++;
      if (!row.at.startsWith(memory.day)) {
        // A new UTC day: no listener of the day before can appear again (its secret is gone).
        memory.day = row.at.slice(0, 10);
        memory.states.clear();
      }
      const key = `${row.listener}\n${row.episode_id}`;
      let state = memory.states.get(key);
      if (!state) {
        state = {
          window: new DownloadWindow(),
          kind: classify(row.user_agent, row.web_player === 1),
          webPlayer: false,
        };
        memory.states.set(key, state);
      }
      if (!state.kind.counts) continue; // a bot stays a bot: its user agent is part of the listener
      if (row.web_player === 1 && !state.webPlayer) {
        state.webPlayer = true;
        state.kind = classify(row.user_agent, true);
      }
      const episode = facts.get(row.episode_id);
      if (!episode) continue;
      const request = {
        at,
        method: row.method,
        status: row.status,
        rangeStart: row.range_start === null ? null : Number(row.range_start),
        rangeEnd: row.range_end === null ? null : Number(row.range_end),
        fileSize: Number(row.file_size),
      };
      if (!state.window.add(request, episode.thresholdFor) || at <= countAfterMs || !state.kind.counts)
        continue;
      const day = row.at.slice(0, 10);
      const { app, device } = state.kind;
      const deltaKey = `${day}\n${row.episode_id}\n${app}\n${device}`;
      const delta = deltas.get(deltaKey);
      if (delta) delta.downloads++;
      else
        deltas.set(deltaKey, {
          day,
          showId: episode.showId,
          episodeId: row.episode_id,
          app,
          device,
          downloads: 1,
        });
      downloads++;
    }
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
    const from = stored ?? new Date(0).toISOString();
    const facts = new Map<string, EpisodeFacts | null>();
    // A listener hash lives one UTC day (its secret's), so replaying from the start of the
    // watermark's day gives every listener its whole history; states of a past day are dropped.
    let cursor = stored ? `${stored.slice(0, 10)}T00:00:00.000Z` : from;
    const memory = { day: 'none', states: new Map<string, ListenerState>() };
    let requests = 0;
    let downloads = 0;
    while (cursor < upTo) {
      const end = (await requestTimeAfter(db, cursor, upTo, pieceSize - 1)) ?? upTo;
      const piece = await replay(cursor, end, stored ?? from, memory, facts);
      cursor = end;
      if (end <= (stored ?? from)) continue; // history only
      const moved = await db.transaction().execute(async (trx) => {
        if (!(await advanceWatermark(trx, WATERMARK, stored, end, clock.now().toISOString()))) return false;
        await addDownloadCounts(trx, piece.deltas);
        return true;
      });
      if (!moved) break; // another process folds right now; it will finish the work
      stored = end;
      requests += piece.requests;
      downloads += piece.downloads;
    }
    const watermark = stored ?? from;
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
     * younger than that). Safe to run in several processes: pieces commit with the watermark.
     */
    fold({ marginMs = 60_000 }: { marginMs?: number } = {}): Promise<FoldResult> {
      // One fold at a time in this process; across processes the watermark decides.
      running = running.catch(() => undefined).then(() => foldNow(marginMs));
      return running;
    },
  };
}

export type DownloadFold = ReturnType<typeof createDownloadFold>;
