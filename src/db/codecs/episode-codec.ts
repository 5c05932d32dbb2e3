import { z } from 'zod';
import type { EpisodeRow } from '../database.js';
import { decodeJson, decodeNullableJson } from './json-column.js';
import { personSchema, storedArtworkSchema } from './shared-schemas.js';

/** The delivery file of an episode. */
export const storedAudioSchema = z.object({
  key: z.string(),
  type: z.string(),
  size: z.number(),
  sha256: z.string(),
});
export type StoredAudio = z.output<typeof storedAudioSchema>;

export const qualityReportSchema = z.looseObject({
  inputLufs: z.number(),
  outputLufs: z.number(),
  truePeakDbtp: z.number(),
  inputTruePeakDbtp: z.number().optional(),
  lra: z.number(),
  clipping: z.boolean().optional(),
  leadingSilenceSeconds: z.number().optional(),
  trailingSilenceSeconds: z.number().optional(),
  sampleRate: z.number().optional(),
  channels: z.number().optional(),
  codec: z.string().optional(),
  targetLufs: z.number().optional(),
  /** Less audio decodes than the file claims (a cut-off upload); the episode keeps what there is. */
  truncated: z.boolean().optional(),
  claimedDurationSeconds: z.number().optional(),
});
export type QualityReport = z.output<typeof qualityReportSchema>;

export const transcriptStateSchema = z.object({
  status: z.enum(['none', 'pending', 'draft', 'ready']),
  languages: z.array(z.string()),
});
export type TranscriptState = z.output<typeof transcriptStateSchema>;

const chapterSchema = z.looseObject({
  startTime: z.number(),
  endTime: z.number().optional(),
  title: z.string().optional(),
  img: z.string().optional(),
  url: z.string().optional(),
  toc: z.boolean().optional(),
  location: z.object({ name: z.string(), geo: z.string(), osm: z.string().optional() }).optional(),
});
/** Podcasting 2.0 JSON chapters, as stored and published. */
export const chaptersJsonSchema = z.looseObject({
  version: z.string(),
  title: z.string().optional(),
  author: z.string().optional(),
  podcastName: z.string().optional(),
  chapters: z.array(chapterSchema),
});

const soundbiteSchema = z.object({
  startSeconds: z.number(),
  durationSeconds: z.number(),
  title: z.string().optional(),
});
export const episodeExtraSchema = z.looseObject({
  persons: z.array(personSchema).optional(),
  soundbites: z.array(soundbiteSchema).optional(),
  original: z
    .object({
      key: z.string(),
      type: z.string(),
      size: z.number(),
      sha256: z.string(),
      filename: z.string().optional(),
    })
    .optional(),
  peaksKey: z.string().optional(),
});
export type EpisodeExtra = z.output<typeof episodeExtraSchema>;

/** An episodes row with its JSON columns decoded and checked: what repositories hand the domain. */
export interface EpisodeRecord
  extends Omit<EpisodeRow, 'audio' | 'artwork' | 'quality' | 'transcript' | 'chapters' | 'extra'> {
  audio: StoredAudio | null;
  artwork: z.output<typeof storedArtworkSchema> | null;
  quality: QualityReport | null;
  transcript: TranscriptState;
  chapters: z.output<typeof chaptersJsonSchema> | null;
  extra: EpisodeExtra;
}

/** The one decoder of the episodes table. */
export function decodeEpisode(row: EpisodeRow): EpisodeRecord {
  const at = (column: string) => `episodes.${column} of ${row.id}`;
  return {
    ...row,
    audio: decodeNullableJson(storedAudioSchema, row.audio, at('audio')),
    artwork: decodeNullableJson(storedArtworkSchema, row.artwork, at('artwork')),
    quality: decodeNullableJson(qualityReportSchema, row.quality, at('quality')),
    transcript: decodeJson(transcriptStateSchema, row.transcript, at('transcript')),
    chapters: decodeNullableJson(chaptersJsonSchema, row.chapters, at('chapters')),
    extra: decodeJson(episodeExtraSchema, row.extra, at('extra')),
  };
}
