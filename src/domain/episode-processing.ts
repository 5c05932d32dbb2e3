import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import {
  AudioRejectedError,
  encodeDelivery,
  firstPass,
  type MediaTools,
  meteredLoudness,
} from '../audio/index.js';
import type { Clock } from '../common/clock.js';
import { newId } from '../common/ids.js';
import type { EpisodeRecord } from '../db/codecs/episode-codec.js';
import type { Database } from '../db/database.js';
import { findEpisodeById, updateEpisode } from '../db/repositories/episodes-repository.js';
import {
  deleteMediaFile,
  findMediaFile,
  upsertMediaFile,
} from '../db/repositories/media-files-repository.js';
import { findShowById } from '../db/repositories/shows-repository.js';
import { PermanentJobError } from '../jobs/permanent-job-error.js';
import type { BlobStore } from '../storage/blob-store.js';
import { changesDeliveryTags } from './delivery-tags.js';
import type { DomainEventEmitter } from './domain-events.js';
import type { EpisodeExtra, QualityReport, StoredAudio } from './episode.js';

export interface ProcessingContext {
  jobId: string;
  lastAttempt: boolean;
  progress(step: string, percent: number): void;
  /** Which try this is (1 for the first): names this run's own work folder. */
  attempt?: number;
  /** Aborted when this run lost its job to another worker: stop, and leave everything to that one. */
  signal?: AbortSignal;
  /** Commits the result only while this run still holds its job (the worker's JobContext.commit). */
  commit?: <T>(effect: (trx: Kysely<Database>) => Promise<T>) => Promise<T>;
}

export interface EpisodeProcessingDeps {
  db: Kysely<Database>;
  store: BlobStore;
  clock: Clock;
  tools: MediaTools;
  tempDir: string;
  maxDurationSeconds: number;
  defaultTargetLufs: number;
  /** An embedded cover, offered when the episode has no artwork yet (prefill, never overwrite). */
  adoptCover?: (episodeId: string, picture: { data: Buffer; format: string }) => Promise<void>;
  /** Emits `episode.processed` once the episode is ready (transcript placeholder, feed, …). */
  events: DomainEventEmitter;
}

/**
 * The processing job: probe, tags, loudness, encode, peaks, quality report, then one update that
 * makes the episode `ready`. Files are written under keys made from the job id, so a job that is
 * run again after a crash overwrites its own files instead of leaving orphans.
 */
export function createEpisodeProcessing(deps: EpisodeProcessingDeps) {
  const { db, store, clock, tools } = deps;

  async function localCopy(key: string, workDir: string): Promise<string> {
    const local = store.localPath(key);
    if (local) return local;
    const file = path.join(workDir, `source${path.extname(key)}`);
    const { body } = await store.get(key);
    await pipeline(body, createWriteStream(file));
    return file;
  }

  async function markFailed(episodeId: string, jobId: string, reason: string) {
    const row = await findEpisodeById(db, episodeId);
    if (!row || row.job_id !== jobId) return;
    await updateEpisode(db, episodeId, {
      status: 'failed',
      failure_reason: reason,
      updated_at: clock.now().toISOString(),
    });
  }

  /**
   * A newer upload replaced this job's before it became the episode's: its source belongs to
   * nobody now (each upload has its own key), so it goes with its record.
   */
  async function discardSupersededSource(current: EpisodeRecord, sourceKey: string) {
    const extra = current.extra;
    if (extra.original?.key === sourceKey) return;
    await store.delete(sourceKey).catch(() => {});
    await deleteMediaFile(db, sourceKey);
  }

  async function removeReplacedFiles(previous: EpisodeRecord, keep: Set<string>) {
    const oldKeys: string[] = [];
    if (previous.audio) oldKeys.push(previous.audio.key);
    const extra = previous.extra;
    if (extra.peaksKey) oldKeys.push(extra.peaksKey);
    if (extra.original) oldKeys.push(extra.original.key);
    for (const key of oldKeys) {
      if (keep.has(key)) continue;
      await store.delete(key).catch(() => {});
      await deleteMediaFile(db, key);
    }
  }

  return {
    async process(
      payload: { episodeId: string; sourceKey: string; filename?: string },
      context: ProcessingContext,
    ): Promise<void> {
      const { signal } = context;
      const commit = context.commit ?? ((effect) => db.transaction().execute(effect));
      const row = await findEpisodeById(db, payload.episodeId);
      // Gone (its files went with it), or superseded by a newer upload: running twice is harmless.
      if (!row) return;
      if (row.job_id !== context.jobId) return discardSupersededSource(row, payload.sourceKey);
      const show = await findShowById(db, row.show_id);
      if (!show) return;
      // One folder per job, one subfolder per attempt: a run after a crash removes what earlier
      // runs left, and never shares its files with a paused run's ffmpeg still writing its own.
      const jobDir = path.join(deps.tempDir, `zender-job-${context.jobId}`);
      const workDir = path.join(jobDir, `attempt-${context.attempt ?? 1}`);
      await removeEarlierAttempts(jobDir, workDir);
      await mkdir(workDir, { recursive: true });
      try {
        context.progress('probe', 1);
        const source = await localCopy(payload.sourceKey, workDir);
        const { probe, recording, input, tags } = await firstPass(tools, source, {
          maxDurationSeconds: deps.maxDurationSeconds,
          onProgress: (p) => context.progress('loudness', 4 + p * 0.26),
          signal,
        });
        const mono = probe.audio.channels === 1;

        const targetLufs = show.loudness_target_lufs ?? deps.defaultTargetLufs;
        const deliveryFile = path.join(workDir, 'delivery.mp3');
        let coverFile: string | undefined;
        if (tags?.picture && /jpe?g/i.test(tags.picture.format)) {
          coverFile = path.join(workDir, 'cover.jpg');
          await writeFile(coverFile, tags.picture.data);
        }
        const storedChapters = row.chapters ? row.chapters.chapters : [];
        const chapters = storedChapters.length
          ? storedChapters.map((c) => ({ startSeconds: c.startTime, title: c.title ?? '' }))
          : (tags?.chapters ?? []);

        // Pass 2: normalise (measured gain, true-peak safe) and encode the delivery MP3 with its ID3
        // tags; the delivered signal's figures and waveform come from the first pass and the gain
        // (or, behind a limiter, from metering the limiter's output while encoding).
        context.progress('encode', 30);
        const encoded = await encodeDelivery(tools, source, deliveryFile, {
          targetLufs,
          input,
          mono,
          tags: {
            title: row.title,
            artist: show.author,
            album: show.title,
            comment: row.summary ?? undefined,
          },
          coverJpeg: coverFile,
          chapters: chapters.map((c) => ({ startSeconds: c.startSeconds, title: c.title })),
          durationSeconds: recording.durationSeconds,
          onProgress: (p) => context.progress('encode', 30 + p * 0.6),
          signal,
        });
        const output = encoded.delivered;
        const duration = encoded.durationSeconds;

        context.progress('store', 92);
        // Lost to another worker meanwhile: that one writes these same keys, so touch nothing.
        signal?.throwIfAborted();
        const prefix = `episodes/${row.id}/${context.jobId}`;
        const audioPut = await store.put(`${prefix}/audio.mp3`, createReadStream(deliveryFile), {
          contentType: 'audio/mpeg',
        });
        const peaksPut = await store.put(
          `${prefix}/peaks.json`,
          Readable.from([Buffer.from(JSON.stringify(output.peaks))]),
          {
            contentType: 'application/json',
          },
        );
        const original = await findMediaFile(db, payload.sourceKey);

        const inputLoudness = meteredLoudness(input);
        const quality: QualityReport = {
          inputLufs: round1(inputLoudness.integratedLufs),
          inputTruePeakDbtp: round1(inputLoudness.truePeakDbtp),
          outputLufs: round1(output.loudness.integratedLufs),
          truePeakDbtp: round1(output.loudness.truePeakDbtp),
          lra: round1(output.loudness.lra),
          targetLufs,
          // Flat tops at full scale, or a true peak so far over 0 dBTP that playback clips.
          clipping: input.flatTopRuns > 0 || inputLoudness.truePeakDbtp > 0.5,
          leadingSilenceSeconds: output.leadingSilenceSeconds,
          trailingSilenceSeconds: output.trailingSilenceSeconds,
          sampleRate: probe.audio.sampleRate,
          channels: probe.audio.channels,
          codec: probe.audio.codec,
          // A cut-off upload keeps what decodes; staff should know before they publish.
          truncated: recording.truncated,
          ...(recording.truncated ? { claimedDurationSeconds: recording.claimedDurationSeconds } : {}),
        };
        const speech = speechSegments(output.silences, duration);

        const fresh = await findEpisodeById(db, row.id);
        if (!fresh || fresh.job_id !== context.jobId) {
          // Deleted or replaced while we worked: our files belong to nobody.
          for (const key of [audioPut.key, peaksPut.key]) await store.delete(key).catch(() => {});
          if (fresh) await discardSupersededSource(fresh, payload.sourceKey);
          return;
        }
        const extra = fresh.extra;
        const now = clock.now().toISOString();
        await commit(async (trx) => {
          await updateEpisode(trx, row.id, {
            status: 'ready',
            failure_reason: null,
            duration_seconds: duration,
            audio: JSON.stringify({
              key: audioPut.key,
              type: 'audio/mpeg',
              size: audioPut.size,
              sha256: audioPut.sha256,
            }),
            quality: JSON.stringify(quality),
            // Tags only fill what staff left empty; they never overwrite.
            summary: fresh.summary ?? tags?.comment ?? null,
            chapters: fresh.chapters
              ? JSON.stringify(fresh.chapters)
              : tags?.chapters?.length
                ? JSON.stringify({
                    version: '1.2.0',
                    chapters: tags.chapters.map((c) => ({ startTime: c.startSeconds, title: c.title })),
                  })
                : null,
            extra: JSON.stringify({
              ...extra,
              peaksKey: peaksPut.key,
              original: {
                key: payload.sourceKey,
                type: original?.mime_type ?? 'application/octet-stream',
                size: original?.size ?? 0,
                sha256: original?.sha256 ?? '',
                filename: payload.filename,
              },
            } satisfies EpisodeExtra),
            updated_at: now,
          });
          for (const [role, put, mime, dur] of [
            ['delivery', audioPut, 'audio/mpeg', duration],
            ['peaks', peaksPut, 'application/json', null],
          ] as const) {
            await upsertMediaFile(trx, {
              id: newId(),
              episode_id: row.id,
              show_id: null,
              role,
              key: put.key,
              size: put.size,
              sha256: put.sha256,
              mime_type: mime,
              duration_seconds: dur,
              created_at: now,
            });
          }
        });
        await removeReplacedFiles(fresh, new Set([audioPut.key, peaksPut.key, payload.sourceKey]));
        if (!fresh.artwork && tags?.picture && deps.adoptCover) {
          await deps.adoptCover(row.id, tags.picture).catch(() => {}); // a cover Apple would refuse is simply not adopted
        }
        context.progress('done', 100);
        await deps.events.emit('episode.processed', { episodeId: row.id, speech });
        // Edited while we encoded (a tag rewrite then found us busy): the tag we wrote is stale.
        const done = await findEpisodeById(db, row.id);
        if (done && changesDeliveryTags(row, done))
          await deps.events.emit('episode.changed', { episode: done, before: row });
      } catch (error) {
        // This run lost its job: the worker that holds it now decides what becomes of the episode.
        if (signal?.aborted) throw signal.reason;
        if (error instanceof AudioRejectedError) {
          await markFailed(row.id, context.jobId, error.reason);
          await store.delete(payload.sourceKey).catch(() => {});
          await deleteMediaFile(db, payload.sourceKey);
          // The recording itself is unusable: a retry cannot help, so the job fails for good.
          throw new PermanentJobError(error.reason, { cause: error });
        }
        if (context.lastAttempt) await markFailed(row.id, context.jobId, 'processing_failed');
        throw error;
      } finally {
        await rm(workDir, { recursive: true, force: true });
        await rmdir(jobDir).catch(() => {}); // still holds a later attempt's folder: that one removes it
      }
    },
  };
}

async function removeEarlierAttempts(jobDir: string, keep: string) {
  const entries = await readdir(jobDir).catch(() => [] as string[]);
  for (const entry of entries) {
    const dir = path.join(jobDir, entry);
    if (dir !== keep) await rm(dir, { recursive: true, force: true });
  }
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Speech is what lies between silences; transcripts hang their cue timings on it. */
function speechSegments(silences: { start: number; end: number }[], duration: number) {
  const segments: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const silence of silences) {
    if (silence.start > cursor + 0.2) segments.push({ start: cursor, end: silence.start });
    cursor = Math.max(cursor, silence.end);
  }
  if (duration > cursor + 0.2) segments.push({ start: cursor, end: duration });
  return segments;
}

export type EpisodeProcessing = ReturnType<typeof createEpisodeProcessing>;
