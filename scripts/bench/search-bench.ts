import { performance } from 'node:perf_hooks';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { createDb, type Db } from '../../src/db/create-db.js';
import type { Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createPublicUrls } from '../../src/domain/public-urls.js';
import { createSearchService } from '../../src/domain/search-service.js';
import { line, ratio } from './load.js';

const EPISODES = Number(process.env.SEARCH_BENCH_EPISODES ?? 10_000);
const CUES = 40;
const QUERIES = ['woningnood', 'wethouder armoede', 'participatie', 'jeugdzorg gemeente', 'zeppelinhangar'];
const words = (
  'gemeente wethouder armoede schulden participatie wonen zorg jeugd jeugdzorg buurt bewoners ' +
  'mensenrechten toegang gelijkheid discriminatie beleid raad burgemeester inwoners voorbeeld ' +
  'praktijk ervaring gesprek vraag antwoord samenwerking woningnood huur school werk inkomen'
).split(' ');

/** A deterministic pseudo-random sentence generator, so every run indexes the same text. */
function sentences(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state;
  };
  return (count: number) => Array.from({ length: count }, () => words[next() % words.length]).join(' ');
}

async function fill(db: Kysely<Database>) {
  const now = new Date().toISOString();
  await db
    .insertInto('shows')
    .values({
      id: 'bench-show',
      slug: 'bench',
      title: 'Bench',
      description: 'Bench',
      language: 'nl',
      author: 'Bench',
      owner_name: 'Bench',
      owner_email: 'bench@example.nl',
      categories: '["Government"]',
      explicit: 0,
      type: 'episodic',
      link: null,
      copyright: null,
      license: null,
      locked: 1,
      funding: '[]',
      guid: 'bench-guid',
      artwork: null,
      loudness_target_lufs: null,
      social: '{"channels":[],"hashtags":[]}',
      persons: '[]',
      new_feed_url: null,
      extra: '{}',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const say = sentences(7);
  for (let start = 0; start < EPISODES; start += 500) {
    const batch = Array.from({ length: Math.min(500, EPISODES - start) }, (_, k) => start + k);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('episodes')
        .values(
          batch.map((i) => ({
            id: `ep-${i}`,
            show_id: 'bench-show',
            slug: `aflevering-${i}`,
            title: `Aflevering ${i}: ${say(5)}`,
            summary: say(20),
            description: `<p>${say(60)}</p>`,
            season: null,
            number: i,
            type: 'full' as const,
            explicit: 0,
            status: 'published' as const,
            failure_reason: null,
            publish_at: null,
            published_at: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
            guid: `guid-${i}`,
            duration_seconds: 1800,
            audio: null,
            enclosure_path: null,
            artwork: null,
            quality: null,
            transcript: '{"status":"ready","languages":["nl"]}',
            chapters: JSON.stringify({ version: '1.2.0', chapters: [{ startTime: 0, title: say(4) }] }),
            job_id: null,
            extra: '{}',
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      await trx
        .insertInto('transcripts')
        .values(
          batch.map((i) => ({
            episode_id: `ep-${i}`,
            language: 'nl',
            status: 'ready' as const,
            source: 'upload' as const,
            cues: JSON.stringify(
              Array.from({ length: CUES }, (_, c) => ({
                startSeconds: c * 10,
                endSeconds: c * 10 + 9,
                text: i === EPISODES - 1 && c === 7 ? 'alleen hier de zeppelinhangar' : say(24),
              })),
            ),
            updated_at: now,
          })),
        )
        .execute();
    });
  }
}

/** The same match the repository runs, straight against the index: the floor to compare with. */
async function directQuery(db: Db, query: string): Promise<number> {
  const terms = query.split(' ');
  if (db.dialect === 'sqlite') {
    const match = terms.map((w) => `"${w}"*`).join(' ');
    const { rows } = await sql`SELECT episode_id, snippet(search_entries, 6, '[', ']', '…', 24) AS s
      FROM search_entries WHERE search_entries MATCH ${match} ORDER BY bm25(search_entries) LIMIT 30`.execute(
      db.kysely,
    );
    return rows.length;
  }
  const tsquery = terms.map((w) => `${w}:*`).join(' & ');
  const { rows } =
    await sql`SELECT episode_id, ts_headline('dutch', text, to_tsquery('dutch', ${tsquery})) AS s
    FROM search_entries WHERE document @@ to_tsquery('dutch', ${tsquery})
    ORDER BY ts_rank(document, to_tsquery('dutch', ${tsquery})) DESC LIMIT 30`.execute(db.kysely);
  return rows.length;
}

async function timeEach(run: (query: string) => Promise<unknown>): Promise<number> {
  for (const query of QUERIES) await run(query); // warm up
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const query of QUERIES) {
      const started = performance.now();
      await run(query);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function benchOn(name: string, db: Db, schema?: string) {
  await migrateToLatest(db.kysely, schema ? { schema } : {});
  const filled = performance.now();
  await fill(db.kysely);
  const search = createSearchService({
    db: db.kysely,
    dialect: db.dialect,
    urls: createPublicUrls('http://127.0.0.1'),
  });
  await search.reindexShow('bench-show');
  const indexing = (performance.now() - filled) / 1000;
  const hits = await search.search('zeppelinhangar');
  if (hits.length !== 1) throw new Error(`search found ${hits.length} hits for the one planted word`);
  const zender = await timeEach((q) => search.search(q));
  const direct = await timeEach((q) => directQuery(db, q));
  line(
    `search 10k episodes, ${name} (median ms)`,
    zender.toFixed(1),
    direct.toFixed(1),
    ratio(zender, direct),
    `<= 3 (filled and indexed in ${indexing.toFixed(0)} s)`,
  );
}

/**
 * Search over 10,000 published episodes with a transcript each, against the same full-text query
 * run directly on the index: SQLite always, PostgreSQL when BENCH_DATABASE_URL (or
 * TEST_DATABASE_URL) names one (a fresh schema, dropped afterwards).
 */
export async function searchBench() {
  // In memory: the figures compare two queries on the same index, and filling 10,000 episodes
  // one transaction each should not wait on the disk's fsyncs.
  const sqlite = createDb({ kind: 'sqlite', file: ':memory:' });
  try {
    await benchOn('SQLite FTS5', sqlite);
  } finally {
    await sqlite.kysely.destroy();
  }
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    process.stdout.write('search on PostgreSQL: skipped (set BENCH_DATABASE_URL)\n');
    return;
  }
  const schema = `bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const postgres = createDb({ kind: 'postgres', url, schema });
  try {
    await benchOn('PostgreSQL', postgres, schema);
  } finally {
    await postgres.kysely.destroy();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}
