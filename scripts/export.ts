import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { systemClock } from '../src/common/clock.js';
import { createLogger } from '../src/common/logger.js';
import { findShowBySlug } from '../src/db/repositories/shows-repository.js';
import { createShowExport } from '../src/moving/export-show.js';
import { createBlobStore } from '../src/storage/create-blob-store.js';
import { runCommand, withDatabase } from './command-frame.js';

const usage = `usage: npm run --silent export -- --show SLUG > show.tar
  Writes the show's export archive (the same tar as GET /api/v1/shows/{id}/export) to stdout.
  Restore it elsewhere with: npm run import -- show.tar`;

/** `npm run export`: a show's archive from the configured database and storage, as a backup. */
async function main(): Promise<number> {
  let slug: string | undefined;
  try {
    slug = parseArgs({ options: { show: { type: 'string' } } }).values.show;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
  }
  if (!slug) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  if (process.stdout.isTTY) {
    process.stderr.write(`export: stdout is a terminal; redirect it to a file\n${usage}\n`);
    return 2;
  }
  return withDatabase(async (db, config) => {
    const show = await findShowBySlug(db.kysely, slug);
    if (!show) {
      process.stderr.write(`export: no show with the slug "${slug}"\n`);
      return 1;
    }
    const store = await createBlobStore(config.storage);
    const exporter = createShowExport({
      db: db.kysely,
      store,
      clock: systemClock,
      logger: createLogger({ level: 'warn' }),
    });
    const { stream } = await exporter.open(show.id);
    await pipeline(stream, process.stdout);
    process.stderr.write(`export: ${slug} written\n`);
    return 0;
  });
}

runCommand('export', main);
