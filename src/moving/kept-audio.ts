import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  AudioRejectedError,
  firstPass,
  type MediaTools,
  meteredLoudness,
  signalReport,
} from '../audio/index.js';
import type { QualityReport } from '../domain/episode.js';
import type { BlobStore } from '../storage/blob-store.js';
import { ImportRefusal } from './import-refusal.js';

export interface KeptAudioReport {
  /** MP3: served byte for byte as the enclosure. Anything else goes through normal processing. */
  mp3: boolean;
  durationSeconds: number;
  quality: QualityReport;
  peaks: unknown;
}

/**
 * What an imported recording is, without touching it: the first pass (probe, tags, one metered
 * decode) gives its length, loudness and waveform; nothing is encoded.
 */
export async function analyseKeptAudio(
  deps: { store: BlobStore; tools: MediaTools; tempDir: string; maxDurationSeconds: number },
  key: string,
  workName: string,
): Promise<KeptAudioReport> {
  const workDir = path.join(deps.tempDir, `zender-import-${workName}`);
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  try {
    let file = deps.store.localPath(key);
    if (!file) {
      file = path.join(workDir, `source${path.extname(key)}`);
      const { body } = await deps.store.get(key);
      await pipeline(body, createWriteStream(file));
    }
    const { probe, recording, input } = await firstPass(deps.tools, file, {
      maxDurationSeconds: deps.maxDurationSeconds,
    });
    const report = signalReport(input);
    const loudness = meteredLoudness(input);
    const round1 = (value: number) => Math.round(value * 10) / 10;
    return {
      mp3: probe.audio.codec === 'mp3',
      durationSeconds: recording.durationSeconds,
      peaks: report.peaks,
      quality: {
        inputLufs: round1(loudness.integratedLufs),
        inputTruePeakDbtp: round1(loudness.truePeakDbtp),
        // Kept as published: what goes out is what came in.
        outputLufs: round1(loudness.integratedLufs),
        truePeakDbtp: round1(loudness.truePeakDbtp),
        lra: round1(loudness.lra),
        clipping: input.flatTopRuns > 0 || loudness.truePeakDbtp > 0.5,
        leadingSilenceSeconds: report.leadingSilenceSeconds,
        trailingSilenceSeconds: report.trailingSilenceSeconds,
        sampleRate: probe.audio.sampleRate,
        channels: probe.audio.channels,
        codec: probe.audio.codec,
        truncated: recording.truncated,
      },
    };
  } catch (error) {
    if (error instanceof AudioRejectedError) throw new ImportRefusal('not_audio', error.reason);
    throw error;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
