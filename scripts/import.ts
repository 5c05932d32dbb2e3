import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemClock } from '../src/common/clock.js';
import { DomainError } from '../src/domain/errors.js';
import { createJobQueue } from '../src/jobs/job-queue.js';
import { createShowRestore } from '../src/moving/restore-show.js';
import { createBlobStore } from '../src/storage/create-blob-store.js';
import { runCommand, withDatabase } from './command-frame.js';

const usage = `usage: npm run import -- show.tar
  Restores a show from an export archive (npm run export, or GET /api/v1/shows/{id}/export) into
  the configured database and storage: same slugs, guids and audio bytes. The feed is rebuilt by
  the server's worker, with its BASE_URL. Exit status 1 when the slug is taken or the archive is
  not usable (nothing is restored then).`;

/** `npm run import`: the command-line twin of POSTing an archive to /api/v1/imports. */
async function main(): Promise<number> {
  const { positionals } = parseArgs({ allowPositionals: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  return withDatabase(async (db, config) => {
    const store = await createBlobStore(config.storage);
    const restorer = createShowRestore({
      db: db.kysely,
      store,
      maxUploadBytes: config.limits.maxUploadBytes,
    });
    let restored: Awaited<ReturnType<typeof restorer.restore>>;
    try {
      restored = await restorer.restore(createReadStream(file));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const detail = Object.entries(error.params)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ');
      process.stderr.write(
        `import: refused (${error.code}${detail ? `; ${detail}` : ''}); nothing was restored\n`,
      );
      return 1;
    }
    // The server's worker builds the feed, so it carries the server's BASE_URL.
    const queue = createJobQueue({ db: db.kysely, dialect: db.dialect, clock: systemClock });
    await queue.enqueue(
      'rebuild-feed',
      { showId: restored.showId },
      { dedupeKey: `feed:${restored.showId}` },
    );
    process.stdout.write(
      `import: restored ${restored.slug} (${restored.episodes} episodes), show id ${restored.showId}\n`,
    );
    return 0;
  });
}

runCommand('import', main);
