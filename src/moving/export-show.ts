import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import tar from 'tar-stream';
import type { Clock } from '../common/clock.js';
import type { Logger } from '../common/logger.js';
import type { Database } from '../db/database.js';
import { NotFoundError } from '../domain/errors.js';
import type { BlobStore } from '../storage/blob-store.js';
import { type Cue, toVtt } from '../timed-text/index.js';
import { archiveReadme } from './archive-readme.js';
import { downloadsCsvName, writeDownloadsCsv } from './downloads-archive.js';
import { archiveFormat, readShowSnapshot, type ShowArchiveJson } from './show-archive.js';

export interface ArchiveEntry {
  name: string;
  size: number;
  describe: string;
  text?: string;
  blobKey?: string;
  /** A file written for this export (the download counts), removed when the export ends. */
  file?: string;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * A show as one tar: the records as JSON, every stored file (originals, delivery audio,
 * waveforms, artwork) under media/ with its storage key, human-readable transcripts and chapters,
 * the feed, drafts and webhooks (without secrets), and a README naming every file. The records
 * are read first (small); the files then stream from the store one after another with
 * backpressure, so memory stays flat whatever the show weighs.
 */
export function createShowExport(deps: {
  db: Kysely<Database>;
  store: BlobStore;
  clock: Clock;
  logger: Logger;
  /** Where the download counts are written before they go into the tar (the system's by default). */
  tempDir?: string;
}) {
  const { db, store, clock } = deps;

  async function entriesFor(
    showId: string,
    scratch: string,
  ): Promise<{ slug: string; entries: ArchiveEntry[] }> {
    const show = await db.selectFrom('shows').selectAll().where('id', '=', showId).executeTakeFirst();
    if (!show) throw new NotFoundError('show', showId);
    const snapshot = await readShowSnapshot(db, show);
    const entries: ArchiveEntry[] = [];
    const text = (name: string, describe: string, body: string) =>
      entries.push({ name, describe, text: body, size: Buffer.byteLength(body) });
    const showJson: ShowArchiveJson = {
      ...archiveFormat,
      exportedAt: clock.now().toISOString(),
      show,
      files: snapshot.showFiles,
      paths: snapshot.paths,
    };
    text('show.json', 'The show record (title, owner, categories, podcast:guid, settings).', json(showJson));
    if (snapshot.feedXml)
      text('feed.xml', 'The RSS feed as zender served it at export time.', snapshot.feedXml);
    text(
      'social-drafts.json',
      'Social media drafts of every episode, with their history.',
      json(snapshot.drafts),
    );
    text(
      'webhooks.json',
      'Webhook subscriptions (URL, events); secrets are not exported.',
      json(snapshot.webhooks),
    );
    const blobs = [...snapshot.showFiles];
    for (const item of snapshot.episodes) {
      const slug = item.episode.slug;
      text(
        `episodes/${slug}.json`,
        `Episode "${item.episode.title}": record, transcripts, file list.`,
        json(item),
      );
      if (item.episode.chapters)
        text(
          `episodes/${slug}/chapters.json`,
          'Chapters (Podcasting 2.0 JSON).',
          `${item.episode.chapters}\n`,
        );
      for (const transcript of item.transcripts)
        text(
          `episodes/${slug}/transcript.${transcript.language}.vtt`,
          `Transcript (${transcript.language}, ${transcript.status}) as WebVTT.`,
          toVtt(JSON.parse(transcript.cues) as Cue[]),
        );
      blobs.push(...item.files);
    }
    const countsFile = path.join(scratch, 'daily.csv');
    const counts = await writeDownloadsCsv(db, show.id, countsFile);
    entries.push({
      name: downloadsCsvName,
      size: counts.size,
      file: countsFile,
      describe: `Downloads per day, episode (guid, slug), app and device: ${counts.rows} lines (CSV).`,
    });
    for (const file of blobs) {
      // The stored size is the truth a tar header needs; a file gone from storage is named in the README.
      const info = await store.head(file.key);
      if (!info) continue;
      entries.push({
        name: `media/${file.key}`,
        size: info.size,
        blobKey: file.key,
        describe: `${file.role} (${file.mime_type}), sha256 ${file.sha256}`,
      });
    }
    const readme = archiveReadme(show.title, entries, clock.now());
    entries.unshift({
      name: 'README.md',
      describe: 'This file.',
      text: readme,
      size: Buffer.byteLength(readme),
    });
    return { slug: show.slug, entries };
  }

  return {
    /** Checks the show and reads its records; the returned stream then writes the archive. */
    async open(showId: string): Promise<{ slug: string; stream: Readable }> {
      const scratch = await mkdtemp(path.join(deps.tempDir ?? tmpdir(), 'zender-export-'));
      let cleaning: Promise<void> | undefined;
      const cleanUp = () => {
        cleaning ??= rm(scratch, { recursive: true, force: true }).catch(() => {});
        return cleaning;
      };
      let slug: string;
      let entries: ArchiveEntry[];
      try {
        ({ slug, entries } = await entriesFor(showId, scratch));
      } catch (error) {
        await cleanUp();
        throw error;
      }
      const pack = tar.pack();
      const out = new PassThrough();
      // Written or abandoned, the export's own files go (a client that leaves closes `out`).
      out.once('close', () => void cleanUp());
      // pipeline, not pipe: it listens for errors on both ends, so a client that goes away
      // mid-download (the response cancels `out`) ends the export quietly instead of leaving an
      // 'error' event without a listener, which would end the process.
      pipeline(pack, out).catch(() => {});
      void (async () => {
        for (const entry of entries) {
          const header = { name: entry.name, size: entry.size, mtime: clock.now() };
          if (entry.text !== undefined) {
            await new Promise<void>((resolve, reject) =>
              pack.entry(header, entry.text, (error) => (error ? reject(error) : resolve())),
            );
            continue;
          }
          if (entry.file) {
            await pipeline(createReadStream(entry.file), pack.entry(header));
            // Gone before the archive ends: a process that exits when its copy is written (npm run export) leaves nothing.
            await cleanUp();
            continue;
          }
          const { body } = await store.get(entry.blobKey!);
          const sink = pack.entry(header);
          await pipeline(body, sink);
        }
        pack.finalize();
      })().catch((error) => {
        void cleanUp();
        deps.logger.error({ err: error, showId }, 'show export stopped');
        out.destroy(error as Error);
        pack.destroy(error as Error);
      });
      return { slug, stream: out };
    },
  };
}

export type ShowExport = ReturnType<typeof createShowExport>;
