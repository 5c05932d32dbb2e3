import { rm, writeFile } from 'node:fs/promises';
import { type DeliveryChapter, ffmetadata } from './ffmetadata.js';
import { runFfmpeg } from './ffmpeg-runner.js';
import type { MediaTools } from './resolve-media-tools.js';

/** Descriptive ID3 tags to set; an absent one keeps what the file holds, null removes it. */
export interface DeliveryTags {
  title?: string;
  artist?: string;
  album?: string;
  comment?: string | null;
}

/**
 * Rewrites an MP3's ID3v2 chapters (CHAP frames, with ffmpeg's CTOC) and, when given, its
 * descriptive tags without re-encoding: the audio frames are copied bit for bit, only the tag
 * changes. Other tags and the cover stay.
 */
export async function writeChapters(
  tools: MediaTools,
  input: string,
  output: string,
  options: {
    chapters: DeliveryChapter[];
    durationSeconds: number;
    tags?: DeliveryTags;
    signal?: AbortSignal;
  },
): Promise<void> {
  // `-metadata key=value` after -map_metadata overrides the copied value; an empty value removes it.
  const tagOptions = Object.entries(options.tags ?? {})
    .filter(([, value]) => value !== undefined)
    .flatMap(([key, value]) => ['-metadata', `${key}=${value ?? ''}`]);
  const chaptersFile = `${output}.chapters.txt`;
  await writeFile(chaptersFile, ffmetadata(options.chapters, options.durationSeconds));
  try {
    await runFfmpeg(tools, {
      inputs: [
        { path: input },
        { path: chaptersFile, options: ['-f', 'ffmetadata'], formats: ['ffmetadata'] },
      ],
      outputs: [
        {
          target: output,
          options: [
            '-map',
            '0:a:0',
            '-map',
            '0:v?',
            '-c',
            'copy',
            '-map_metadata',
            '0',
            ...tagOptions,
            '-map_chapters',
            options.chapters.length ? '1' : '-1',
            '-id3v2_version',
            '3',
            '-write_id3v1',
            '0',
            '-f',
            'mp3',
          ],
        },
      ],
      signal: options.signal,
    });
  } finally {
    await rm(chaptersFile, { force: true });
  }
}
