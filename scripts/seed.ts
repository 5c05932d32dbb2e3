import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { resolveMediaTools } from '../src/audio/index.js';
import { systemClock } from '../src/common/clock.js';
import { createLogger } from '../src/common/logger.js';
import { ConfigError, loadConfig } from '../src/config/load-config.js';
import { createContainer } from '../src/container.js';
import { createDb } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { findEpisodeBySlug } from '../src/db/repositories/episodes-repository.js';
import { findShowBySlug } from '../src/db/repositories/shows-repository.js';
import { createBlobStore } from '../src/storage/create-blob-store.js';
import { createTusDatastore } from '../src/uploads/create-tus-datastore.js';

const lines = [
  'Welkom bij Mensenrechten dichtbij, de podcast over mensenrechten in de gemeente.',
  'Vandaag praten we met een wethouder over armoedebeleid en toegankelijkheid.',
  'Wat betekent het VN-verdrag handicap voor de lokale praktijk?',
  'Dank voor het luisteren. Tot de volgende keer.',
];

/** A recording to seed with: espeak-ng speech when installed (Dutch), else tones with pauses. */
function demoRecording(dir: string): string {
  const tools = resolveMediaTools();
  const file = path.join(dir, 'demo.wav');
  if (existsSync('/usr/bin/espeak-ng')) {
    const parts = lines.map((line, i) => {
      const part = path.join(dir, `part-${i}.wav`);
      execFileSync('/usr/bin/espeak-ng', ['-v', 'nl', '-s', '150', '-w', part, line]);
      return part;
    });
    const inputs = parts.flatMap((part) => ['-i', part]);
    const filter = `${parts.map((_, i) => `[${i}:a]apad=pad_dur=1.2[p${i}]`).join(';')};${parts.map((_, i) => `[p${i}]`).join('')}concat=n=${parts.length}:v=0:a=1[out]`;
    execFileSync(tools.ffmpegPath, [
      '-v',
      'error',
      '-y',
      ...inputs,
      '-filter_complex',
      filter,
      '-map',
      '[out]',
      '-ar',
      '44100',
      file,
    ]);
  } else {
    execFileSync(tools.ffmpegPath, [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      "sine=frequency=220:duration=20,volume='if(lt(mod(t\\,5)\\,3.5)\\,0.3\\,0)':eval=frame",
      file,
    ]);
  }
  return file;
}

const showSlug = 'mensenrechten-dichtbij-demo';
const episodeSlug = 'armoede-en-toegankelijkheid';

/**
 * `npm run seed`: a demo show with one processed, published episode, against the database and
 * storage `npm start` uses (the same environment variables, read by the same loadConfig).
 *
 * Idempotent: the demo has fixed slugs, and each run does only the steps still missing (a run
 * that was interrupted finishes the job; a complete demo is left as it is).
 *
 * URLs: the seed processes audio (no URLs in it) and publishes, but leaves the feed rebuild and
 * the social drafts queued for the server's worker, so they carry the running server's
 * BASE_URL/PORT even when this command ran with other (or no) settings.
 */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`seed: ${error.message}\n`);
      process.exit(78); // EX_CONFIG, as npm start
    }
    throw error;
  }
  mkdirSync(config.dataDir, { recursive: true });
  mkdirSync(config.feedsDir, { recursive: true });
  const db = createDb(config.database);
  await migrateToLatest(db.kysely);
  const store = await createBlobStore(config.storage);
  const container = createContainer({
    db,
    store,
    tusDatastore: await createTusDatastore(
      config.storage.driver === 's3'
        ? { ...config.storage, expiryHours: config.tusExpiryHours }
        : { driver: 'fs', dir: path.join(config.dataDir, 'uploads'), expiryHours: config.tusExpiryHours },
    ),
    logger: createLogger({ level: 'warn' }),
    clock: systemClock,
    baseUrl: config.baseUrl,
    feedsDir: config.feedsDir,
    limits: config.limits,
    loudnessTargetLufs: config.loudnessTargetLufs,
    media: config.media,
    transcriberCommand: config.transcriberCommand,
  });
  const work = mkdtempSync(path.join(tmpdir(), 'zender-seed-'));
  try {
    const existing = await findShowBySlug(db.kysely, showSlug);
    const show = existing
      ? await container.shows.get(existing.id)
      : await container.shows.create({
          slug: showSlug,
          title: 'Mensenrechten dichtbij (demo)',
          description: 'Gesprekken met gemeenten over mensenrechten in de praktijk.',
          author: 'Kennisplatform Gemeenten en Mensenrechten',
          owner: { name: 'Redactie', email: 'podcast@example.nl' },
          categories: ['Government', 'Society & Culture/Documentary'],
          link: 'https://example.nl/mensenrechten-dichtbij',
          copyright: `© ${new Date().getFullYear()} Kennisplatform`,
          social: { hashtags: ['#mensenrechten', '#gemeenten'] },
        });
    if (!show.artworkUrl) {
      const artwork = await sharp({
        create: { width: 1400, height: 1400, channels: 3, background: '#1f4e79' },
      })
        .png()
        .toBuffer();
      await container.artwork.setShowArtwork(show.id, 'image/png', artwork);
    }
    const found = await findEpisodeBySlug(db.kysely, show.id, episodeSlug);
    const episode = found
      ? await container.episodes.get(found.id)
      : await container.episodes.create(show.id, {
          slug: episodeSlug,
          title: 'Armoede en toegankelijkheid in de gemeente',
          summary: 'Een wethouder over armoedebeleid en het VN-verdrag handicap.',
          season: 1,
          number: 1,
          persons: [{ name: 'Jan Jansen', role: 'guest', organisation: 'gemeente Utrecht' }],
        });
    if (episode.status === 'draft' || episode.status === 'failed') {
      await container.ingest.acceptStream(episode.id, createReadStream(demoRecording(work)), {
        contentType: 'audio/wav',
        filename: 'demo.wav',
      });
    }
    // Processing (and anything else already due); a server's worker may take part of it.
    for (let status = (await container.episodes.get(episode.id)).status; status === 'processing'; ) {
      await container.worker.drain();
      status = (await container.episodes.get(episode.id)).status;
      if (status === 'processing') await new Promise((resolve) => setTimeout(resolve, 500));
    }
    let ready = await container.episodes.get(episode.id);
    if (ready.status === 'ready') {
      await container.publishing.publish(episode.id);
      ready = await container.episodes.get(episode.id);
    } else if (ready.status === 'published') {
      // A feed built earlier (perhaps by an older seed with other settings) is built again.
      await container.publishing.rebuildFeed(show.id);
    }
    if (ready.status !== 'published') throw new Error(`the demo episode is ${ready.status}`);
    process.stdout.write(
      [
        `demo ${existing ? 'already there' : 'created'}; URLs as BASE_URL=${config.baseUrl} gives them:`,
        `show:    ${config.baseUrl}/shows/${showSlug}`,
        `feed:    ${config.baseUrl}/feeds/${showSlug}.xml`,
        `episode: ${config.baseUrl}/shows/${showSlug}/${ready.slug} (${ready.status}, ${ready.duration?.toFixed(1)} s, ${ready.quality?.outputLufs} LUFS)`,
        `embed:   ${config.baseUrl}/embed/episodes/${episode.id}`,
        'The feed and the social drafts are made by the server (npm start) with its own BASE_URL.',
        '',
      ].join('\n'),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
    await container.worker.stop();
    await db.kysely.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`seed: ${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  },
);
