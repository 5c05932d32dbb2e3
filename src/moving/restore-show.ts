import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import tar from 'tar-stream';
import type { Database, MediaFileRow, ShowRow } from '../db/database.js';
import { convertLegacyLicense } from '../db/migrations/0081-license-ids-from-text.js';
import { findShowById, findShowBySlug } from '../db/repositories/shows-repository.js';
import { ConflictError, DomainError, InvalidInputError } from '../domain/errors.js';
import type { BlobStore } from '../storage/blob-store.js';
import { isSafeKey } from '../storage/safe-key.js';
import { DownloadsCsvError, downloadsCsvName, restoreDownloadsCsv } from './downloads-archive.js';
import { archiveFormat, type EpisodeArchiveJson, type ShowArchiveJson } from './show-archive.js';

const maxJsonBytes = 64 * 1024 * 1024;

async function readText(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxJsonBytes)
      throw new InvalidInputError('archive_invalid', [], { reason: 'a JSON file is too large' });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A show record from before migration 0080 has free text as its license and no license_url: it
 * gets the conversion that migration gave the rows of this database, so it arrives as if it had
 * been here all along.
 */
function upgradedShow(show: Omit<ShowRow, 'license_url'> & { license_url?: string | null }): ShowRow {
  if (show.license_url !== undefined) return show as ShowRow;
  return { ...show, ...convertLegacyLicense(show), license_url: null };
}

function invalid(reason: string): InvalidInputError {
  return new InvalidInputError('archive_invalid', [], { reason });
}

/**
 * Restores a show from its export archive, streaming: records are read as they come (they
 * precede the files), each file goes straight into storage under its key and must match the
 * sha256 its record holds, and the records are written in one transaction at the end. A slug or
 * id already taken answers 409 before any file is stored; anything that fails later removes
 * the files already stored, so nothing half-restored stays behind.
 */
export function createShowRestore(deps: {
  db: Kysely<Database>;
  store: BlobStore;
  maxUploadBytes: number;
  /** Where the download counts wait until the records are written (the system's by default). */
  tempDir?: string;
}) {
  const { db, store } = deps;

  return {
    async restore(body: Readable): Promise<{ showId: string; slug: string; episodes: number }> {
      const extract = tar.extract();
      const stored: string[] = [];
      // The counts come before the end of the archive but go in with the records, in one transaction.
      let countsFile: string | undefined;
      let scratch: string | undefined;
      let showJson: ShowArchiveJson | undefined;
      const episodes: EpisodeArchiveJson[] = [];
      const expected = new Map<string, MediaFileRow>();
      body.on('error', (error) => extract.destroy(error));
      body.pipe(extract);
      // Errors while reading an entry are ours (or storage's); errors between entries are the tar's.
      let inEntry = false;
      try {
        for await (const entry of extract) {
          inEntry = true;
          const name = entry.header.name;
          if (name === 'show.json') {
            const parsed = JSON.parse(await readText(entry)) as ShowArchiveJson;
            if (parsed.format !== archiveFormat.format || parsed.version !== archiveFormat.version)
              throw invalid('not a zender show archive (version 1)');
            if (await findShowBySlug(db, parsed.show.slug))
              throw new ConflictError('slug_taken', { slug: parsed.show.slug });
            if (await findShowById(db, parsed.show.id))
              throw new ConflictError('slug_taken', { slug: parsed.show.slug });
            showJson = parsed;
            for (const file of parsed.files) expected.set(file.key, file);
          } else if (/^episodes\/[^/]+\.json$/.test(name)) {
            if (!showJson) throw invalid('show.json must come first');
            const item = JSON.parse(await readText(entry)) as EpisodeArchiveJson;
            if (item.episode.show_id !== showJson.show.id) throw invalid(`${name} belongs to another show`);
            episodes.push(item);
            for (const file of item.files) expected.set(file.key, file);
          } else if (name.startsWith('media/')) {
            const key = name.slice('media/'.length);
            const record = expected.get(key);
            if (!showJson || !record) throw invalid(`${name} is not named by a record before it`);
            if (!isSafeKey(key)) throw invalid(`${name} is not a storage key zender makes`);
            stored.push(key);
            const put = await store.put(key, entry, {
              contentType: record.mime_type,
              maxBytes: deps.maxUploadBytes * 2,
            });
            if (record.sha256 && put.sha256 !== record.sha256)
              throw invalid(`${name} does not match its sha256`);
          } else if (name === downloadsCsvName) {
            scratch ??= await mkdtemp(path.join(deps.tempDir ?? tmpdir(), 'zender-restore-'));
            countsFile = path.join(scratch, 'daily.csv');
            if (entry.header.size && entry.header.size > deps.maxUploadBytes * 2)
              throw invalid(`${name} is too large`);
            await pipeline(entry, createWriteStream(countsFile));
          } else {
            entry.resume(); // README, feed, drafts, webhooks, rendered transcripts: for people, not for the restore
          }
          inEntry = false;
        }
        if (!showJson) throw invalid('show.json is missing');
        const show = upgradedShow(showJson.show);
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('shows').values(show).execute();
          for (const item of episodes) {
            await trx.insertInto('episodes').values(item.episode).execute();
            for (const transcript of item.transcripts)
              await trx.insertInto('transcripts').values(transcript).execute();
          }
          const files = [...showJson!.files, ...episodes.flatMap((e) => e.files)].filter((f) =>
            stored.includes(f.key),
          );
          for (const file of files) await trx.insertInto('media_files').values(file).execute();
          for (const path of showJson!.paths ?? [])
            await trx.insertInto('episode_paths').values(path).execute();
          if (countsFile) {
            const own = episodes.map((item) => ({ id: item.episode.id, guid: item.episode.guid }));
            await restoreDownloadsCsv(trx, countsFile, { id: show.id, episodes: own });
          }
        });
        return { showId: show.id, slug: show.slug, episodes: episodes.length };
      } catch (error) {
        extract.destroy();
        body.destroy();
        for (const key of stored) await store.delete(key).catch(() => {});
        if (error instanceof SyntaxError || error instanceof DownloadsCsvError) throw invalid(error.message);
        if (!inEntry && !(error instanceof DomainError))
          throw invalid(`unreadable tar (${(error as Error).message})`);
        throw error;
      } finally {
        if (scratch) await rm(scratch, { recursive: true, force: true }).catch(() => {});
      }
    },
  };
}

export type ShowRestore = ReturnType<typeof createShowRestore>;
