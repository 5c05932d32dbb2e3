import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { newId } from '../../src/common/ids.js';
import { createLogger } from '../../src/common/logger.js';
import { updateEpisode } from '../../src/db/repositories/episodes-repository.js';
import { upsertMediaFile } from '../../src/db/repositories/media-files-repository.js';
import { createDownloadRecorder, type DownloadRecorder } from '../../src/domain/download-recorder.js';
import { createPublicMedia } from '../../src/domain/public-media.js';
import { createPublicTextMedia } from '../../src/domain/public-text-media.js';
import { mediaRoutes } from '../../src/http/routes/media-routes.js';
import { createFsStore } from '../../src/storage/fs-store.js';
import { benchContainer } from './bench-container.js';
import { foldBench, userAgents } from './fold-bench.js';
import { line, ratio, requestsPerSecond } from './load.js';

/** Enclosure serving through the real media route, recording each request or not. */
async function servingWithAndWithoutCounting() {
  const bench = await benchContainer();
  try {
    const show = await bench.shows.create({
      ...{ slug: 'tel', title: 'Bench', description: 'Bench', author: 'Bench' },
      owner: { email: 'bench@example.nl' },
    });
    const episode = await bench.episodes.create(show.id, { title: 'Aflevering' });
    const store = createFsStore({ root: path.join(bench.dir, 'media') }); // the container's own root
    const bytes = randomBytes(1024 * 1024);
    const key = `episodes/${episode.id}/a.mp3`;
    const put = await store.put(key, Readable.from([bytes]), { contentType: 'audio/mpeg' });
    await upsertMediaFile(bench.db.kysely, {
      ...{ id: newId(), episode_id: episode.id, show_id: null, role: 'delivery', key, size: put.size },
      ...{
        sha256: put.sha256,
        mime_type: 'audio/mpeg',
        duration_seconds: 60,
        created_at: new Date().toISOString(),
      },
    });
    await updateEpisode(bench.db.kysely, episode.id, {
      status: 'published',
      published_at: new Date().toISOString(),
      enclosure_path: `tel/${episode.slug}.mp3`,
      audio: JSON.stringify({ key, type: 'audio/mpeg', size: put.size, sha256: put.sha256 }),
    });
    const logger = createLogger({ level: 'silent' });
    const off: DownloadRecorder = { record() {}, flush: async () => {} };
    const on = createDownloadRecorder({ db: bench.db.kysely, clock: { now: () => new Date() }, logger });
    const serve = async (downloads: DownloadRecorder) => {
      const app = new Hono();
      app.route(
        '/',
        mediaRoutes({
          media: createPublicMedia({ db: bench.db.kysely }),
          textMedia: createPublicTextMedia({ db: bench.db.kysely, transcripts: bench.transcripts }),
          store: store,
          downloads,
          logger,
        }),
      );
      const server = createServer(getRequestListener(app.fetch));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return server;
    };
    const url = (server: ReturnType<typeof createServer>) =>
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/media/tel/${episode.slug}.mp3`;
    const headers = { 'user-agent': userAgents[0], range: 'bytes=0-65535' };
    const counting = await serve(on);
    const plain = await serve(off);
    await requestsPerSecond(url(plain), { headers, seconds: 2 }); // warm up
    await requestsPerSecond(url(counting), { headers, seconds: 2 });
    // Alternating rounds, best of each: a shared machine's load shifts between runs.
    let without = 0;
    let withCounting = 0;
    for (let round = 0; round < 3; round++) {
      without = Math.max(without, await requestsPerSecond(url(plain), { headers, seconds: 4 }));
      withCounting = Math.max(withCounting, await requestsPerSecond(url(counting), { headers, seconds: 4 }));
    }
    await on.flush();
    const recorded = await bench.db.kysely
      .selectFrom('download_requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    line(
      `enclosure 64 KiB ranges, counting on vs off`,
      `${withCounting.toFixed(0)} req/s`,
      `${without.toFixed(0)} req/s`,
      ratio(withCounting, without),
      '>= 0.9',
    );
    if (Number(recorded.n) === 0) throw new Error('counting on recorded nothing');
    counting.close();
    plain.close();
  } finally {
    await bench.close();
  }
}

/** `npm run bench -- analytics`: the fold against a plain GROUP BY, and counting's cost on the media path. */
export async function analyticsBench(): Promise<void> {
  await foldBench();
  await servingWithAndWithoutCounting();
}
