import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { resolveMediaTools } from '../src/audio/index.js';
import { loadConfig } from '../src/config/load-config.js';
import { createContainer } from '../src/container.js';
import { createDb } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemClock } from '../src/shared/clock.js';
import { createLogger } from '../src/shared/logger.js';
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

/** `npm run seed`: a demo show with one processed, published episode, against the configured database and storage. */
async function main() {
  const config = loadConfig();
  mkdirSync(config.dataDir, { recursive: true });
  const db = createDb(config.database);
  await migrateToLatest(db.kysely);
  const store = await createBlobStore(config.storage);
  const container = createContainer({
    db,
    store,
    tusDatastore: await createTusDatastore({
      driver: 'fs',
      dir: path.join(config.dataDir, 'uploads'),
      expiryHours: config.tusExpiryHours,
    }),
    logger: createLogger({ level: 'warn' }),
    clock: systemClock,
    baseUrl: config.baseUrl,
    feedsDir: config.feedsDir,
    limits: config.limits,
    loudnessTargetLufs: config.loudnessTargetLufs,
    media: config.media,
  });
  const work = mkdtempSync(path.join(tmpdir(), 'zender-seed-'));
  try {
    const slug = `demo-${Date.now().toString(36)}`;
    const show = await container.shows.create({
      slug,
      title: 'Mensenrechten dichtbij (demo)',
      description: 'Gesprekken met gemeenten over mensenrechten in de praktijk.',
      author: 'Kennisplatform Gemeenten en Mensenrechten',
      owner: { name: 'Redactie', email: 'podcast@example.nl' },
      categories: ['Government', 'Society & Culture/Documentary'],
      link: config.baseUrl,
      copyright: `© ${new Date().getFullYear()} Kennisplatform`,
      social: { hashtags: ['#mensenrechten', '#gemeenten'] },
    });
    const artwork = await sharp({ create: { width: 1400, height: 1400, channels: 3, background: '#1f4e79' } })
      .png()
      .toBuffer();
    await container.artwork.setShowArtwork(show.id, 'image/png', artwork);
    const episode = await container.episodes.create(show.id, {
      title: 'Armoede en toegankelijkheid in de gemeente',
      summary: 'Een wethouder over armoedebeleid en het VN-verdrag handicap.',
      season: 1,
      number: 1,
      persons: [{ name: 'Jan Jansen', role: 'guest', organisation: 'gemeente Utrecht' }],
    });
    const recording = demoRecording(work);
    await container.ingest.acceptStream(episode.id, createReadStream(recording), {
      contentType: 'audio/wav',
      filename: 'demo.wav',
    });
    await container.worker.drain();
    await container.publishing.publish(episode.id);
    await container.worker.drain();
    const ready = await container.episodes.get(episode.id);
    process.stdout.write(
      [
        `show:    ${config.baseUrl}/shows/${slug}`,
        `feed:    ${config.baseUrl}/feeds/${slug}.xml`,
        `episode: ${config.baseUrl}/shows/${slug}/${ready.slug} (${ready.status}, ${ready.duration?.toFixed(1)} s, ${ready.quality?.outputLufs} LUFS)`,
        `embed:   ${config.baseUrl}/embed/episodes/${episode.id}`,
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
