import type { Kysely } from 'kysely';
import type { UserAgentClassifier } from '../analytics/user-agent-kind.js';
import type { Database } from '../db/database.js';
import {
  episodeOutcomes,
  type FoldDay,
  freshRequests,
  type ListenerRequestRow,
  listenerRequests,
} from '../db/repositories/download-fold-repository.js';
import type { EpisodeFactsLookup } from './download-episode-facts.js';
import { type CountedKind, replayListener } from './download-replay.js';

/** Listeners replayed per query. */
const REPLAY_BATCH = 500;

export interface EpisodeFold {
  /** Requests after the watermark. */
  requests: number;
  /** Downloads made after the watermark, per app and device (with repeats). */
  downloads: { kind: CountedKind; count: number }[];
}

/**
 * One episode's downloads on one day: SQL settles the plain listeners (episodeOutcomes), the rest
 * are replayed request by request, a batch of listeners at a time.
 */
export async function foldEpisode(
  deps: { db: Kysely<Database>; facts: EpisodeFactsLookup; classify: UserAgentClassifier },
  piece: FoldDay,
  episodeId: string,
): Promise<EpisodeFold> {
  const { db, facts, classify } = deps;
  const episode = await facts(episodeId);
  if (!episode) return { requests: await freshRequests(db, piece, episodeId), downloads: [] };
  const threshold = episode.audioSize === null ? null : episode.thresholdFor(episode.audioSize);
  const downloads: EpisodeFold['downloads'] = [];
  const count = (kind: ReturnType<UserAgentClassifier>, n: number) => {
    if (kind.counts) downloads.push({ kind, count: n });
  };
  let requests = 0;
  const replays: string[] = [];
  for (const row of await episodeOutcomes(db, piece, episodeId, threshold)) {
    requests += row.fresh;
    if (row.listener !== null) replays.push(row.listener);
    if (row.app_downloads > 0) count(classify(row.user_agent, false), row.app_downloads);
    if (row.web_downloads > 0) count(classify(row.user_agent, true), row.web_downloads);
  }
  const afterMs = Date.parse(piece.after);
  for (let i = 0; i < replays.length; i += REPLAY_BATCH) {
    const rows = await listenerRequests(db, piece, episodeId, replays.slice(i, i + REPLAY_BATCH));
    for (const listenerRows of byListener(rows)) {
      const kind = replayListener(listenerRows, episode.thresholdFor, classify, afterMs);
      if (kind) count(kind, 1);
    }
  }
  return { requests, downloads };
}

/** Rows ordered by listener, cut into one run per listener. */
function* byListener(rows: ListenerRequestRow[]): Generator<ListenerRequestRow[]> {
  for (let start = 0; start < rows.length; ) {
    let end = start + 1;
    while (end < rows.length && rows[end].listener === rows[start].listener) end++;
    yield rows.slice(start, end);
    start = end;
  }
}
