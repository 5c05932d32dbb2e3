import { type Kysely, sql } from 'kysely';
import type { Database } from '../database.js';

/** A day of requests as one fold takes it: the UTC day, those at or before `upTo`, new after `after`. */
export interface FoldDay {
  day: string;
  after: string;
  upTo: string;
}

/** A minute of audio of an episode's current file, in bytes (see byte-coverage.ts). */
export interface FileThreshold {
  size: number;
  audioStart: number;
  needed: number;
}

/**
 * One user agent's listeners of an episode on a day, as SQL settled them: downloads from an app
 * and from zender's own player, and `fresh`, the requests after `after`. A row with `listener`
 * is one listener SQL could not settle, to be replayed request by request.
 */
export interface EpisodeOutcome {
  user_agent: string | null;
  listener: string | null;
  app_downloads: number;
  web_downloads: number;
  fresh: number;
}

/** The `at` of the first request after `after` up to `upTo`, or null when there is none. */
export async function firstRequestAfter(
  db: Kysely<Database>,
  after: string,
  upTo: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('download_requests')
    .select((eb) => eb.fn.min('at').as('at'))
    .where('at', '>', after)
    .where('at', '<=', upTo)
    .executeTakeFirst();
  return row?.at ?? null;
}

/**
 * The episodes asked for on a day: one step along the fold index (migration 0093) per episode,
 * each to the next episode id, rather than a walk over every request of the day.
 */
export async function episodesOfDay(db: Kysely<Database>, day: string): Promise<string[]> {
  const { rows } = await sql<{ episode_id: string }>`
    WITH RECURSIVE asked(episode_id) AS (
      SELECT min(episode_id) FROM download_requests WHERE substr(at, 1, 10) = ${day}
      UNION ALL
      SELECT (
        SELECT min(r.episode_id) FROM download_requests r
        WHERE substr(r.at, 1, 10) = ${day} AND r.episode_id > asked.episode_id
      )
      FROM asked WHERE asked.episode_id IS NOT NULL
    )
    SELECT episode_id FROM asked WHERE episode_id IS NOT NULL
  `.execute(db);
  return rows.map((row) => row.episode_id);
}

/**
 * Sums up one episode's listeners of a day in SQL, walking the fold index in listener order (a
 * listener lives one UTC day, the life of its secret, and its user agent is part of it). A
 * listener whose requests are all new, of the episode's current file and of one player is settled
 * here, by the rules count-downloads.ts applies request by request: a download when one request
 * covers the minute wherever it starts (even at the file's first byte), none when all its bytes
 * together fall short, or when none of its requests could count. Any other listener (ranges that
 * may add up, requests before and after `after`, an older file, app and web player mixed, a
 * request an older zender recorded without its countable bytes) is returned on its own row for a
 * replay.
 */
export async function episodeOutcomes(
  db: Kysely<Database>,
  { day, after, upTo }: FoldDay,
  episodeId: string,
  threshold: FileThreshold | null,
): Promise<EpisodeOutcome[]> {
  // When the whole day is new (a backlog, or the first fold of the day), nothing needs comparing.
  const wholeDayNew = after < `${day}T00:00:00.000Z`;
  const fresh = wholeDayNew ? sql`count(*)` : sql`sum(CASE WHEN at > ${after} THEN 1 ELSE 0 END)`;
  const nothingNew = wholeDayNew ? sql`` : sql`WHEN ${fresh} = 0 THEN 'none'`;
  const oldAndNew = wholeDayNew ? sql`` : sql`${fresh} < count(*) OR`;
  // Likewise when the day is folded to its end (a backlog, or the first fold after midnight).
  const untilUpTo = upTo < `${day}T23:59:59.999Z` ? sql`AND at <= ${upTo}` : sql``;
  const judged = threshold
    ? sql`WHEN max(file_size) <> ${threshold.size} OR min(file_size) <> ${threshold.size} THEN 'replay'
        WHEN max(countable_bytes) >= ${threshold.needed + threshold.audioStart} THEN 'counts'
        WHEN sum(CAST(countable_bytes AS double precision)) < ${threshold.needed} THEN 'none'`
    : sql``;
  const { rows } = await sql<EpisodeOutcome>`
    SELECT user_agent, CASE WHEN outcome = 'replay' THEN listener END AS listener,
      sum(CASE WHEN outcome = 'counts' AND web = 0 THEN 1 ELSE 0 END) AS app_downloads,
      sum(CASE WHEN outcome = 'counts' AND web = 1 THEN 1 ELSE 0 END) AS web_downloads,
      sum(fresh) AS fresh
    FROM (
      SELECT listener, user_agent, ${fresh} AS fresh, CASE WHEN sum(web_player) > 0 THEN 1 ELSE 0 END AS web,
        CASE
          ${nothingNew}
          WHEN count(countable_bytes) < count(*) THEN 'replay'
          WHEN max(countable_bytes) = 0 THEN 'none'
          WHEN ${oldAndNew} (sum(web_player) > 0 AND sum(web_player) < count(*)) THEN 'replay'
          ${judged}
          ELSE 'replay'
        END AS outcome
      FROM download_requests
      WHERE substr(at, 1, 10) = ${day} AND episode_id = ${episodeId} ${untilUpTo}
      GROUP BY listener, user_agent
    ) g
    GROUP BY 1, 2
  `.execute(db);
  return rows.map((row) => ({
    ...row,
    app_downloads: Number(row.app_downloads),
    web_downloads: Number(row.web_downloads),
    fresh: Number(row.fresh),
  }));
}

/** The requests after `after` of an episode on a day (for an episode that is gone). */
export async function freshRequests(db: Kysely<Database>, { day, after, upTo }: FoldDay, episodeId: string) {
  const row = await db
    .selectFrom('download_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<boolean>`substr(at, 1, 10) = ${day}`)
    .where('episode_id', '=', episodeId)
    .where('at', '>', after)
    .where('at', '<=', upTo)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Some listeners' requests for an episode on a day, per listener in time order. */
export async function listenerRequests(
  db: Kysely<Database>,
  { day, upTo }: FoldDay,
  episodeId: string,
  listeners: string[],
) {
  return db
    .selectFrom('download_requests')
    .select(['listener', 'at', 'user_agent', 'web_player', 'method', 'status'])
    .select(['range_start', 'range_end', 'file_size'])
    .where(sql<boolean>`substr(at, 1, 10) = ${day}`)
    .where('episode_id', '=', episodeId)
    .where('listener', 'in', listeners)
    .where('at', '<=', upTo)
    .orderBy('listener')
    .orderBy('at')
    .execute();
}

export type ListenerRequestRow = Awaited<ReturnType<typeof listenerRequests>>[number];
