import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEpisodeById } from '../src/db/repositories/episodes-repository.js';
import { createS3Store } from '../src/storage/s3-store.js';
import { publishedMp3Episode } from './helpers/counted-audio.js';
import { publishableShow } from './helpers/ready-episode.js';
import { startS3rver } from './helpers/s3rver-server.js';
import { openServedApp, type ServedApp } from './helpers/serve-app.js';
import { staffAs } from './helpers/staff-session.js';
import type { TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

interface Problem {
  level: string;
  code: string;
  message: string;
  episodeId?: string;
  messages?: { nl: string; en: string };
}

const applePodcasts = 'Podcasts/1650.20 CFNetwork/1568.100.1 Darwin/24.0.0';

async function feedCheck(t: TestApp, showId: string, query = '') {
  const res = await t.call('GET', `/api/v1/shows/${showId}/feed-check${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { ok: boolean; problems: Problem[] };
}

/** The findings of reading the feed back and probing its audio (the rules' problems have no `messages`). */
const findingsOf = (problems: Problem[]) => problems.filter((p) => p.messages);

/**
 * The feed check over real HTTP: the app is served on 127.0.0.1 with BASE_URL set to that origin,
 * so the enclosure URLs in its feed lead back to it, and the probes go through the outbound
 * address rule (ALLOW_PRIVATE_URLS, as on an intranet).
 */
describe.each(testDatabases())('feed check: read-back and enclosure probes ($name)', (database) => {
  let t: TestApp;
  let served: ServedApp;
  let now = Date.parse('2026-03-10T09:00:00.000Z');
  let showId: string;
  let healthy: Awaited<ReturnType<typeof publishedMp3Episode>>;

  beforeAll(async () => {
    ({ t, served } = await openServedApp(database, {
      allowPrivateUrls: true,
      clock: { now: () => new Date(now) },
    }));
    showId = (await publishableShow(t, { slug: 'controle' })).id;
    healthy = await publishedMp3Episode(t, showId, 'Gezonde aflevering', 40);
    await t.worker.drain();
  }, 120_000);
  afterAll(async () => {
    await served?.close();
    await t?.close();
  });

  /** Raw requests the media route recorded from a user agent (recorded once the answer has gone out). */
  async function recordedFrom(userAgent: string, atLeast: number): Promise<number> {
    const until = Date.now() + 10_000;
    for (;;) {
      await t.analytics.recorder.flush();
      const row = await t.db.kysely
        .selectFrom('download_requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_agent', 'like', `${userAgent}%`)
        .executeTakeFirstOrThrow();
      if (Number(row.n) >= atLeast || Date.now() > until) return Number(row.n);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function downloadsOf(episodeId: string): Promise<number> {
    now += 5000; // past the fold's margin
    expect((await t.call('POST', '/api/v1/downloads/fold')).status).toBe(200);
    const res = await t.call('GET', `/api/v1/episodes/${episodeId}/downloads?from=2026-03-01&to=2026-03-31`);
    return ((await res.json()) as { total: number }).total;
  }

  it('a healthy show: the feed reads back whole and the audio answers HEAD and bytes=0-1 as Apple wants', async () => {
    const { ok, problems } = await feedCheck(t, showId);
    expect(ok).toBe(true);
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
    expect(findingsOf(problems)).toEqual([]);
  });

  it('probes are no downloads; a podcast app fetching the file is one', async () => {
    for (let i = 0; i < 3; i++) await feedCheck(t, showId);
    // The probes reached the media route (each HEAD and range request is seen), yet count nothing.
    expect(await recordedFrom('zender-feed-check/1', 6)).toBeGreaterThanOrEqual(6);
    expect(await downloadsOf(healthy.id)).toBe(0);

    const played = await fetch(`${served.origin}${healthy.path}`, {
      headers: { 'user-agent': applePodcasts },
    });
    expect(played.status).toBe(200);
    expect(Buffer.from(await played.arrayBuffer()).equals(healthy.bytes)).toBe(true);
    expect(await recordedFrom(applePodcasts, 1)).toBe(1);
    expect(await downloadsOf(healthy.id)).toBe(1);
  });

  it('an audio file gone from storage, or served as a web page, is named with the reason in Dutch and English', async () => {
    const gone = await publishedMp3Episode(t, showId, 'Verdwenen opname', 40);
    const html = await publishedMp3Episode(t, showId, 'Verkeerd type', 40);
    await t.worker.drain();
    const goneRow = await findEpisodeById(t.db.kysely, gone.id);
    await t.store.delete(goneRow!.audio!.key);
    const htmlRow = await findEpisodeById(t.db.kysely, html.id);
    await t.db.kysely
      .updateTable('media_files')
      .set({ mime_type: 'text/html' })
      .where('key', '=', htmlRow!.audio!.key)
      .execute();

    const { ok, problems } = await feedCheck(t, showId);
    expect(ok).toBe(false);
    const findings = findingsOf(problems);
    const goneUrl = `${served.origin}${gone.path}`;
    expect(findings.filter((p) => p.episodeId === gone.id)).toEqual([
      {
        level: 'error',
        code: 'enclosure_range_unsupported',
        episodeId: gone.id,
        message: `"Verdwenen opname": ${goneUrl} answers 500 instead of 206 to Range: bytes=0-1; Apple requires audio to be served in byte ranges.`,
        messages: {
          nl: `"Verdwenen opname": ${goneUrl} antwoordt 500 in plaats van 206 op Range: bytes=0-1; Apple vereist dat audio in delen op te vragen is.`,
          en: `"Verdwenen opname": ${goneUrl} answers 500 instead of 206 to Range: bytes=0-1; Apple requires audio to be served in byte ranges.`,
        },
      },
    ]);
    expect(findings.filter((p) => p.episodeId === html.id)).toEqual([
      expect.objectContaining({
        code: 'enclosure_type_not_audio',
        messages: {
          nl: '"Verkeerd type": de server geeft het type text/html (Content-Type), geen audio; de feed zegt audio/mpeg.',
          en: '"Verkeerd type": the server gives the type text/html (Content-Type), not audio; the feed says audio/mpeg.',
        },
      }),
    ]);
    expect(findings.filter((p) => p.episodeId === healthy.id)).toEqual([]);

    // probe=false: the rules and the read-back only, no request to the audio.
    const quick = await feedCheck(t, showId, '?probe=false');
    expect(findingsOf(quick.problems)).toEqual([]);
  });

  it('the staff screen shows the findings in Dutch, linked from the show screen', async () => {
    const viewer = await staffAs(t, 'viewer');
    const showPage = await (await viewer.get(`/admin/shows/${showId}`)).text();
    expect(showPage).toContain(`href="/admin/shows/${showId}/feed-check"`);
    const res = await viewer.get(`/admin/shows/${showId}/feed-check`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Volledige controle van de feed');
    expect(page).toContain('antwoordt 500 in plaats van 206 op Range: bytes=0-1');
    expect(page).toContain('de server geeft het type text/html (Content-Type), geen audio');
    const english = await (
      await viewer.get(`/admin/shows/${showId}/feed-check`, { 'accept-language': 'en' })
    ).text();
    expect(english).toContain('Full feed check');
    expect(english).toContain('answers 500 instead of 206 to Range: bytes=0-1');
  });
});

describe.each(testDatabases())('feed check without ALLOW_PRIVATE_URLS ($name)', (database) => {
  it('probes go through the outbound address rule: audio on 127.0.0.1 is refused, not fetched', async () => {
    const { t, served } = await openServedApp(database);
    try {
      const showId = (await publishableShow(t, { slug: 'binnen' })).id;
      const episode = await publishedMp3Episode(t, showId, 'Binnenshuis', 20);
      await t.worker.drain();
      await t.analytics.recorder.flush();
      const { ok, problems } = await feedCheck(t, showId);
      expect(ok).toBe(false);
      expect(findingsOf(problems)).toEqual([
        expect.objectContaining({
          code: 'enclosure_unreachable',
          episodeId: episode.id,
          message: expect.stringMatching(
            /^"Binnenshuis": the audio file http:\/\/127\.0\.0\.1:\d+\/media\/binnen\/binnenshuis\.mp3 cannot be reached \(refused: 127\.0\.0\.1 is a loopback address, not a public address; set ALLOW_PRIVATE_URLS=true for an intranet\)\.$/,
          ),
        }),
      ]);
      await t.analytics.recorder.flush();
      const seen = await t.db.kysely.selectFrom('download_requests').selectAll().execute();
      expect(seen).toEqual([]);
    } finally {
      await served.close();
      await t.close();
    }
  });
});

// One database is enough: the redirect is storage behaviour.
describe('feed check with S3 storage (s3rver)', () => {
  it('follows the redirect to the bucket and probes the object there as Apple would', async () => {
    const s3 = await startS3rver();
    const store = createS3Store({
      ...{ endpoint: s3.endpoint, region: s3.region, bucket: s3.bucket, forcePathStyle: true },
      ...{ accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
    const { t, served } = await openServedApp(testDatabases()[0], { store, allowPrivateUrls: true });
    try {
      const showId = (await publishableShow(t, { slug: 'emmer' })).id;
      const episode = await publishedMp3Episode(t, showId, 'In de emmer', 20);
      await t.worker.drain();
      expect(findingsOf((await feedCheck(t, showId)).problems)).toEqual([]);
      // A file gone from the bucket: the redirect leads to a 404 there, and the check says so.
      const row = await findEpisodeById(t.db.kysely, episode.id);
      await store.delete(row!.audio!.key);
      const codes = findingsOf((await feedCheck(t, showId)).problems).map((p) => [p.code, p.episodeId]);
      expect(codes).toEqual([
        ['enclosure_head_status', episode.id],
        ['enclosure_range_unsupported', episode.id],
      ]);
    } finally {
      await served.close();
      await t.close();
      await s3.close();
    }
  }, 60_000);
});
