import { createHash, randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { countableBytes } from '../../src/analytics/count-downloads.js';
import { createUserAgentClassifier } from '../../src/analytics/user-agent-kind.js';
import { newId } from '../../src/common/ids.js';
import { createDb, type Db } from '../../src/db/create-db.js';
import type { DownloadRequestsTable } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createDownloadFold } from '../../src/domain/download-fold.js';
import { benchContainer } from './bench-container.js';
import { line, ratio } from './load.js';

const EVENTS = Number(process.env.BENCH_ANALYTICS_EVENTS ?? 1_000_000);
const DAY = '2026-03-10';
export const userAgents = [
  'Podcasts/1650.20 CFNetwork/1568.100.1 Darwin/24.0.0',
  'AppleCoreMedia/1.0.0.21A329 (iPhone; U; CPU OS 17_0 like Mac OS X; nl_nl)',
  'Spotify/8.9.0 Android/33 (SM-G991B)',
  'AntennaPod/3.4.0',
  'PocketCasts/1.0 (Pocket Casts - iOS - v7.60)',
  'Overcast/3.0 (+http://overcast.fm/; iOS podcast app)',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'atc/1.0 watchOS/7.3 model/Watch6,4 hwp/t8301 build/18S801 (6; dt:227)',
  'curl/8.5.0',
];

/**
 * A day of raw requests as a busy show would see them: ~600,000 listeners over 20 episodes, most
 * fetching the whole file once, some in ranges (players), some probing with bytes=0-1, some bots.
 * Each row is what the recorder writes, its countable bytes judged by the recorder's own rule.
 */
function* syntheticRequests(episodeIds: string[], size: number): Generator<DownloadRequestsTable> {
  let made = 0;
  let n = 0;
  const start = Date.parse(`${DAY}T00:00:00Z`);
  const request = (base: Omit<DownloadRequestsTable, 'countable_bytes'>): DownloadRequestsTable => ({
    ...base,
    countable_bytes: countableBytes({
      ...{ method: base.method, status: base.status },
      ...{ rangeStart: base.range_start, rangeEnd: base.range_end },
    }),
  });
  while (made < EVENTS) {
    const listener = createHash('md5').update(String(n++)).digest('hex');
    const episode = episodeIds[n % episodeIds.length];
    const ua = userAgents[n % userAgents.length];
    const at = start + Math.floor(((n * 7919) % 86_000) * 1000);
    const kind = n % 5; // 0-2 whole file, 3 ranges, 4 probe + whole
    const base = {
      episode_id: episode,
      listener,
      user_agent: ua,
      web_player: 0,
      method: 'GET',
      file_size: size,
    };
    const rows: DownloadRequestsTable[] = [];
    if (kind <= 2)
      rows.push(request({ ...base, at: iso(at), status: 200, range_start: 0, range_end: size - 1 }));
    else if (kind === 3) {
      for (let r = 0; r < 3; r++)
        rows.push(
          request({
            ...{ ...base, at: iso(at + r * 30_000), status: 206 },
            ...{ range_start: r * 300_000, range_end: r * 300_000 + 299_999 },
          }),
        );
    } else {
      rows.push(request({ ...base, at: iso(at), status: 206, range_start: 0, range_end: 1 }));
      rows.push(request({ ...base, at: iso(at + 1000), status: 200, range_start: 0, range_end: size - 1 }));
    }
    for (const row of rows) {
      if (made++ < EVENTS) yield row;
    }
  }
}

function iso(ms: number) {
  return new Date(ms).toISOString();
}

const columns = [
  ...['episode_id', 'at', 'listener', 'user_agent', 'web_player', 'method', 'status'],
  ...['range_start', 'range_end', 'file_size', 'countable_bytes'],
] as const;

/** Writes the rows as fast as each database takes them (the recorder's speed is not measured here). */
async function load(db: Db, file: string | null, rows: Iterable<DownloadRequestsTable>) {
  if (db.dialect === 'sqlite') {
    const raw = new SQLite(file!);
    const insert = raw.prepare(
      `INSERT INTO download_requests (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`,
    );
    raw.transaction(() => {
      for (const row of rows) insert.run(...columns.map((c) => row[c]));
    })();
    raw.close();
    return;
  }
  // PostgreSQL: 50,000 rows a statement through unnest() of column arrays.
  let batch: DownloadRequestsTable[] = [];
  const types = [
    'text',
    'text',
    'text',
    'text',
    'int',
    'text',
    'int',
    'bigint',
    'bigint',
    'bigint',
    'bigint',
  ];
  const flush = async () => {
    const arrays = columns.map((c, i) => sql`${batch.map((row) => row[c])}::${sql.raw(types[i])}[]`);
    await sql`INSERT INTO download_requests (${sql.raw(columns.join(','))})
      SELECT * FROM unnest(${sql.join(arrays)})`.execute(db.kysely);
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length === 50_000) await flush();
  }
  if (batch.length > 0) await flush();
}

/** A show with 20 published half-hour episodes of 28.8 MB, as rows. */
async function episodes(db: Db, size: number): Promise<string[]> {
  const kysely = db.kysely;
  const showId = newId();
  const now = new Date().toISOString();
  await kysely
    .insertInto('shows')
    .values({
      ...{ id: showId, slug: `bench-${showId.slice(0, 8)}`, title: 'Bench', description: 'Bench' },
      ...{ language: 'nl', author: 'Bench', owner_name: 'Bench', owner_email: 'bench@example.nl' },
      ...{ categories: '[]', explicit: 0, type: 'episodic', link: null, copyright: null, license: null },
      ...{ locked: 0, funding: '[]', guid: newId(), artwork: null, loudness_target_lufs: null },
      ...{ social: '{}', persons: '[]', new_feed_url: null, extra: '{}', created_at: now, updated_at: now },
    })
    .execute();
  const ids: string[] = [];
  for (let i = 0; i < 20; i++) {
    const id = newId();
    ids.push(id);
    await kysely
      .insertInto('episodes')
      .values({
        ...{
          id,
          show_id: showId,
          slug: `e-${i}`,
          title: `Aflevering ${i}`,
          summary: null,
          description: null,
        },
        ...{
          season: null,
          number: null,
          type: 'full',
          explicit: 0,
          status: 'published',
          failure_reason: null,
        },
        ...{
          publish_at: null,
          published_at: now,
          guid: newId(),
          duration_seconds: 1800,
          enclosure_path: null,
        },
        ...{ audio: JSON.stringify({ key: `episodes/${id}/a.mp3`, type: 'audio/mpeg', size, sha256: '' }) },
        ...{ artwork: null, quality: null, transcript: JSON.stringify({ status: 'none', languages: [] }) },
        ...{ chapters: null, job_id: null, extra: '{}', created_at: now, updated_at: now },
      })
      .execute();
  }
  return ids;
}

export async function foldVersusGroupBy(db: Db, file: string | null, label: string) {
  const kysely = db.kysely;
  const size = 28_800_000;
  const episodeIds = await episodes(db, size);
  // Written in time order, as the recorder writes them. The array is dropped before timing, so
  // the fold does not carry a million benchmark objects through every garbage collection.
  let rows = [...syntheticRequests(episodeIds, size)].sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : 0,
  );
  await load(db, file, rows);
  rows = [];
  // What autovacuum does for a table written all day: statistics, and the visibility map that
  // lets PostgreSQL read an index without visiting the table.
  if (db.dialect === 'postgres') await sql`VACUUM ANALYZE download_requests`.execute(kysely);

  let groupMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await sql`SELECT substr(at, 1, 10) AS day, episode_id, user_agent, count(*) AS n
      FROM download_requests GROUP BY substr(at, 1, 10), episode_id, user_agent`.execute(kysely);
    groupMs = Math.min(groupMs, performance.now() - start);
  }
  const store = { get: async () => Promise.reject(new Error('no audio in the bench')) } as never;
  let foldMs = Number.POSITIVE_INFINITY;
  let downloads = 0;
  for (let i = 0; i < 2; i++) {
    await kysely.deleteFrom('download_counts').execute();
    await kysely.deleteFrom('download_settings').execute();
    const fold = createDownloadFold({
      db: kysely,
      store,
      clock: { now: () => new Date(`${DAY}T23:59:59.999Z`) },
      classify: createUserAgentClassifier(),
    });
    const start = performance.now();
    const result = await fold.fold({ marginMs: 0 });
    foldMs = Math.min(foldMs, performance.now() - start);
    downloads = result.downloads;
    if (result.requests !== EVENTS) throw new Error(`folded ${result.requests} of ${EVENTS} requests`);
  }
  line(
    `fold ${EVENTS / 1e6}M requests (${label}, ${Math.round(downloads / 1000)}k dl) vs GROUP BY`,
    `${foldMs.toFixed(0)} ms`,
    `${groupMs.toFixed(0)} ms`,
    ratio(foldMs, groupMs),
    '<= 3',
  );
}

/** The fold against a plain GROUP BY of the same rows, on SQLite and (when set up) PostgreSQL. */
export async function foldBench(): Promise<void> {
  const sqlite = await benchContainer();
  try {
    await foldVersusGroupBy(sqlite.db, `${sqlite.dir}/bench.sqlite`, 'SQLite');
  } finally {
    await sqlite.close();
  }
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    process.stdout.write('fold on PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)\n');
    return;
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = createDb({ kind: 'postgres', url, schema });
  try {
    await migrateToLatest(db.kysely, { schema });
    await foldVersusGroupBy(db, null, 'PostgreSQL');
  } finally {
    await db.kysely.destroy();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}
