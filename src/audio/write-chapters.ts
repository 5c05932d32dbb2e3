import { rm, writeFile } from 'node:fs/promises';
import { type DeliveryChapter, ffmetadata } from './ffmetadata.js';
import { runFfmpeg } from './ffmpeg-runner.js';
import type { MediaTools } from './resolve-media-tools.js';

/**
 * Rewrites an MP3's ID3v2 chapters (CHAP frames, with ffmpeg's CTOC) without re-encoding:
 * the audio frames are copied bit for bit, only the tag changes. Other tags and the cover stay.
 */
export async function writeChapters(
  tools: MediaTools,
  input: string,
  output: string,
  options: { chapters: DeliveryChapter[]; durationSeconds: number; signal?: AbortSignal },
): Promise<void> {
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
