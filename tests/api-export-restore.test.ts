import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createFsStore } from '../src/storage/fs-store.js';
import { type FeedFixtureServer, startFeedFixtureServer } from './helpers/feed-fixture-server.js';
import { serveApp } from './helpers/serve-app.js';
import { itLeavesStorageConsistent } from './helpers/storage-consistency.js';
import { openTestApp, type TestApp } from './helpers/test-app.js';
import { testDatabases } from './helpers/test-databases.js';

let feeds: FeedFixtureServer;
beforeAll(async () => {
  feeds = await startFeedFixtureServer();
});
afterAll(async () => feeds.close());

const run = promisify(execFile);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function readTar(data: Buffer): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const extract = tar.extract();
  Readable.from([data]).pipe(extract);
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    files.set(entry.header.name, Buffer.concat(chunks));
  }
  return files;
}

/** What a listener's app sees of a show: guids, slugs, audio bytes, chapters and transcripts. */
async function listenerView(t: TestApp, showId: string) {
  const list = (await (await t.call('GET', `/api/v1/shows/${showId}/episodes?limit=200`)).json()) as {
    items: Record<string, any>[];
  };
  const episodes = [];
  for (const e of list.items.sort((a, b) => a.guid.localeCompare(b.guid))) {
    const audio = Buffer.from(await (await t.app.request(e.audio.url)).arrayBuffer());
    const chapters = await (await t.call('GET', `/api/v1/episodes/${e.id}/chapters`)).text();
    const transcript = await t.call('GET', `/api/v1/episodes/${e.id}/transcript?language=nl&format=vtt`);
    episodes.push({
      guid: e.guid,
      slug: e.slug,
      status: e.status,
      publishedAt: e.publishedAt,
      audio: sha256(audio),
      chapters,
      transcript: transcript.status === 200 ? await transcript.text() : null,
    });
  }
  return episodes;
}

/** A feed without the moments it was built: the rest must be equal. */
function comparableFeed(xml: string): string {
  return xml
    .replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/g, '')
    .replace(/<pubDate>[^<]*<\/pubDate>\s*(?=<\/?(?:channel|item|title|link|language))/g, '');
}

describe.each(testDatabases())('export and restore a show ($name)', (database) => {
  let source: TestApp;
  let target: TestApp;
  let showId = '';
  let episodeId = '';
  let archive: Buffer;
  beforeAll(async () => {
    source = await openTestApp(database, { allowPrivateUrls: true });
    target = await openTestApp(database);
    for (const name of ['libsyn-style.xml', 'podlove-style.xml']) {
      const res = await source.call('POST', '/api/v1/imports', { json: { feedUrl: feeds.feedUrl(name) } });
      expect(res.status).toBe(202);
    }
    await source.worker.drain();
    const shows = (await (await source.call('GET', '/api/v1/shows')).json()) as {
      items: { id: string; slug: string }[];
    };
    showId = shows.items.find((s) => s.slug === 'archief-verteld')!.id;
    // The feed gave license, location, podroll and complete; the schedule is set here.
    const schedule = { updateFrequency: { text: 'Maandelijks', rrule: 'FREQ=MONTHLY;BYDAY=1SA' } };
    expect((await source.call('PATCH', `/api/v1/shows/${showId}`, { json: schedule })).status).toBe(200);
    await source.worker.drain();
    const hook = await source.call('POST', `/api/v1/shows/${showId}/webhooks`, {
      json: { url: 'https://hooks.example.nl/zender', events: ['episode.published'] },
    });
    expect(hook.status).toBe(201);
    // Daily counts as the fold leaves them (counting itself is tested in api-downloads-counting):
    // two months apart, so the export reads more than one window; one row of an episode deleted since.
    episodeId = (
      await source.db.kysely
        .selectFrom('episodes')
        .select('id')
        .where('show_id', '=', showId)
        .executeTakeFirstOrThrow()
    ).id;
    await source.db.kysely
      .insertInto('download_counts')
      .values([
        ...[
          ['2026-03-01', 'Apple Podcasts', 'phone', 3],
          ['2026-03-01', 'Spotify', 'desktop', 2],
          ['2026-03-02', 'Apple Podcasts', 'phone', 1],
          ['2026-05-15', 'Pocket Casts', 'tablet', 4],
        ].map(([day, app, device, downloads]) => ({
          ...{ day: day as string, show_id: showId, episode_id: episodeId },
          ...{ app: app as string, device: device as string, downloads: downloads as number },
        })),
        {
          ...{ day: '2026-03-01', show_id: showId, episode_id: 'e0000000-0000-4000-8000-000000000000' },
          ...{ app: 'Overcast', device: 'phone', downloads: 5 },
        },
      ])
      .execute();
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('streams a tar with the records, every stored file, the feed and a README naming every file', async () => {
    const res = await source.call('GET', `/api/v1/shows/${showId}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-tar');
    expect(res.headers.get('content-disposition')).toContain('archief-verteld.tar');
    archive = Buffer.from(await res.arrayBuffer());
    const files = await readTar(archive);
    const names = [...files.keys()];
    expect(names[0]).toBe('README.md');
    const readme = files.get('README.md')!.toString('utf8');
    for (const name of names) expect(readme).toContain(`| ${name} |`);
    expect(readme).toMatch(/The download counts are in `downloads\/daily\.csv`/);
    expect(readme).toMatch(/lines without a guid belong to episodes deleted\s+before the export/);
    expect(names).toEqual(
      expect.arrayContaining(['show.json', 'feed.xml', 'social-drafts.json', 'webhooks.json']),
    );
    expect(names.filter((n) => /^episodes\/[^/]+\.json$/.test(n))).toHaveLength(1);
    expect(names).toContain('episodes/deel-1-de-kaart/chapters.json');
    expect(files.get('episodes/deel-1-de-kaart/transcript.nl.vtt')!.toString()).toContain(
      'Welkom bij het archief.',
    );
    // The kept original, its waveform and the artwork renditions, byte for byte.
    const audio = names.filter((n) => n.startsWith('media/') && n.endsWith('.mp3'));
    expect(audio.map((n) => sha256(files.get(n)!))).toContain(feeds.sha256['deel-1.mp3']);
    expect(names.some((n) => /^media\/shows\/.+\/artwork\/.+\.jpg$/.test(n))).toBe(true);
    // Webhooks without their secrets.
    const hooks = files.get('webhooks.json')!.toString();
    expect(hooks).toContain('https://hooks.example.nl/zender');
    expect(hooks).not.toMatch(/whsec_|secret/);
    // Only this show: nothing of the other imported show.
    expect(readme).not.toContain('Raadsvergadering');
    // The daily counts, oldest first; the deleted episode's line without guid and slug.
    const episode = JSON.parse(files.get('episodes/deel-1-de-kaart.json')!.toString()).episode;
    const lines = files.get('downloads/daily.csv')!.toString().split('\r\n');
    expect(lines[0]).toBe('day,episode_guid,episode_slug,app,device,downloads');
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1);
    expect([...rows].sort()).toEqual([
      '2026-03-01,,,Overcast,phone,5',
      `2026-03-01,${episode.guid},deel-1-de-kaart,Apple Podcasts,phone,3`,
      `2026-03-01,${episode.guid},deel-1-de-kaart,Spotify,desktop,2`,
      `2026-03-02,${episode.guid},deel-1-de-kaart,Apple Podcasts,phone,1`,
      `2026-05-15,${episode.guid},deel-1-de-kaart,Pocket Casts,tablet,4`,
    ]);
    expect(rows.map((row) => row.slice(0, 10))).toEqual([...rows.map((row) => row.slice(0, 10))].sort());
    expect(readme).toContain('| downloads/daily.csv |');
  });

  it('keeps serving when a client drops an export mid-download', async () => {
    const served = await serveApp(source);
    try {
      const controller = new AbortController();
      const res = await fetch(`${served.origin}/api/v1/shows/${showId}/export`, {
        headers: { authorization: `Bearer ${await source.tokenFor('admin')}` },
        signal: controller.signal,
      });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      await reader.read(); // the first bytes, then the client goes away
      controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const again = await fetch(`${served.origin}/healthz`);
      expect(again.status).toBe(200);
      // A second, complete export still works after the broken one.
      const full = await source.call('GET', `/api/v1/shows/${showId}/export`);
      expect((await full.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    } finally {
      await served.close();
    }
  });

  it('restores into another zender: same guids, slugs, audio bytes, chapters, transcripts and feed', async () => {
    const res = await target.call('POST', '/api/v1/imports', {
      body: new Uint8Array(archive),
      headers: { 'content-type': 'application/x-tar' },
    });
    expect(res.status).toBe(201);
    const restored = (await res.json()) as { showId: string; slug: string; episodes: number };
    expect(restored).toEqual({ showId, slug: 'archief-verteld', episodes: 1 });
    await target.worker.drain();
    expect(await listenerView(target, restored.showId)).toEqual(await listenerView(source, showId));
    const original = await (await source.app.request('http://zender.test/feeds/archief-verteld.xml')).text();
    const copy = await (await target.app.request('http://zender.test/feeds/archief-verteld.xml')).text();
    expect(copy).toContain('<podcast:guid>c3f5b0e4-8a8b-5c2e-9b1a-1f2e3d4c5b6a</podcast:guid>');
    expect(comparableFeed(copy)).toBe(comparableFeed(original));
    // The episode's downloads come along, by day and by app; the deleted episode's do not.
    const span = 'from=2026-03-01&to=2026-05-31';
    for (const groupBy of ['day', 'app', 'device']) {
      const path = `/api/v1/episodes/${episodeId}/downloads?groupBy=${groupBy}&${span}`;
      const [before, after] = await Promise.all([source.call('GET', path), target.call('GET', path)]);
      expect(after.status).toBe(200);
      expect(await after.json()).toEqual(await before.json());
    }
    const total = async (t: TestApp) =>
      ((await (await t.call('GET', `/api/v1/shows/${showId}/downloads?${span}`)).json()) as { total: number })
        .total;
    expect([await total(source), await total(target)]).toEqual([15, 10]);
    // The feed tags come back as they were, in show.json's extra and license columns.
    const tagsOf = async (app: TestApp) => {
      const show = await (await app.call('GET', `/api/v1/shows/${showId}`)).json();
      const { license, block, complete, location, podroll, updateFrequency } = show;
      return { license, block, complete, location, podroll, updateFrequency };
    };
    const tags = await tagsOf(source);
    expect(tags).toMatchObject({
      license: 'cc-by-sa-4.0',
      complete: true,
      location: { name: 'Amsterdam' },
      podroll: [{ title: 'Podcasting 2.0' }],
      updateFrequency: { rrule: 'FREQ=MONTHLY;BYDAY=1SA' },
    });
    expect(await tagsOf(target)).toEqual(tags);
    expect(copy).toContain('<podcast:updateFrequency rrule="FREQ=MONTHLY;BYDAY=1SA">Maandelijks');
  });

  it('gives a show from an archive made before license ids the conversion this database got', async () => {
    const files = await readTar(archive);
    const showJson = JSON.parse(files.get('show.json')!.toString('utf8'));
    const { license_url: _added, ...before } = showJson.show;
    files.set(
      'show.json',
      Buffer.from(JSON.stringify({ ...showJson, show: { ...before, license: 'CC BY-SA 4.0' } })),
    );
    const pack = tar.pack();
    for (const [name, data] of files) pack.entry({ name, size: data.length }, data);
    pack.finalize();
    const chunks: Buffer[] = [];
    for await (const chunk of pack) chunks.push(chunk as Buffer);
    const elsewhere = await openTestApp(database);
    try {
      const res = await elsewhere.call('POST', '/api/v1/imports', {
        body: new Uint8Array(Buffer.concat(chunks)),
        headers: { 'content-type': 'application/x-tar' },
      });
      expect(res.status).toBe(201);
      const show = await (await elsewhere.call('GET', `/api/v1/shows/${showId}`)).json();
      expect(show.license).toBe('cc-by-sa-4.0');
    } finally {
      await elsewhere.close();
    }
  });

  it('refuses an archive whose counts are not readable, naming the line, and restores nothing', async () => {
    const other = await openTestApp(database);
    try {
      const files = await readTar(archive);
      const csv = files
        .get('downloads/daily.csv')!
        .toString()
        .replace(',Spotify,desktop,2', ',Spotify,desktop,twee');
      const pack = tar.pack();
      for (const [name, data] of files)
        pack.entry({ name }, name === 'downloads/daily.csv' ? Buffer.from(csv) : data);
      pack.finalize();
      const chunks: Buffer[] = [];
      for await (const chunk of pack) chunks.push(chunk as Buffer);
      const res = await other.call('POST', '/api/v1/imports', {
        body: new Uint8Array(Buffer.concat(chunks)),
        headers: { 'content-type': 'application/x-tar', 'accept-language': 'en' },
      });
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { code: string; detail: string };
      const line = csv.split('\r\n').findIndex((row) => row.includes(',twee')) + 1;
      expect(problem.detail).toBe(
        `This is not a usable zender export archive: downloads/daily.csv line ${line}: "twee" is not a number of downloads. Nothing was restored.`,
      );
      expect((await (await other.call('GET', '/api/v1/shows')).json()).items).toEqual([]);
      expect(await other.store.list('episodes/')).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('answers 409 with the reason when the slug is taken, and 400 for something that is not an archive', async () => {
    const again = await target.call('POST', '/api/v1/imports', {
      body: new Uint8Array(archive),
      headers: { 'content-type': 'application/x-tar', 'accept-language': 'en' },
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { detail: string }).detail).toContain(
      '"archief-verteld" is already in use',
    );
    const before = await target.store.list('episodes/');
    const junk = await target.call('POST', '/api/v1/imports', {
      body: new Uint8Array(Buffer.from('not a tar at all'.repeat(100))),
      headers: { 'content-type': 'application/x-tar' },
    });
    expect(junk.status).toBe(400);
    expect(await target.store.list('episodes/')).toEqual(before);
  });

  itLeavesStorageConsistent(() => source);
  itLeavesStorageConsistent(() => target);
});

describe('npm run export and npm run import', () => {
  const dirs = [
    mkdtempSync(path.join(tmpdir(), 'zender-export-a-')),
    mkdtempSync(path.join(tmpdir(), 'zender-export-b-')),
  ];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  // Vitest puts Vite's BASE_URL ('/') in process.env: not a zender setting.
  const { BASE_URL: _vite, ...inherited } = process.env;
  const envFor = (dir: string) => ({
    ...inherited,
    DATA_DIR: dir,
    MEDIA_DIR: path.join(dir, 'media'),
    DATABASE_URL: '',
    STORAGE: 'fs',
  });

  it('exports a show by slug to a file and restores it into another installation', async () => {
    // An installation with one imported show, on its own SQLite file and media folder.
    const [a, b] = dirs;
    const db = createDb({ kind: 'sqlite', file: path.join(a, 'zender.sqlite') });
    await migrateToLatest(db.kysely);
    const t = await openTestApp(
      { name: 'sqlite', open: async () => ({ ...db, destroy: () => db.kysely.destroy() }) },
      { allowPrivateUrls: true, store: createFsStore({ root: path.join(a, 'media') }) },
    );
    await t.call('POST', '/api/v1/imports', { json: { feedUrl: feeds.feedUrl('podlove-style.xml') } });
    await t.worker.drain();
    await t.close();

    const tarFile = path.join(b, 'show.tar');
    const exported = spawnSync('npx', ['tsx', 'scripts/export.ts', '--show', 'archief-verteld'], {
      env: envFor(a),
      stdio: ['ignore', openSync(tarFile, 'w'), 'pipe'],
    });
    expect(exported.stderr.toString()).toContain('export: archief-verteld written');
    expect(exported.status).toBe(0);
    const files = await readTar(readFileSync(tarFile));
    expect([...files.keys()]).toContain('show.json');

    const imported = await run('npx', ['tsx', 'scripts/import.ts', tarFile], { env: envFor(b) });
    expect(imported.stdout).toMatch(/import: restored archief-verteld \(1 episodes\)/);
    const again = await run('npx', ['tsx', 'scripts/import.ts', tarFile], { env: envFor(b) }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(again).toMatchObject({ code: 1 });
    expect((again as { stderr: string }).stderr).toContain('slug_taken');
    // The restored installation holds the same bytes under the same keys.
    const original = [...files.entries()].find(
      ([name]) => name.startsWith('media/') && name.endsWith('.mp3'),
    )!;
    expect(sha256(readFileSync(path.join(b, 'media', original[0].slice('media/'.length))))).toBe(
      sha256(original[1]),
    );
  }, 120_000);
});
