import { z } from 'zod';
import type { TranscriptsTable } from '../database.js';
import { decodeJson } from './json-column.js';

/** One timed piece of a transcript, as stored (timed-text/cue.ts describes it). */
export const cueSchema = z.object({
  startSeconds: z.number(),
  endSeconds: z.number(),
  text: z.string(),
  speaker: z.string().optional(),
});

/** A transcripts row with its cues decoded and checked. */
export interface TranscriptRecord extends Omit<TranscriptsTable, 'cues'> {
  cues: z.output<typeof cueSchema>[];
}

/** The one decoder of the transcripts table. */
export function decodeTranscript(row: TranscriptsTable): TranscriptRecord {
  const where = `transcripts.cues of ${row.episode_id}/${row.language}`;
  return { ...row, cues: decodeJson(z.array(cueSchema), row.cues, where) };
}
